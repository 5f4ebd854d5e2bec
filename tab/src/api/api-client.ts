import type { BodyOf, ParamsOf, QueryOf, ResponseOf } from '../../../src/contract/endpoint.js';
import type { EndpointFor } from '../../../src/contract/endpoints.js';
import type { ErrorCode } from '../../../src/contract/error-codes.js';
import type { ErrorDetail } from '../../../src/contract/errors.js';
import type { ApiRoute } from '../../../src/contract/routes.js';
import { getDevPersonId } from '../auth/dev-person-store.js';
import { readErrorBody } from './error-body.js';

/** The dev identity header the server's DevAuthenticator reads (src/server/authenticator.ts). */
export const DEV_PERSON_HEADER = 'x-los-dev-person';

/** Codes the server sends, plus the ones the client makes itself. */
export type ApiClientErrorCode = ErrorCode | 'network_error' | 'invalid_response';

/** A failed call, in words a person can read (`message`) and a code a program can branch on. */
export class ApiClientError extends Error {
  override readonly name = 'ApiClientError';
  constructor(
    readonly status: number,
    readonly code: ApiClientErrorCode,
    message: string,
    /** The server's per-field details (e.g. `body.site`), when it gave any. */
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** What a route's call takes, typed by its endpoint's schemas (type-only: no zod reaches the tab). */
export interface CallOptions<R extends ApiRoute> {
  params?: ParamsOf<EndpointFor<R>>;
  query?: QueryOf<EndpointFor<R>>;
  body?: BodyOf<EndpointFor<R>>;
  signal?: AbortSignal;
}

/** What a successful call to `R` answers. */
export type Answer<R extends ApiRoute> = ResponseOf<EndpointFor<R>>;

/** Fills `:name` segments of a contract path from params, encoding each value. */
export function fillPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '') {
      throw new ApiClientError(0, 'invalid_response', `The request is missing the "${name}" path parameter.`);
    }
    return encodeURIComponent(String(value));
  });
}

function queryString(query: Record<string, unknown> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * Calls one contract endpoint: fills the path, sends JSON, identifies the dev person when one is
 * signed in. The answer is trusted to match the contract (the server checks its own responses in its
 * tests, with validateResponses); only its being a JSON object is checked here, without zod.
 */
export async function callApi<R extends ApiRoute>(route: R, options: CallOptions<R> = {}): Promise<Answer<R>> {
  const url = fillPath(route.path, options.params as Record<string, unknown> | undefined) + queryString(options.query as Record<string, unknown> | undefined);
  const headers: Record<string, string> = { accept: 'application/json' };
  const devPersonId = getDevPersonId();
  if (devPersonId) headers[DEV_PERSON_HEADER] = devPersonId;
  const hasBody = route.method !== 'GET' && options.body !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url, {
      method: route.method,
      headers,
      body: hasBody ? JSON.stringify(options.body) : undefined,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiClientError(
      0,
      'network_error',
      'Line of Sight could not reach its server. Check your connection and try again.',
    );
  }

  const json = await readJson(response);
  if (!response.ok) {
    const error = readErrorBody(json);
    if (error) throw new ApiClientError(response.status, error.code, error.message, error.details);
    throw new ApiClientError(
      response.status,
      'invalid_response',
      `The server answered with an unexpected error (HTTP ${response.status}). Try again in a moment.`,
    );
  }

  if (!isObject(json)) {
    throw new ApiClientError(
      response.status,
      'invalid_response',
      `The server's answer to ${route.name} did not match what this page expects. Reload the page; if it persists, the app may be mid-update.`,
    );
  }
  return json as Answer<R>;
}
