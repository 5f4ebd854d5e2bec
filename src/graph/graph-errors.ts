/**
 * Typed failures of Microsoft Graph calls, so callers branch on a class instead of status numbers.
 * None of these carry the request's Authorization header or token.
 */

/** Any Graph answer we could not use: an HTTP error status, or a transport failure. */
export class GraphRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when no usable response came back (network failure, timeout, truncated body). */
    readonly status: number,
    /** Graph's `error.code` (e.g. `itemNotFound`, `accessDenied`), when the body had one. */
    readonly code: string | undefined,
    readonly url: string,
  ) {
    super(message);
    this.name = 'GraphRequestError';
  }
}

/** 404: the site, drive, folder or item is not there (or not visible to us). */
export class GraphNotFoundError extends GraphRequestError {
  constructor(message: string, code: string | undefined, url: string) {
    super(message, 404, code, url);
    this.name = 'GraphNotFoundError';
  }
}

/** Still throttled (429/503/504) after every allowed attempt. */
export class GraphThrottledError extends GraphRequestError {
  constructor(
    message: string,
    status: number,
    code: string | undefined,
    url: string,
    /** The last Retry-After the service asked for, in milliseconds, if it sent one. */
    readonly retryAfterMs: number | undefined,
    readonly attempts: number,
  ) {
    super(message, status, code, url);
    this.name = 'GraphThrottledError';
  }
}

/**
 * 410 Gone: a delta token can no longer be used. `location` is the nextLink that starts a fresh
 * full enumeration (Graph sends it in the Location header).
 */
export class GraphGoneError extends GraphRequestError {
  constructor(
    message: string,
    code: string | undefined,
    url: string,
    readonly location: string | undefined,
  ) {
    super(message, 410, code, url);
    this.name = 'GraphGoneError';
  }
}

/**
 * The response could not be read: the connection dropped, the body was shorter than declared,
 * the JSON did not parse, or the request timed out. Retried a bounded number of times first.
 */
export class GraphResponseError extends GraphRequestError {
  constructor(message: string, url: string, readonly attempts: number, options?: { cause?: unknown }) {
    super(message, 0, undefined, url);
    this.name = 'GraphResponseError';
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** Graph's documented error body: `{ error: { code, message } }`. */
export function readGraphErrorBody(text: string): { code?: string; message?: string } {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof parsed.error?.code === 'string' ? parsed.error.code : undefined;
    const message = typeof parsed.error?.message === 'string' ? parsed.error.message : undefined;
    return { code, message };
  } catch {
    return {};
  }
}

/** The error for a non-2xx, non-retryable answer. */
export function errorForStatus(status: number, bodyText: string, url: string, location: string | null): GraphRequestError {
  const { code, message } = readGraphErrorBody(bodyText);
  const text = `Graph answered ${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''} (${redactUrl(url)})`;
  if (status === 404) return new GraphNotFoundError(text, code, url);
  if (status === 410) return new GraphGoneError(text, code, url, location ?? undefined);
  return new GraphRequestError(text, status, code, url);
}

/**
 * URLs in messages lose their query: delta tokens and pre-authenticated download URLs are
 * credentials of a kind, and messages end up in logs.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : `${url.slice(0, q)}?…`;
}
