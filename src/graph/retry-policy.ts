/**
 * How long to wait before trying a Graph request again. Pure: time, randomness and sleeping are
 * passed in, so tests assert the delay that was asked for instead of waiting for it.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff step when the service gave no Retry-After. */
  baseDelayMs: number;
  /** Largest backoff step when the service gave no Retry-After. */
  maxBackoffMs: number;
  /** Largest Retry-After we honour: a service asking for ten minutes should fail the call, not hang it. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxBackoffMs: 30_000,
  maxRetryAfterMs: 60_000,
};

/** Statuses Graph documents as "slow down and try again". */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export const isRetryableStatus = (status: number): boolean => RETRYABLE_STATUSES.has(status);

/**
 * Retry-After in milliseconds: Graph sends whole seconds; HTTP also allows a date. Capped at
 * `maxMs`. Undefined when absent or unreadable (then we back off on our own).
 */
export function parseRetryAfter(value: string | null | undefined, maxMs: number, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(Math.round(Number(trimmed) * 1000), maxMs);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), maxMs);
}

/**
 * Exponential backoff with jitter for attempt n (1 = the wait after the first failure):
 * base·2^(n-1), capped, then scaled into [50%, 100%] so that many clients throttled together
 * do not come back together.
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxBackoffMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step * (0.5 + 0.5 * random()));
}

/** The wait before the next attempt: the service's Retry-After when it gave one, else our backoff. */
export function retryDelayMs(
  attempt: number,
  retryAfterHeader: string | null | undefined,
  policy: RetryPolicy,
  random: () => number,
  now: number = Date.now(),
): number {
  return parseRetryAfter(retryAfterHeader, policy.maxRetryAfterMs, now) ?? backoffDelayMs(attempt, policy, random);
}

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
