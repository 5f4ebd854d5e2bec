import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/server/rate-limiter.js';

describe('rate limiter', () => {
  it('allows a burst of a minute\'s budget, then one request per share of the minute', () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let i = 0; i < 60; i++) expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    // Another caller has their own budget.
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('says how long to wait, and forgets the longest idle callers first when full', () => {
    let now = 0;
    const limiter = new RateLimiter(10, () => now, 2);
    for (let i = 0; i < 10; i++) limiter.take('a');
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 6 });
    limiter.take('b');
    limiter.take('c'); // 'a' was idle longest: forgotten, so it starts afresh
    expect(limiter.take('a').allowed).toBe(true);
  });
});
