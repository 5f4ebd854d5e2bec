import type { Server } from 'restify';
import type { DatabaseHandle } from '../storage/connect.js';
import { migrationStatus } from '../storage/migrate.js';
import { ApiError } from './api-error.js';
import { sendError, sendJson } from './api-routes.js';

/**
 * /healthz: the process answers. /readyz: it can do its work, i.e. the database
 * answers and its schema is the one this build expects. Load balancers use /readyz.
 */
export function registerHealthRoutes(server: Server, database: DatabaseHandle, startedAt: Date): void {
  server.get('/healthz', async (_req, res) => {
    sendJson(res, 200, { status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000) });
  });

  server.get('/readyz', async (_req, res) => {
    if (!(await withTimeout(database.ping(), 3000, false))) {
      sendError(res, new ApiError('not_ready', `The ${database.kind} database does not answer.`));
      return;
    }
    try {
      const status = await migrationStatus(database.db);
      if (!status.current) {
        const problem =
          status.unknown.length > 0
            ? `the database has migrations this build does not know (${status.unknown.join(', ')}): deploy the newer build`
            : `migrations are pending (${status.pending.join(', ')}): run npx los migrate`;
        sendError(res, new ApiError('not_ready', `The database schema is not current: ${problem}.`));
        return;
      }
      sendJson(res, 200, { status: 'ready', database: database.kind, migrations: status.applied });
    } catch (error) {
      sendError(res, new ApiError('not_ready', `The database could not be checked: ${(error as Error).message}`));
    }
  });
}

function withTimeout<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(fallback), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      () => {
        clearTimeout(t);
        resolve(fallback);
      },
    );
  });
}
