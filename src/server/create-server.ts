import { RateLimiter } from './rate-limiter.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import restify, { type Server } from 'restify';
import { ApiError } from './api-error.js';
import { registerApiHandlers, type ApiServices } from './api-handlers.js';
import { ApiRoutes, sendError } from './api-routes.js';
import type { Authenticator } from './authenticator.js';
import { registerHealthRoutes } from './health-routes.js';
import { registerSignInHandlers } from './sign-in-handlers.js';
import type { SignInSettings } from '../contract/sign-in.js';
import { readJsonBody } from './json-body.js';
import type { Logger } from './logger.js';
import { staticTabHandler } from './static-tab.js';
import type { DatabaseHandle } from '../storage/connect.js';

/** The bot endpoint, provided by bot/ so that botbuilder stays out of the core. */
export type MessagesHandler = (req: IncomingMessage & { body: unknown }, res: ServerResponse) => Promise<void>;

export interface ServerDeps {
  database: DatabaseHandle;
  services: ApiServices;
  authenticator: Authenticator;
  /** What the tab is told about signing in (GET /api/v1/auth/config). */
  signIn: SignInSettings;
  messages: MessagesHandler;
  tabDir: string;
  maxBodyBytes: number;
  rateLimitPerMinute: number;
  logger: Logger;
  validateResponses: boolean;
}

export interface AppServer {
  server: Server;
  routes: ApiRoutes;
  listen(port: number, host: string): Promise<{ port: number }>;
  close(): Promise<void>;
}

export function createAppServer(deps: ServerDeps): AppServer {
  const server = restify.createServer({ name: 'line-of-sight', handleUncaughtExceptions: false });
  // An idle keep-alive socket that the server closes just as a client (or the proxy in front) sends on it
  // resets that request. Node's 5 s default made this happen under load, when a busy event loop fired the
  // timer late (reliability suite, load): keep idle sockets well past what clients and proxies keep them.
  server.server.keepAliveTimeout = 65_000;
  server.server.headersTimeout = 66_000;
  const startedAt = new Date();

  // Restify's own errors (no route, wrong method) leave in our error shape too.
  server.on('restifyError', (_req: unknown, _res: unknown, err: { name?: string; statusCode?: number; toJSON?: () => unknown }, cb: () => void) => {
    const apiError =
      err.statusCode === 405
        ? new ApiError('method_not_allowed', 'This method is not allowed on this path.')
        : err.statusCode === 404
          ? new ApiError('route_not_found', 'There is no such endpoint.')
          : new ApiError('internal_error', 'Something went wrong on our side.');
    err.statusCode = apiError.status;
    err.toJSON = () => apiError.body();
    cb();
  });

  registerHealthRoutes(server, deps.database, startedAt);

  const routes = new ApiRoutes(server, {
    authenticator: deps.authenticator,
    membership: deps.services.membership,
    maxBodyBytes: deps.maxBodyBytes,
    rateLimiter: new RateLimiter(deps.rateLimitPerMinute),
    logger: deps.logger,
    validateResponses: deps.validateResponses,
  });
  registerApiHandlers(routes, deps.services, deps.authenticator.mode);
  registerSignInHandlers(routes, deps.signIn);

  server.post('/api/messages', async (req, res) => {
    try {
      const body = await readJsonBody(req, deps.maxBodyBytes);
      if (body === undefined || typeof body !== 'object' || body === null) {
        throw new ApiError('validation_failed', 'The body must be a Bot Framework activity (a JSON object).');
      }
      (req as unknown as { body: unknown }).body = body;
      await deps.messages(req as unknown as IncomingMessage & { body: unknown }, res);
    } catch (error) {
      if (error instanceof ApiError) return sendError(res, error);
      deps.logger.error('bot endpoint failed', { error: (error as Error)?.stack ?? String(error) });
      sendError(res, new ApiError('internal_error', 'The bot could not handle this activity.'));
    }
  });

  // Anything else under /api is an unknown endpoint, never the tab's index.html.
  const apiNotFound = async (_req: unknown, res: ServerResponse) => sendError(res, new ApiError('route_not_found', 'There is no such endpoint.'));
  for (const m of ['get', 'post', 'put', 'patch', 'del'] as const) server[m]('/api/*', apiNotFound);

  const serveTab = staticTabHandler(deps.tabDir);
  server.get('/*', serveTab);
  server.head('/*', serveTab);

  return {
    server,
    routes,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(port, host, () => {
          server.server.off('error', reject);
          const address = server.server.address();
          resolve({ port: typeof address === 'object' && address ? address.port : port });
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.server.closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}
