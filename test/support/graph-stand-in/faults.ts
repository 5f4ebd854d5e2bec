/**
 * Fault injection for the stand-in: queued faults (the next n requests), a seeded probability mode
 * for reliability runs, and truncated bodies. A fault is a status (429, 503, 504, 500…) answered
 * with Graph's error body and an optional Retry-After, or 'timeout' (no answer at all).
 */
import { graphError, seededRandom, type ApiResult, type Truncation } from './http-util.js';

export type FaultKind = number | 'timeout';

export interface FaultOptions {
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** Only requests to this route consume the fault (e.g. 'delta', 'batch', 'item'). */
  route?: string;
}

export interface ChaosOptions {
  /** Share of requests that fail, e.g. 0.1. */
  rate: number;
  seed?: number;
  /** Default [429, 503, 'timeout']. */
  kinds?: FaultKind[];
  /** Seconds sent as Retry-After on 429/503; default 0 (answer the retry at once). Undefined header with null. */
  retryAfter?: number | null;
  /** Also fail downloads on the second host. Default true. */
  includeDownloads?: boolean;
  /** Also fail inner $batch requests (statuses only). Default true. */
  includeBatchItems?: boolean;
}

export interface Fault {
  kind: FaultKind;
  retryAfter?: number;
}

interface Queued extends Fault {
  route?: string;
}

const CODES: Record<number, string> = { 429: 'TooManyRequests', 503: 'serviceNotAvailable', 504: 'gatewayTimeout', 500: 'generalException' };

/** The answer for a status fault, shaped like Graph's throttling responses. */
export function faultResult(fault: Fault & { kind: number }): ApiResult {
  const headers = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : undefined;
  const message = fault.kind === 429 ? 'Too many requests, please retry after the time in Retry-After.' : 'The service is temporarily unavailable.';
  return graphError(fault.kind, CODES[fault.kind] ?? 'generalException', message, headers);
}

export class FaultInjector {
  private readonly api: Queued[] = [];
  private readonly batchItems: Fault[] = [];
  private readonly downloads: Fault[] = [];
  private readonly truncations: Truncation[] = [];
  private chaos: (Required<Omit<ChaosOptions, 'seed' | 'retryAfter'>> & { retryAfter: number | null; random: () => number }) | null = null;
  /** How many faults were answered (all kinds). */
  injected = 0;

  failNext(n: number, kind: FaultKind, options: FaultOptions = {}): void {
    for (let i = 0; i < n; i++) this.api.push({ kind, retryAfter: options.retryAfter, route: options.route });
  }

  failNextInBatch(n: number, status: number, options: { retryAfter?: number } = {}): void {
    for (let i = 0; i < n; i++) this.batchItems.push({ kind: status, retryAfter: options.retryAfter });
  }

  failNextDownload(n: number, kind: FaultKind, options: { retryAfter?: number } = {}): void {
    for (let i = 0; i < n; i++) this.downloads.push({ kind, retryAfter: options.retryAfter });
  }

  truncateNext(mode: Truncation = 'short-body', n = 1): void {
    for (let i = 0; i < n; i++) this.truncations.push(mode);
  }

  setChaos(options: ChaosOptions | null): void {
    this.chaos = options
      ? {
          rate: options.rate,
          kinds: options.kinds ?? [429, 503, 'timeout'],
          retryAfter: options.retryAfter === undefined ? 0 : options.retryAfter,
          includeDownloads: options.includeDownloads ?? true,
          includeBatchItems: options.includeBatchItems ?? true,
          random: seededRandom(options.seed ?? 1),
        }
      : null;
  }

  clear(): void {
    this.api.length = 0;
    this.batchItems.length = 0;
    this.downloads.length = 0;
    this.truncations.length = 0;
    this.chaos = null;
  }

  takeApi(route: string): Fault | undefined {
    const i = this.api.findIndex((f) => f.route === undefined || f.route === route);
    if (i !== -1) return this.count(this.api.splice(i, 1)[0]);
    return this.count(this.roll(true));
  }

  takeBatchItem(): Fault | undefined {
    return this.count(this.batchItems.shift() ?? (this.chaos?.includeBatchItems ? this.roll(false) : undefined));
  }

  takeDownload(): Fault | undefined {
    return this.count(this.downloads.shift() ?? (this.chaos?.includeDownloads ? this.roll(true) : undefined));
  }

  takeTruncation(): Truncation | undefined {
    const t = this.truncations.shift();
    if (t) this.injected += 1;
    return t;
  }

  private roll(allowTimeout: boolean): Fault | undefined {
    if (!this.chaos || this.chaos.random() >= this.chaos.rate) return undefined;
    const kinds = this.chaos.kinds.filter((k) => allowTimeout || k !== 'timeout');
    if (kinds.length === 0) return undefined;
    const kind = kinds[Math.floor(this.chaos.random() * kinds.length)] as FaultKind;
    return { kind, retryAfter: typeof kind === 'number' && this.chaos.retryAfter !== null ? this.chaos.retryAfter : undefined };
  }

  private count(fault: Fault | undefined): Fault | undefined {
    if (fault) this.injected += 1;
    return fault;
  }
}
