import { z } from 'zod';
import { AgencySummary } from '../agencies.js';
import { endpoint, none, partnershipParams } from '../endpoint.js';
import { apiRoutes } from '../routes.js';

/** The partnership's agencies, by name: for choosing an action's agency or an escalation's parties. */
export const agencyEndpoints = {
  listAgencies: endpoint({
    ...apiRoutes.listAgencies,
    params: partnershipParams,
    query: none,
    body: none,
    response: z.object({ agencies: z.array(AgencySummary) }),
  }),
} as const;
