/**
 * Requests per caller, as token buckets: each caller may spend `perMinute` requests at once, and earns
 * them back evenly over a minute. Enough for a scrutineer typing fast or a tab loading a page; a
 * script hammering the API is slowed, and one caller cannot starve the others.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    /** Callers tracked at once; the longest idle are forgotten first (a full bucket is no loss). */
    private readonly maxCallers = 100_000,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Spends one request for `key`, or says how many seconds until the next is allowed. */
  take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs) : this.perMinute;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
    }
    // Re-inserting keeps the map in least-recently-used order for the pruning below.
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > this.maxCallers) this.buckets.delete(this.buckets.keys().next().value!);
    return { allowed: true };
  }
}
