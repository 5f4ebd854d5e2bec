import { z } from 'zod';
import { AuditExportQuery, AuditPage, AuditQuery } from '../audit.js';
import { endpoint, none, partnershipParams } from '../endpoint.js';
import { apiRoutes } from '../routes.js';

/** The audit log, for the business manager: read in pages, or exported whole as CSV. */
export const auditEndpoints = {
  listAuditLog: endpoint({
    ...apiRoutes.listAuditLog,
    params: partnershipParams,
    query: AuditQuery,
    body: none,
    response: AuditPage,
  }),
  exportAuditLog: endpoint({
    ...apiRoutes.exportAuditLog,
    params: partnershipParams,
    query: AuditExportQuery,
    body: none,
    // text/csv bytes, not JSON.
    response: z.unknown(),
  }),
} as const;
