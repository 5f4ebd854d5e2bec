import { z } from 'zod';
import { AuditExportQuery, AuditPage, AuditQuery } from '../audit.js';
import { endpoint, none, partnershipParams } from '../endpoint.js';

/** The audit log, for the business manager: read in pages, or exported whole as CSV. */
export const auditEndpoints = {
  listAuditLog: endpoint({
    name: 'listAuditLog',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/audit-log',
    access: 'audit.read',
    params: partnershipParams,
    query: AuditQuery,
    body: none,
    response: AuditPage,
  }),
  exportAuditLog: endpoint({
    name: 'exportAuditLog',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/audit-log/export',
    access: 'audit.read',
    params: partnershipParams,
    query: AuditExportQuery,
    body: none,
    // text/csv bytes, not JSON.
    response: z.unknown(),
  }),
} as const;
