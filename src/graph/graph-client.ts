/**
 * Our interface over Microsoft Graph, and the only importer of @microsoft/microsoft-graph-client.
 *
 * The SDK builds and sends requests through a middleware chain that we supply (so that we, not the
 * SDK, decide about redirects, timeouts and where the token goes); retries, counting and error
 * typing are ours, because the SDK's RetryHandler neither caps Retry-After nor retries unreadable
 * bodies, and its redirect handling would be a second place deciding where our token goes.
 */
import { Client, ResponseType, type Context, type GraphRequest, type Middleware } from '@microsoft/microsoft-graph-client';
import type { GraphTokenProvider } from './graph-auth.js';
import { runBatch, type BatchRequest, type BatchResponse } from './graph-batch.js';
import { errorForStatus, GraphRequestError, GraphResponseError, GraphThrottledError, redactUrl } from './graph-errors.js';
import { originOf, parseGraphBaseUrl, resolveGraphUrl, splitForSdk, type GraphBase } from './graph-url.js';
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfter,
  realSleep,
  retryDelayMs,
  type RetryPolicy,
  type Sleep,
} from './retry-policy.js';

export type { BatchRequest, BatchResponse } from './graph-batch.js';

export interface GraphStats {
  /** HTTP requests sent to Graph itself (each retry counts). */
  apiRequests: number;
  /** Response bytes read from Graph itself. */
  apiBytes: number;
  /** Requests to pre-authenticated download hosts. */
  downloadRequests: number;
  downloadBytes: number;
  /** Waits before another attempt (whole requests and inner batch requests). */
  retries: number;
}

export interface RetryInfo {
  url: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface GraphClient {
  /** The configured base, e.g. `https://graph.microsoft.com/v1.0`. */
  readonly baseUrl: string;
  /** GET a JSON resource: a path under the base (`/drives/…`) or an absolute Graph URL (nextLink). */
  get<T>(pathOrUrl: string): Promise<T>;
  post<T>(pathOrUrl: string, body: unknown): Promise<T>;
  /** PUT file bytes (a drive item's `/content`, simple upload up to 250 MB); answers the JSON Graph returns. */
  putContent<T>(pathOrUrl: string, bytes: Uint8Array, contentType: string): Promise<T>;
  /** GET file bytes from a `/content` URL: follows Graph's 302 to the pre-authenticated URL without our token. */
  getContent(pathOrUrl: string): Promise<Uint8Array>;
  /** JSON batching in chunks of 20; inner 429/503/504 are retried; the final answer for every id. */
  batch(requests: BatchRequest[]): Promise<Map<string, BatchResponse>>;
  /** Bytes from a pre-authenticated URL (`@microsoft.graph.downloadUrl`): plain fetch, never an Authorization header. */
  fetchPreauthenticated(url: string): Promise<Uint8Array>;
  stats(): GraphStats;
  resetStats(): void;
}

export interface GraphClientOptions {
  /** GRAPH_BASE_URL: version included, e.g. `https://graph.microsoft.com/v1.0`. */
  baseUrl: string;
  tokens: GraphTokenProvider;
  retry?: Partial<RetryPolicy>;
  /** Injectable so tests assert the delays asked for without waiting. */
  sleep?: Sleep;
  random?: () => number;
  fetch?: typeof fetch;
  /** Per API request, body included. */
  requestTimeoutMs?: number;
  /** Per download from a pre-authenticated URL. */
  downloadTimeoutMs?: number;
  onRetry?: (info: RetryInfo) => void;
}

interface Answer {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/** One attempt's result, as the retry loop sees it. */
type Outcome<T> =
  | { kind: 'done'; value: T }
  | { kind: 'throttled'; status: number; retryAfter: string | null; code: string | undefined }
  | { kind: 'unreadable'; reason: string; cause?: unknown };

/**
 * The end of the SDK's middleware chain: fetch with manual redirects (a 302 to a download host must
 * not carry our token; we follow it ourselves) and a timeout, and no Authorization header unless the
 * request goes to the Graph origin.
 */
class FetchTerminal implements Middleware {
  constructor(
    private readonly graphOrigin: string,
    private readonly fetchImpl: typeof fetch,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    if (originOf(url) !== this.graphOrigin) headers.delete('authorization');
    context.response = await this.fetchImpl(url, {
      ...(context.options as RequestInit),
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }
}

const decoder = new TextDecoder();
const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

class SdkGraphClient implements GraphClient {
  readonly baseUrl: string;
  private readonly base: GraphBase;
  private readonly sdk: Client;
  private readonly policy: RetryPolicy;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly fetchImpl: typeof fetch;
  private readonly downloadTimeoutMs: number;
  private counters: GraphStats = SdkGraphClient.zero();

  constructor(private readonly options: GraphClientOptions) {
    this.base = parseGraphBaseUrl(options.baseUrl);
    this.baseUrl = this.base.url;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    if (!(this.policy.maxAttempts >= 1)) throw new Error('Graph retry maxAttempts must be at least 1');
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.downloadTimeoutMs = options.downloadTimeoutMs ?? 300_000;
    this.sdk = Client.initWithMiddleware({
      baseUrl: this.base.origin,
      defaultVersion: this.base.versionPath,
      middleware: [new FetchTerminal(this.base.origin, this.fetchImpl, options.requestTimeoutMs ?? 60_000)],
    });
  }

  private static zero(): GraphStats {
    return { apiRequests: 0, apiBytes: 0, downloadRequests: 0, downloadBytes: 0, retries: 0 };
  }

  stats(): GraphStats {
    return { ...this.counters };
  }

  resetStats(): void {
    this.counters = SdkGraphClient.zero();
  }

  get<T>(pathOrUrl: string): Promise<T> {
    return this.json<T>('GET', pathOrUrl);
  }

  post<T>(pathOrUrl: string, body: unknown): Promise<T> {
    return this.json<T>('POST', pathOrUrl, body);
  }

  putContent<T>(pathOrUrl: string, bytes: Uint8Array, contentType: string): Promise<T> {
    // A Buffer, which the SDK sends as it is (it would copy a Uint8Array's whole underlying buffer).
    return this.json<T>('PUT', pathOrUrl, { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType });
  }

  batch(requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
    return runBatch(requests, (body) => this.post('/$batch', body), {
      policy: this.policy,
      sleep: this.sleep,
      random: this.random,
      onRetry: ({ attempt, delayMs, retried }) => {
        this.counters.retries += 1;
        this.options.onRetry?.({ url: `${this.baseUrl}/$batch`, attempt, delayMs, reason: `${retried} inner requests throttled` });
      },
    });
  }

  async getContent(pathOrUrl: string): Promise<Uint8Array> {
    const url = this.absolute(pathOrUrl);
    const result = await this.retrying<{ bytes: Uint8Array } | { location: string }>(url, async () => {
      const answer = await this.send('GET', url);
      const throttled = this.throttledOutcome(answer);
      if (throttled) return throttled;
      const location = answer.headers.get('location');
      if (answer.status >= 300 && answer.status < 400 && location) return { kind: 'done', value: { location } };
      if (answer.status >= 300) throw errorForStatus(answer.status, decoder.decode(answer.body), url, location);
      return { kind: 'done', value: { bytes: answer.body } }; // some tenants answer 200 with the bytes
    });
    if ('bytes' in result) return result.bytes;
    // A relative Location is resolved against the request; an absolute one is used exactly as given.
    return this.fetchPreauthenticated(/^https?:\/\//i.test(result.location) ? result.location : new URL(result.location, url).href);
  }

  async fetchPreauthenticated(url: string): Promise<Uint8Array> {
    return this.retrying(url, async () => {
      this.counters.downloadRequests += 1;
      // No headers at all: the URL is its own credential, and the host may refuse a bearer token.
      const response = await this.fetchImpl(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(this.downloadTimeoutMs) });
      const body = new Uint8Array(await response.arrayBuffer());
      this.counters.downloadBytes += body.byteLength;
      const answer: Answer = { status: response.status, headers: response.headers, body };
      const throttled = this.throttledOutcome(answer);
      if (throttled) return throttled;
      if (answer.status >= 300) throw errorForStatus(answer.status, decoder.decode(body), url, null);
      return { kind: 'done', value: body };
    });
  }

  private absolute(pathOrUrl: string): string {
    const url = resolveGraphUrl(this.base, pathOrUrl);
    splitForSdk(this.base, url); // refuses another host before any attempt
    return url;
  }

  private async json<T>(method: 'GET' | 'POST' | 'PUT', pathOrUrl: string, body?: unknown): Promise<T> {
    const url = this.absolute(pathOrUrl);
    return this.retrying<T>(url, async () => {
      const answer = await this.send(method, url, body);
      const throttled = this.throttledOutcome(answer);
      if (throttled) return throttled;
      const text = decoder.decode(answer.body);
      if (answer.status >= 300) throw errorForStatus(answer.status, text, url, answer.headers.get('location'));
      if (answer.status === 204 || text === '') return { kind: 'done', value: undefined as T };
      try {
        return { kind: 'done', value: JSON.parse(text) as T };
      } catch (cause) {
        return { kind: 'unreadable', reason: `the JSON body did not parse (${answer.body.byteLength} bytes)`, cause };
      }
    });
  }

  private throttledOutcome(answer: Answer): Outcome<never> | undefined {
    if (!isRetryableStatus(answer.status)) return undefined;
    let code: string | undefined;
    try {
      code = (JSON.parse(decoder.decode(answer.body)) as { error?: { code?: string } }).error?.code;
    } catch {
      code = undefined;
    }
    return { kind: 'throttled', status: answer.status, retryAfter: answer.headers.get('retry-after'), code };
  }

  /** One HTTP exchange with Graph through the SDK, body read in full. Throws on transport failure. */
  private async send(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<Answer> {
    // Outside the SDK (which would wrap it in its own error), and marked so that the retry loop
    // rethrows it as it is: a ConsentRequiredError must reach the tab with its class.
    const token = await this.options.tokens.getToken().catch((error: unknown) => {
      throw new TokenFailure(error);
    });
    const { version, path } = splitForSdk(this.base, url);
    const request: GraphRequest = this.sdk
      .api(path)
      .version(version)
      .header('Authorization', `Bearer ${token}`)
      .responseType(ResponseType.RAW);
    this.counters.apiRequests += 1;
    const upload = method === 'PUT' ? (body as { bytes: Buffer; contentType: string }) : undefined;
    const response = (
      upload ? await request.header('Content-Type', upload.contentType).put(upload.bytes) : method === 'GET' ? await request.get() : await request.post(body)
    ) as Response;
    const bytes = new Uint8Array(await response.arrayBuffer()); // a short body (connection cut) throws here
    this.counters.apiBytes += bytes.byteLength;
    return { status: response.status, headers: response.headers, body: bytes };
  }

  /**
   * Runs `attempt` up to maxAttempts times. Throttling waits for Retry-After (capped) or backs off;
   * unreadable answers (transport failure, truncated or malformed body) back off. Typed Graph errors
   * (404, 410, 401…) are not retried.
   */
  private async retrying<T>(url: string, attempt: () => Promise<Outcome<T>>): Promise<T> {
    let lastRetryAfterMs: number | undefined;
    for (let n = 1; ; n++) {
      let outcome: Outcome<T>;
      try {
        outcome = await attempt();
      } catch (error) {
        if (error instanceof GraphRequestError) throw error;
        if (error instanceof TokenFailure) throw error.error;
        outcome = { kind: 'unreadable', reason: describe(error), cause: error };
      }
      if (outcome.kind === 'done') return outcome.value;
      if (outcome.kind === 'throttled') lastRetryAfterMs = parseRetryAfter(outcome.retryAfter, this.policy.maxRetryAfterMs);
      if (n >= this.policy.maxAttempts) {
        if (outcome.kind === 'throttled') {
          throw new GraphThrottledError(
            `Graph still answered ${outcome.status} after ${n} attempts (${redactUrl(url)})`,
            outcome.status,
            outcome.code,
            url,
            lastRetryAfterMs,
            n,
          );
        }
        throw new GraphResponseError(`Graph's answer could not be read after ${n} attempts: ${outcome.reason} (${redactUrl(url)})`, url, n, {
          cause: outcome.cause,
        });
      }
      const delayMs =
        outcome.kind === 'throttled'
          ? retryDelayMs(n, outcome.retryAfter, this.policy, this.random)
          : backoffDelayMs(n, this.policy, this.random);
      this.counters.retries += 1;
      this.options.onRetry?.({
        url: redactUrl(url),
        attempt: n,
        delayMs,
        reason: outcome.kind === 'throttled' ? `status ${outcome.status}` : outcome.reason,
      });
      await this.sleep(delayMs);
    }
  }
}

/** Token failures (consent, bad secret) are not Graph's answers: retrying them here would only repeat them. */
class TokenFailure {
  constructor(readonly error: unknown) {}
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  return new SdkGraphClient(options);
}
