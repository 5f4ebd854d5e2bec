/**
 * What to do after a send failed. Teams says to retry 429, 412, 502 and 504 with exponential
 * backoff and random jitter; 403 means the app is not installed or the bot is blocked, and
 * 404 that the conversation is gone: neither gets better by trying again.
 */
export type RetryDecision = { action: 'retry'; delayMs: number } | { action: 'fail' } | { action: 'unreachable' };

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 };

const RETRYABLE = new Set([412, 429, 502, 503, 504]);

/**
 * @param status the connector's HTTP status, or undefined when no answer came (network error)
 * @param attempts attempts made so far, this one included
 */
export function decideRetry(
  status: number | undefined,
  retryAfterMs: number | undefined,
  attempts: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): RetryDecision {
  if (status === 403 || status === 404) return { action: 'unreachable' };
  if (status !== undefined && !RETRYABLE.has(status)) return { action: 'fail' };
  if (attempts >= policy.maxAttempts) return { action: 'fail' };
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  // "Equal jitter": at least half the backoff, so retries spread without collapsing to zero.
  const backoff = exp / 2 + random() * (exp / 2);
  return { action: 'retry', delayMs: Math.round(Math.max(backoff, retryAfterMs ?? 0)) };
}
