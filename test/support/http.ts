import { DEV_PERSON_HEADER } from '../../src/server/authenticator.js';

export interface HttpResult {
  status: number;
  headers: Headers;
  body: any;
}

/** A JSON request to the test server, as a given demo person when `as` is set. */
export async function request(
  base: string,
  method: string,
  path: string,
  options: { as?: string; json?: unknown; raw?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.as) headers[DEV_PERSON_HEADER] = options.as;
  let body: string | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  } else if (options.raw !== undefined) {
    body = options.raw;
    headers['content-type'] = options.contentType ?? 'application/json';
  }
  const res = await fetch(base + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, headers: res.headers, body: parsed };
}
