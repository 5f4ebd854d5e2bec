import { endpoints } from '../contract/index.js';
import type { AuditService } from '../services/audit-service.js';
import { type ApiRoutes, BinaryBody, requireActor } from './api-routes.js';

/** The audit log: pages as JSON, and the whole (filtered) log as a CSV download. */
export function registerAuditHandlers(routes: ApiRoutes, audit: AuditService): void {
  routes.add(endpoints.listAuditLog, async ({ actor, query }) => audit.list(requireActor(actor), query));
  routes.add(endpoints.exportAuditLog, async ({ actor, query }) => {
    const { csv } = await audit.exportCsv(requireActor(actor), query);
    const day = new Date().toISOString().slice(0, 10);
    return new BinaryBody(new TextEncoder().encode(csv), 'text/csv; charset=utf-8', `audit-log-${day}.csv`);
  });
}
