import { z } from 'zod';
import { ErasePartnershipRequest, ErasePersonRequest, ErasureResult, RetentionPatch, RetentionRun, RetentionSettings } from '../data-protection.js';
import { endpoint, none, partnershipParams } from '../endpoint.js';
import { apiRoutes } from '../routes.js';
import { Uuid } from '../values.js';

/** Retention periods, erasure of a person or the whole partnership, and the partnership's export: the business manager's. */
export const dataProtectionEndpoints = {
  getRetention: endpoint({ ...apiRoutes.getRetention, params: partnershipParams, query: none, body: none, response: RetentionSettings }),
  updateRetention: endpoint({ ...apiRoutes.updateRetention, params: partnershipParams, query: none, body: RetentionPatch, response: RetentionSettings }),
  runRetention: endpoint({ ...apiRoutes.runRetention, params: partnershipParams, query: none, body: none, response: RetentionRun }),
  erasePerson: endpoint({
    ...apiRoutes.erasePerson,
    params: z.strictObject({ partnershipId: Uuid, personId: Uuid }),
    query: none,
    body: ErasePersonRequest,
    response: ErasureResult,
  }),
  erasePartnership: endpoint({ ...apiRoutes.erasePartnership, params: partnershipParams, query: none, body: ErasePartnershipRequest, response: ErasureResult }),
  exportPartnership: endpoint({
    ...apiRoutes.exportPartnership,
    params: partnershipParams,
    query: none,
    body: none,
    // A zip of JSON lines, streamed: not JSON.
    response: z.unknown(),
  }),
} as const;
