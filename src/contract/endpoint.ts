import { z } from 'zod';
import type { RouteInfo } from './routes.js';
import { Uuid } from './values.js';

export type { Access } from './routes.js';

/** A route (routes.ts: name, method, path, access…) with the schemas of what goes in and comes out. */
export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> extends RouteInfo {
  params: P;
  query: Q;
  body: B;
  response: R;
}

export const none = z.strictObject({});
export const partnershipParams = z.strictObject({ partnershipId: Uuid });

export function endpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  e: Endpoint<P, Q, B, R>,
): Endpoint<P, Q, B, R> {
  return e;
}

export type ResponseOf<E extends Endpoint> = z.infer<E['response']>;
export type BodyOf<E extends Endpoint> = z.input<E['body']>;
export type ParamsOf<E extends Endpoint> = z.input<E['params']>;
export type QueryOf<E extends Endpoint> = z.input<E['query']>;
