import { createServer, type Server } from 'node:http';
import { SlidingWindowLimiter, TEAMS_PER_CONVERSATION, TEAMS_PER_TENANT } from '../../src/services/outbox-rate-limits.js';

export interface ConnectorCall {
  method: string;
  path: string;
  authorization: string | undefined;
  body: any;
  /** What the stand-in answered. */
  status: number;
  /** When it arrived (Date.now()). */
  at: number;
}

export interface DeliveredActivity {
  conversationId: string;
  activityId: string;
  /** The id the bot gave the activity, when it gave one. */
  clientActivityId?: string;
  body: any;
}

export interface FakeConnectorOptions {
  /** Enforce Teams' documented limits per conversation and per tenant: past them, 429 with Retry-After. */
  teamsLimits?: boolean;
  /** Fail this fraction of sends (after the limits), with a status picked from failureStatuses. */
  failureRate?: number;
  failureStatuses?: number[];
  /** Seed for the failures, so a run can be repeated. */
  seed?: number;
}

export interface FakeConnector {
  url: string;
  /** Every request, in order. */
  calls: ConnectorCall[];
  /** Messages that reached their conversation, each once. */
  delivered: DeliveredActivity[];
  stats: { tooManyRequests: number; injectedFailures: number; duplicatesSuppressed: number };
  /** The next `times` sends fail with `status` (and Retry-After when given). */
  failNext(status: number, times?: number, retryAfterSeconds?: number): void;
  /** Sends to this conversation get 403, as when the app is uninstalled or the bot blocked. */
  block(conversationId: string): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for the Bot Connector service: it records what the bot sends to
 * /v3/conversations/... and answers as the connector does ({ id } of the new activity).
 *
 * It de-duplicates by the activity id the bot sends: a second send of an id it has already
 * accepted in that conversation is answered with the first activity's id and posts nothing.
 * The outbox relies on this to survive a crash between sending and recording.
 */
export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const delivered: DeliveredActivity[] = [];
  const stats = { tooManyRequests: 0, injectedFailures: 0, duplicatesSuppressed: 0 };
  const seen = new Map<string, string>();
  const blocked = new Set<string>();
  const forced: { status: number; retryAfter?: number }[] = [];
  const limits = new SlidingWindowLimiter(0);
  const random = mulberry32(options.seed ?? 1);
  let n = 0;

  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      const at = Date.now();
      const body = data ? JSON.parse(data) : undefined;
      const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        calls.push({ method: req.method!, path: req.url!, authorization: req.headers.authorization, body, status, at });
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(json));
      };
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(req.url?.split('?')[0] ?? '');
      if (req.method !== 'POST' || !match) return answer(200, { id: `activity-${++n}` });
      const conversationId = decodeURIComponent(match[1]!);

      if (blocked.has(conversationId)) return answer(403, error('BotNotInConversationRoster', 'The bot is not part of the conversation roster.'));
      if (options.teamsLimits) {
        const tenant = body?.conversation?.tenantId ?? body?.channelData?.tenant?.id ?? 'unknown';
        const keys = [
          { key: `c:${conversationId}`, windows: TEAMS_PER_CONVERSATION },
          { key: `t:${tenant}`, windows: TEAMS_PER_TENANT },
        ];
        const wait = limits.tryAcquire(keys, at);
        // The stand-in counts a request when it arrives.
        if (wait === 0) limits.release(keys, at);
        else {
          stats.tooManyRequests += 1;
          return answer(429, error('ThrottledRequest', 'Too many requests.'), { 'retry-after': String(Math.ceil(wait / 1000)) });
        }
      }
      const f = forced.shift();
      if (f) return answer(f.status, error('Injected', `injected ${f.status}`), f.retryAfter === undefined ? {} : { 'retry-after': String(f.retryAfter) });
      if (options.failureRate && random() < options.failureRate) {
        const statuses = options.failureStatuses ?? [502, 504, 412];
        stats.injectedFailures += 1;
        return answer(statuses[Math.floor(random() * statuses.length)]!, error('Injected', 'injected failure'));
      }
      const clientId: string | undefined = typeof body?.id === 'string' && body.id ? body.id : undefined;
      const key = clientId && `${conversationId}\u0000${clientId}`;
      if (key && seen.has(key)) {
        stats.duplicatesSuppressed += 1;
        return answer(200, { id: seen.get(key) });
      }
      const activityId = `activity-${++n}`;
      if (key) seen.set(key, activityId);
      delivered.push({ conversationId, activityId, clientActivityId: clientId, body });
      return answer(200, { id: activityId });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    delivered,
    stats,
    failNext(status, times = 1, retryAfterSeconds) {
      for (let i = 0; i < times; i++) forced.push({ status, retryAfter: retryAfterSeconds });
    },
    block(conversationId) {
      blocked.add(conversationId);
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const error = (code: string, message: string) => ({ error: { code, message } });

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
