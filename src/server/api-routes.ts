import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import type { Endpoint } from '../contract/endpoints.js';
import { type Actor, authorize } from '../services/actor.js';
import type { Identity, MembershipService } from '../services/membership-service.js';
import { ApiError, toApiError, validationError } from './api-error.js';
import type { Authenticator } from './authenticator.js';
import { readJsonBody } from './json-body.js';
import type { Logger } from './logger.js';
import type { RateLimiter } from './rate-limiter.js';
import { unstorableText } from './storable-text.js';

export interface HandlerInput<E extends Endpoint> {
  params: z.output<E['params']>;
  query: z.output<E['query']>;
  body: z.output<E['body']>;
  identity: Identity | undefined;
  /** Present when the path names a partnership and the caller is its member. */
  actor: Actor | undefined;
}
export type Handler<E extends Endpoint> = (input: HandlerInput<E>) => Promise<z.input<E['response']> | BinaryBody | StreamBody>;

export interface ApiRoutesOptions {
  authenticator: Authenticator;
  membership: MembershipService;
  maxBodyBytes: number;
  /** Requests per caller: a signed-in person, else the address a request comes from. */
  rateLimiter?: RateLimiter;
  logger: Logger;
  /** Check every response against the contract (on outside production, to catch drift early). */
  validateResponses: boolean;
}

/** The actor of a partnership-scoped route; ApiRoutes resolves it for every path with a partnershipId. */
export function requireActor(actor: Actor | undefined): Actor {
  if (!actor) throw new ApiError('forbidden', 'This request names no partnership you belong to.');
  return actor;
}

export function sendError(res: ServerResponse, error: ApiError): void {
  if (res.headersSent) return;
  const body = JSON.stringify(error.body());
  res.writeHead(error.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(error.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : {}),
  });
  res.end(body);
}

/** A file a handler returns instead of JSON (a paper's PDF); sent as it is, never cached by shared caches. */
export class BinaryBody {
  constructor(
    readonly bytes: Uint8Array,
    readonly contentType: string,
    readonly fileName: string,
    /** 'attachment' for a download (an export), rather than shown in place. */
    readonly disposition: 'inline' | 'attachment' = 'inline',
  ) {}
}

/**
 * A download written as it is made (a partnership's whole export), so it is never held in memory whole.
 * `write` gets a sink that resolves when the response can take more; an error after the first byte can
 * only cut the response short.
 */
export class StreamBody {
  constructor(
    readonly contentType: string,
    readonly fileName: string,
    readonly write: (sink: (chunk: Uint8Array) => Promise<void>) => Promise<unknown>,
  ) {}
}

async function sendStream(res: ServerResponse, b: StreamBody): Promise<void> {
  res.writeHead(200, {
    'content-type': b.contentType,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(b.fileName)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  await b.write(
    (chunk) =>
      new Promise<void>((resolve, reject) => {
        if (res.destroyed) return reject(new Error('The client went away.'));
        if (res.write(chunk)) return resolve();
        // Wait for room, or stop when the client goes away (else the export would wait for ever).
        const settle = (error?: Error) => {
          res.off('drain', onDrain);
          res.off('close', onClose);
          if (error) reject(error);
          else resolve();
        };
        const onDrain = () => settle();
        const onClose = () => settle(new Error('The client went away.'));
        res.once('drain', onDrain);
        res.once('close', onClose);
      }),
  );
  res.end();
}

function sendBinary(res: ServerResponse, b: BinaryBody): void {
  res.writeHead(200, {
    'content-type': b.contentType,
    'content-length': b.bytes.byteLength,
    'content-disposition': `${b.disposition}; filename*=UTF-8''${encodeURIComponent(b.fileName)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength));
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    // Records about children: never sniffed into something a browser would run.
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function queryObject(req: IncomingMessage): Record<string, string> {
  const url = new URL(req.url ?? '/', 'http://local');
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!(k in out)) out[k] = v;
  return out;
}

/**
 * Registers contract endpoints on restify. Each request is authenticated, its
 * params, query and body validated against the contract, and the endpoint's
 * declared permission checked, before the handler runs.
 */
export class ApiRoutes {
  readonly registered: Endpoint[] = [];

  constructor(
    private readonly server: Server,
    private readonly options: ApiRoutesOptions,
  ) {}

  add<E extends Endpoint>(endpoint: E, handler: Handler<E>): void {
    if (endpoint.devOnly && this.options.authenticator.mode !== 'dev') return;
    this.registered.push(endpoint);
    const method = endpoint.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'del';
    const register = (method === ('delete' as string) ? this.server.del : this.server[method]).bind(this.server);
    register(endpoint.path, async (req: Request, res: Response) => {
      try {
        const result = await this.run(endpoint, handler, req);
        if (result instanceof BinaryBody) sendBinary(res, result);
        else if (result instanceof StreamBody) await sendStream(res, result);
        else sendJson(res, endpoint.status ?? 200, result);
      } catch (error) {
        const { apiError, unexpected } = toApiError(error);
        if (unexpected) {
          this.options.logger.error('request failed', { route: endpoint.name, error: (error as Error)?.stack ?? String(error) });
        }
        if (res.headersSent && !res.writableEnded) res.destroy(); // a stream cut short: the client sees an incomplete download
        sendError(res, apiError);
      }
    });
  }

  /**
   * By person once signed in, so colleagues behind one office address do not share a budget; by
   * address for requests with no identity or a refused one.
   */
  private limit(req: Request, identity?: Identity): void {
    const limiter = this.options.rateLimiter;
    if (!limiter) return;
    const key = !identity
      ? `address:${req.socket.remoteAddress ?? 'unknown'}`
      : identity.kind === 'dev'
        ? `person:${identity.personId}`
        : `entra:${identity.tenantId}:${identity.objectId}`;
    const verdict = limiter.take(key);
    if (!verdict.allowed) {
      throw new ApiError('rate_limited', `Too many requests: try again in ${verdict.retryAfterSeconds} seconds.`, undefined, verdict.retryAfterSeconds);
    }
  }

  private async run<E extends Endpoint>(endpoint: E, handler: Handler<E>, req: Request): Promise<unknown> {
    const { authenticator, membership, maxBodyBytes } = this.options;
    let identity: Identity | undefined;
    try {
      identity = await authenticator.identify(req);
    } catch (error) {
      this.limit(req); // a refused token spends its address's budget: guessing is slowed
      throw error;
    }
    this.limit(req, identity);
    if (endpoint.access !== 'public' && !identity) {
      throw new ApiError('unauthenticated', 'Sign in first: this request carries no identity.');
    }

    const params = endpoint.params.safeParse({ ...(req.params ?? {}) });
    if (!params.success) throw validationError(params.error, 'params');
    let actor: Actor | undefined;
    const partnershipId = (params.data as { partnershipId?: string }).partnershipId;
    if (identity && partnershipId) {
      actor = await membership.actorFor(identity, partnershipId, 'tab');
      if (endpoint.access !== 'public' && endpoint.access !== 'signed_in') authorize(actor, endpoint.access);
    }

    // Validate the query and read the body only for callers allowed this far: a stranger learns
    // nothing from the answer, and cannot make us buffer a body.
    const query = endpoint.query.safeParse(queryObject(req));
    if (!query.success) throw validationError(query.error, 'query');
    const rawBody = endpoint.method === 'GET' ? undefined : await readJsonBody(req, maxBodyBytes);
    const body = endpoint.body.safeParse(rawBody ?? {});
    if (!body.success) throw validationError(body.error, 'body');
    // Valid as the contract says, yet text the database cannot hold: refused here, with its field.
    const unstorable = unstorableText(query.data, 'query') ?? unstorableText(body.data, 'body');
    if (unstorable) throw new ApiError('validation_failed', `${unstorable.path} ${unstorable.message}.`, [unstorable]);

    const result = await handler({ params: params.data, query: query.data, body: body.data, identity, actor } as HandlerInput<E>);
    if (this.options.validateResponses && !(result instanceof BinaryBody) && !(result instanceof StreamBody)) endpoint.response.parse(result);
    return result;
  }
}
