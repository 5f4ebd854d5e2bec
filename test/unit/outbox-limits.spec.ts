import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter, TEAMS_PER_CONVERSATION, TEAMS_PER_TENANT, type RateKey } from '../../src/services/outbox-rate-limits.js';
import { decideRetry } from '../../src/services/outbox-retry.js';

const conv = (id: string): RateKey => ({ key: `c:${id}`, windows: TEAMS_PER_CONVERSATION });
const tenant: RateKey = { key: 't:1', windows: TEAMS_PER_TENANT };

/** Sends as fast as the limiter allows from t=0 until `until`, returning the send times. */
function sendTimes(limiter: SlidingWindowLimiter, keys: (i: number) => RateKey[], until: number): number[] {
  const times: number[] = [];
  let now = 0;
  for (let i = 0; now <= until; ) {
    const wait = limiter.tryAcquire(keys(i), now);
    if (wait === 0) {
      limiter.release(keys(i), now);
      times.push(now);
      i++;
    } else now += wait;
  }
  return times;
}

const maxInWindow = (times: number[], ms: number) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));

describe('keeping to Teams\u2019 rate limits', () => {
  it('never lets one conversation go past 7 a second, 8 in two seconds, or 60 in thirty', () => {
    const times = sendTimes(new SlidingWindowLimiter(0), () => [conv('a'), tenant], 120_000);
    expect(maxInWindow(times, 1_000)).toBe(7);
    expect(maxInWindow(times, 2_000)).toBe(8);
    expect(maxInWindow(times, 30_000)).toBe(60);
    // ...and still sends as much as the limits allow: 60 every 30 seconds.
    expect(times.filter((t) => t < 120_000).length).toBeGreaterThanOrEqual(240);
  });

  it('holds a tenant to 50 a second across many conversations, and uses all of it', () => {
    const times = sendTimes(new SlidingWindowLimiter(0), (i) => [conv(String(i)), tenant], 10_000);
    expect(maxInWindow(times, 1_000)).toBe(50);
    expect(times.filter((t) => t < 10_000).length).toBe(500);
  });

  it('keeps conversations apart: a busy chat does not slow another', () => {
    const limiter = new SlidingWindowLimiter(0);
    for (let i = 0; i < 8; i++) {
      limiter.tryAcquire([conv('busy')], 0);
      limiter.release([conv('busy')], 0);
    }
    expect(limiter.tryAcquire([conv('busy')], 0)).toBeGreaterThan(0);
    expect(limiter.tryAcquire([conv('quiet')], 0)).toBe(0);
  });

  it('counts a send until its answer is back, so a slow answer cannot let the connector see too many', () => {
    const limiter = new SlidingWindowLimiter(0);
    const keys = [conv('slow')];
    for (let i = 0; i < 7; i++) expect(limiter.tryAcquire(keys, 0)).toBe(0);
    // A second later the first seven are still unanswered: they may yet arrive inside this second.
    expect(limiter.tryAcquire(keys, 1_500)).toBeGreaterThan(0);
    for (let i = 0; i < 7; i++) limiter.release(keys, 1_600);
    expect(limiter.tryAcquire(keys, 2_599)).toBeGreaterThan(0);
    expect(limiter.tryAcquire(keys, 2_601)).toBe(0);
  });
});

describe('what to do after a failed send', () => {
  const fixed = () => 0.5;
  it('retries 429, 412, 502 and 504 with growing backoff', () => {
    for (const status of [429, 412, 502, 504]) expect(decideRetry(status, undefined, 1, undefined, fixed).action).toBe('retry');
    const delays = [1, 2, 3, 4].map((n) => (decideRetry(502, undefined, n, undefined, fixed) as { delayMs: number }).delayMs);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(delays[3]).toBeGreaterThan(delays[0]! * 4);
  });

  it('spreads retries with jitter', () => {
    const low = decideRetry(502, undefined, 3, undefined, () => 0) as { delayMs: number };
    const high = decideRetry(502, undefined, 3, undefined, () => 0.99) as { delayMs: number };
    expect(high.delayMs).toBeGreaterThan(low.delayMs);
  });

  it('waits at least as long as Retry-After says', () => {
    expect(decideRetry(429, 30_000, 1, undefined, fixed)).toEqual({ action: 'retry', delayMs: 30_000 });
  });

  it('gives up after the last attempt, and at once on errors retrying cannot fix', () => {
    expect(decideRetry(502, undefined, 8).action).toBe('fail');
    expect(decideRetry(400, undefined, 1).action).toBe('fail');
  });

  it('treats 403 (not installed, or blocked) as unreachable, not as something to retry', () => {
    expect(decideRetry(403, undefined, 1).action).toBe('unreachable');
  });
});
