import { z } from 'zod';
import type { Operation } from '../domain/permissions.js';
import { Uuid } from './values.js';

/**
 * Who may call an endpoint: `public` needs no sign-in (and exists only where said),
 * `signed_in` needs any identity, otherwise an operation from the permission table.
 * Every endpoint declares one; a test fails if one does not.
 */
export type Access = 'public' | 'signed_in' | Operation;

export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  access: Access;
  params: P;
  query: Q;
  body: B;
  response: R;
  /** Answered only when AUTH_MODE=dev. */
  devOnly?: boolean;
  /** HTTP status of a success; 200 unless said. */
  status?: number;
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
