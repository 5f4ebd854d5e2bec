import type { BodyOf, ParamsOf, QueryOf, ResponseOf } from '../../../src/contract/endpoint.js';
import type { EndpointFor } from '../../../src/contract/endpoints.js';
import type { ErrorCode } from '../../../src/contract/error-codes.js';
import type { ErrorDetail } from '../../../src/contract/errors.js';
import type { ApiRoute } from '../../../src/contract/routes.js';
import { awaitConsent } from '../auth/consent-store.js';
import { credentialsFor, mayRenewSignIn } from '../auth/credentials.js';
import { SignInFailed, SignInRequired } from '../auth/token-provider.js';
import { readErrorBody } from './error-body.js';

export { DEV_PERSON_HEADER } from '../auth/credentials.js';

/**
 * Codes the server sends, plus the ones the client makes itself: `sign_in_required` when a browser must
 * be signed in with a click (a popup), `sign_in_failed` when Teams or MSAL gave no token.
 */
export type ApiClientErrorCode = ErrorCode | 'network_error' | 'invalid_response' | 'sign_in_required' | 'sign_in_failed';

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

const unreachable = () =>
  new ApiClientError(0, 'network_error', 'Line of Sight could not reach its server. Check your connection and try again.');

/** The call's identity headers, or the reason there are none, in the client's own codes. */
async function credentials(route: ApiRoute, refresh: boolean): Promise<Record<string, string>> {
  try {
    return await credentialsFor(route, { refresh });
  } catch (error) {
    if (error instanceof SignInRequired) throw new ApiClientError(401, 'sign_in_required', error.message);
    if (error instanceof SignInFailed) throw new ApiClientError(401, 'sign_in_failed', error.message);
    throw unreachable();
  }
}

/**
 * Sends one request as the signed-in caller. Signed in through Entra, a refused token is renewed and the
 * request sent once more. A request that cannot leave is an ApiClientError (network_error); any answer is
 * returned as it is. For answers that are not JSON (a PDF, an export) as well as for callApi.
 */
export async function sendSignedIn(route: ApiRoute, url: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> }): Promise<Response> {
  for (let renewed = false; ; renewed = true) {
    const headers = { ...init.headers, ...(await credentials(route, renewed)) };
    let response: Response;
    try {
      response = await fetch(url, { ...init, headers, credentials: 'same-origin' });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw unreachable();
    }
    // An expired or revoked token: once with a fresh one (never in dev mode, where nothing would change).
    if (response.status === 401 && !renewed && (await mayRenewSignIn())) continue;
    return response;
  }
}

/**
 * Calls one contract endpoint: fills the path, sends JSON as the signed-in caller (a dev person, or an
 * Entra token: sendSignedIn). A call that needs the person's consent for Graph waits for it
 * (auth/consent-store.ts) and is sent once more. The answer is trusted to match the contract (the server
 * checks its own responses in its tests, with validateResponses); only its being a JSON object is checked
 * here, without zod.
 */
export async function callApi<R extends ApiRoute>(route: R, options: CallOptions<R> = {}): Promise<Answer<R>> {
  const url = fillPath(route.path, options.params as Record<string, unknown> | undefined) + queryString(options.query as Record<string, unknown> | undefined);
  const hasBody = route.method !== 'GET' && options.body !== undefined;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (hasBody) headers['content-type'] = 'application/json';

  for (let consented = false; ; consented = true) {
    const response = await sendSignedIn(route, url, {
      method: route.method,
      headers,
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
    const json = await readJson(response);
    if (!response.ok) {
      const error = readErrorBody(json);
      if (error?.code === 'consent_required' && !consented && (await awaitConsent(error.message, options.signal))) continue;
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
}
