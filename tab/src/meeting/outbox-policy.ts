import type { ApiClientError } from '../api/api-client.js';

/** Seconds before the next try: 1, 2, 4, 8, then every 15 s, so a restored network is noticed soon. */
export function retryDelayMs(attempts: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Whether a failed save will never succeed as it is: the server looked at it and refused it (4xx).
 * Network failures, 5xx, 408 and 429 are worth trying again; so is 401 (a sign-in that lapsed).
 */
export function isRefusal(error: ApiClientError): boolean {
  if (error.status < 400 || error.status >= 500) return false;
  return ![401, 408, 429].includes(error.status);
}
