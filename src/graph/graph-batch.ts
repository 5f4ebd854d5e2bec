/**
 * Graph JSON batching: at most 20 requests per POST /$batch. Each inner request can be throttled on
 * its own (an inner 429/503 with its own Retry-After), so only those are sent again, not the batch.
 */
import { isRetryableStatus, retryDelayMs, type RetryPolicy, type Sleep } from './retry-policy.js';

export const BATCH_LIMIT = 20;

export interface BatchRequest {
  /** Unique within one call (Graph compares ids case-insensitively). */
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the version root, e.g. `/drives/{d}/items/{id}?$select=id,cTag`. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchResponse {
  id: string;
  /** The inner status; 0 when Graph never answered for this id. */
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface BatchRetry {
  policy: RetryPolicy;
  sleep: Sleep;
  random: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; retried: number }) => void;
}

export type PostBatch = (body: { requests: BatchRequest[] }) => Promise<{ responses?: BatchResponse[] }>;

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const headerValue = (headers: Record<string, string> | undefined, name: string): string | undefined => {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : String(headers[key]);
};

/**
 * Sends `requests` in chunks of 20, one chunk after another (several at once would only earn more
 * 429s), and returns the final answer for every id. Inner answers still throttled after the last
 * attempt are returned as they are: the caller decides what an unanswered item means.
 */
export async function runBatch(requests: BatchRequest[], post: PostBatch, retry: BatchRetry): Promise<Map<string, BatchResponse>> {
  const seen = new Set<string>();
  for (const r of requests) {
    const key = r.id.toLowerCase();
    if (seen.has(key)) throw new Error(`Batch request id "${r.id}" is used twice`);
    seen.add(key);
  }
  const results = new Map<string, BatchResponse>();
  for (const part of chunk(requests, BATCH_LIMIT)) {
    let pending = part;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const answer = await post({ requests: pending });
      const byId = new Map((answer.responses ?? []).map((r) => [String(r.id).toLowerCase(), r]));
      const again: BatchRequest[] = [];
      let delayMs = 0;
      for (const request of pending) {
        const response = byId.get(request.id.toLowerCase());
        const retryable = response === undefined || isRetryableStatus(response.status);
        if (retryable && attempt < retry.policy.maxAttempts) {
          again.push(request);
          const retryAfter = headerValue(response?.headers, 'retry-after');
          delayMs = Math.max(delayMs, retryDelayMs(attempt, retryAfter, retry.policy, retry.random));
        } else {
          results.set(request.id, response ?? { id: request.id, status: 0, headers: {}, body: undefined });
        }
      }
      pending = again;
      if (pending.length > 0) {
        retry.onRetry?.({ attempt, delayMs, retried: pending.length });
        await retry.sleep(delayMs);
      }
    }
  }
  return results;
}
