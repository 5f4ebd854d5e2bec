import { z } from 'zod';
import { ActionExportQuery, ImportCommitted, ImportPlanBody, ImportPreview, ImportRead, ImportReadBody } from '../action-import.js';
import { endpoint, none, partnershipParams } from '../endpoint.js';
import { apiRoutes } from '../routes.js';

/** Importing a tracker from .xlsx or CSV (read → preview → commit), and exporting the tracker. */
export const actionImportEndpoints = {
  readActionImport: endpoint({ ...apiRoutes.readActionImport, params: partnershipParams, query: none, body: ImportReadBody, response: ImportRead }),
  previewActionImport: endpoint({ ...apiRoutes.previewActionImport, params: partnershipParams, query: none, body: ImportPlanBody, response: ImportPreview }),
  commitActionImport: endpoint({ ...apiRoutes.commitActionImport, params: partnershipParams, query: none, body: ImportPlanBody, response: ImportCommitted }),
  exportActions: endpoint({
    ...apiRoutes.exportActions,
    params: partnershipParams,
    query: ActionExportQuery,
    body: none,
    // .xlsx or text/csv bytes, not JSON.
    response: z.unknown(),
  }),
} as const;
