import { randomUUID } from 'node:crypto';
import type { OutboxService } from '../src/services/outbox-service.js';
import { SlidingWindowLimiter, TEAMS_PER_CONVERSATION, TEAMS_PER_TENANT, type RateKey } from '../src/services/outbox-rate-limits.js';
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy } from '../src/services/outbox-retry.js';
import type { OutboxMessage } from '../src/storage/repositories/outbox-repository.js';
import { ConnectorError, type ProactiveSend } from './proactive.js';

export interface OutboxWorkerOptions {
  outbox: OutboxService;
  send: ProactiveSend;
  workerId?: string;
  pollIntervalMs?: number;
  /** How long a claim holds a message. A worker that dies leaves it to be taken again after this. */
  leaseMs?: number;
  /** Messages being sent (or waiting for the rate limits) at once. */
  maxInFlight?: number;
  retry?: RetryPolicy;
  limiter?: SlidingWindowLimiter;
  random?: () => number;
  onError?: (error: unknown, message?: OutboxMessage) => void;
}

/**
 * Sends the outbox. Several workers (one per server instance) can run against one database:
 * each claims rows with FOR UPDATE SKIP LOCKED and holds them by a lease.
 *
 * Crash safety. A claim marks the row 'sending' with a lease and commits before anything goes
 * out. The activity is sent with the row's id as its activity id, the same on every attempt.
 * Then the row is recorded 'sent' with the connector's activity id. If the worker dies between
 * the send and that record, the row stays 'sending' until its lease runs out; the next claim
 * sends it again with the same id, and the connector recognises the id it has already accepted
 * and answers with the first activity instead of posting a second (the local stand-in does this;
 * see the report for what Microsoft documents). A lease that ran out while this worker was
 * still busy cannot overwrite the other worker's outcome: every record is conditional on
 * holding the lease.
 *
 * Rate limits are kept per conversation and per tenant in this process (SlidingWindowLimiter);
 * a 429 that still comes (another instance, another app) is retried after its Retry-After.
 */
export class OutboxWorker {
  readonly workerId: string;
  private readonly poll: number;
  private readonly leaseMs: number;
  private readonly maxInFlight: number;
  private readonly retry: RetryPolicy;
  private readonly limiter: SlidingWindowLimiter;
  private readonly random: () => number;
  private readonly inFlight = new Set<Promise<void>>();
  private running: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(private readonly o: OutboxWorkerOptions) {
    this.workerId = o.workerId ?? `outbox-${randomUUID()}`;
    this.poll = o.pollIntervalMs ?? 1_000;
    this.leaseMs = o.leaseMs ?? 120_000;
    this.maxInFlight = o.maxInFlight ?? 50;
    this.retry = o.retry ?? DEFAULT_RETRY_POLICY;
    this.limiter = o.limiter ?? new SlidingWindowLimiter();
    this.random = o.random ?? Math.random;
  }

  start(): void {
    if (this.running) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** Stops claiming, and waits for the messages in hand (those still waiting for a slot go back untried). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
    await Promise.all([...this.inFlight]);
  }

  private async loop(): Promise<void> {
    let lastPrune = Date.now();
    while (!this.stopped) {
      const room = this.maxInFlight - this.inFlight.size;
      let claimed = 0;
      if (room > 0) {
        try {
          const batch = await this.o.outbox.claim(this.workerId, this.leaseMs, Math.min(room, 25));
          claimed = batch.length;
          for (const m of batch) this.track(this.deliver(m));
        } catch (error) {
          this.o.onError?.(error);
        }
      }
      if (Date.now() - lastPrune > 60_000) {
        this.limiter.prune(Date.now());
        lastPrune = Date.now();
      }
      // Full hands: wait for one to finish. Nothing due: wait for the next poll.
      if (claimed === 0 || claimed >= room) await this.pause(claimed === 0 ? this.poll : 60_000);
    }
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => {
      this.inFlight.delete(p);
      this.wake?.();
    });
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async deliver(m: OutboxMessage): Promise<void> {
    const keys: RateKey[] = [
      { key: `conversation:${m.reference.conversationId}`, windows: TEAMS_PER_CONVERSATION },
      { key: `tenant:${m.reference.tenantId}`, windows: TEAMS_PER_TENANT },
    ];
    try {
      let deferMs: number | undefined;
      let taken = false;
      let activityId: string;
      try {
        // The rate limits are taken at the last moment before the wire, however long the
        // client took to get ready, and the send counts until its answer is back.
        const beforeWire = async () => {
          deferMs = await this.waitForSlot(keys);
          if (deferMs !== undefined) throw new Error('deferred by the rate limits');
          taken = true;
        };
        activityId = (await this.o.send(m.reference, m.activity, m.id, { beforeWire })).activityId;
      } catch (error) {
        if (deferMs !== undefined) await this.o.outbox.recordDeferred(m, this.workerId, deferMs);
        else await this.recordFailure(m, error);
        return;
      } finally {
        if (taken) this.limiter.release(keys, Date.now());
      }
      // If the process dies here, the lease runs out and the message is sent again with the same id.
      await this.o.outbox.recordSent(m, this.workerId, activityId);
    } catch (error) {
      this.o.onError?.(error, m);
    }
  }

  /**
   * Waits until the conversation and the tenant both have room and takes it (undefined), or
   * says in how many milliseconds to try again instead: a message does not sit on its lease
   * (or hold up a stop) waiting for long.
   */
  private async waitForSlot(keys: RateKey[]): Promise<number | undefined> {
    for (;;) {
      const wait = this.limiter.tryAcquire(keys, Date.now());
      if (wait === 0) return undefined;
      if (this.stopped) return 0;
      if (wait > this.leaseMs / 4) return wait;
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  private async recordFailure(m: OutboxMessage, error: unknown): Promise<void> {
    const status = error instanceof ConnectorError ? error.status : undefined;
    const retryAfter = error instanceof ConnectorError ? error.retryAfterMs : undefined;
    const text = `${status ?? 'no answer'}: ${(error as Error)?.message ?? String(error)}`;
    const decision = decideRetry(status, retryAfter, m.attempts, this.retry, this.random);
    if (decision.action === 'retry') await this.o.outbox.recordRetry(m, this.workerId, decision.delayMs, text);
    else if (decision.action === 'unreachable') await this.o.outbox.recordUnreachable(m, this.workerId, text);
    else await this.o.outbox.recordFailed(m, this.workerId, text);
  }
}
