/**
 * Teams' documented limits for bots ("Optimize your bot with rate limiting in Teams",
 * learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit), and a sliding-window
 * limiter that keeps every send inside all of them.
 */
export interface RateWindow {
  limit: number;
  ms: number;
}

/** Per bot per thread (one chat or channel conversation), sending to a conversation. */
export const TEAMS_PER_CONVERSATION: readonly RateWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];

/** The global limit per app per tenant: 50 requests per second. */
export const TEAMS_PER_TENANT: readonly RateWindow[] = [{ limit: 50, ms: 1_000 }];

export interface RateKey {
  key: string;
  windows: readonly RateWindow[];
}

/**
 * Sliding windows rather than token buckets: a bucket of N refilled at N per window lets almost
 * 2N through in one window, which Teams would refuse. Each key keeps the times of its recent
 * sends; a send is allowed when, for every window of every key, fewer than `limit` sends fall
 * inside it.
 *
 * The connector counts a request when it arrives, somewhere between our sending it and its
 * answer coming back, and under load that gap is hundreds of milliseconds. So a send counts
 * from when it is taken until `release` records its answer (an unanswered send is in every
 * window): then no window of the connector's can hold more than ours did. `marginMs` widens
 * each window a little more, for clocks.
 */
export class SlidingWindowLimiter {
  private readonly logs = new Map<string, number[]>();

  constructor(private readonly marginMs = 10) {}

  /**
   * Takes a slot for every key at `now` and returns 0 (call `release` with the same keys when
   * the answer comes), or takes nothing and returns how many milliseconds to wait before asking again.
   */
  tryAcquire(keys: readonly RateKey[], now: number): number {
    const at = this.earliest(keys, now);
    if (at > now) return Math.max(1, Math.ceil(at - now));
    for (const k of keys) {
      const log = this.logs.get(k.key) ?? [];
      log.push(IN_FLIGHT);
      this.logs.set(k.key, log);
    }
    return 0;
  }

  /** The answer to a send taken with these keys came back at `at`. */
  release(keys: readonly RateKey[], at: number): void {
    for (const k of keys) {
      const log = this.logs.get(k.key);
      const i = log?.lastIndexOf(IN_FLIGHT) ?? -1;
      if (!log || i < 0) continue;
      log.splice(i, 1);
      log.splice(firstAfter(log, at), 0, at);
    }
  }

  /** Forgets sends older than every window, so idle conversations do not hold memory. */
  prune(now: number): void {
    for (const [key, log] of this.logs) {
      const keep = log.filter((t) => t > now - 3_600_000 - this.marginMs);
      if (keep.length === 0) this.logs.delete(key);
      else if (keep.length !== log.length) this.logs.set(key, keep);
    }
  }

  private earliest(keys: readonly RateKey[], now: number): number {
    let t = now;
    for (let changed = true; changed; ) {
      changed = false;
      for (const k of keys) {
        const log = this.logs.get(k.key);
        if (!log) continue;
        for (const w of k.windows) {
          const span = w.ms + this.marginMs;
          const inWindow = log.length - firstAfter(log, t - span);
          if (inWindow < w.limit) continue;
          // Wait until the send that has to leave the window for a slot to open has left it;
          // if that send is still unanswered, look again shortly.
          const oldest = log[log.length - w.limit]!;
          if (oldest === IN_FLIGHT) return t + IN_FLIGHT_RECHECK_MS;
          const free = oldest + span;
          if (free > t) {
            t = free;
            changed = true;
          }
        }
      }
    }
    return t;
  }
}

/** An unanswered send: later than any time, so inside every window. */
const IN_FLIGHT = Number.POSITIVE_INFINITY;
const IN_FLIGHT_RECHECK_MS = 10;

/** Index of the first entry strictly after `t` (the log is in ascending order). */
function firstAfter(log: number[], t: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
