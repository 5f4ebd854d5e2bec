/**
 * Who an identity is in each partnership, remembered for a few seconds. Every API request needs it, and
 * reading it costs a join per request (most of a save on PGlite: bench/save-latency.ts). The price is
 * that a person deactivated or given a new role keeps their old access for at most `ttlMs`
 * (MEMBERSHIP_CACHE_SECONDS; 0 turns the cache off).
 */
export class MembershipCache<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The remembered value, or what `load` reads (then remembered). Concurrent misses each read. */
  async get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.value;
    const value = await load();
    this.entries.delete(key);
    // Oldest first out, so a flood of identities cannot grow the map without bound.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    return value;
  }

  /** Forgets everything, e.g. after this process changes who is a member of what. */
  clear(): void {
    this.entries.clear();
  }
}
