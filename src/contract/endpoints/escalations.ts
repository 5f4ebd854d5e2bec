import { z } from 'zod';
import { endpoint, none, partnershipParams } from '../endpoint.js';
import { Escalation, EscalationPatch, EscalationQuery, NewEscalation } from '../escalations.js';
import { apiRoutes } from '../routes.js';
import { Uuid } from '../values.js';

const escalationParams = z.strictObject({ partnershipId: Uuid, escalationId: Uuid });

/** The escalations and disagreements log, including entries opened by escalating a challenge. */
export const escalationEndpoints = {
  listEscalations: endpoint({
    ...apiRoutes.listEscalations,
    params: partnershipParams,
    query: EscalationQuery,
    body: none,
    response: z.object({ escalations: z.array(Escalation) }),
  }),
  createEscalation: endpoint({
    ...apiRoutes.createEscalation,
    params: partnershipParams,
    query: none,
    body: NewEscalation,
    response: Escalation,
  }),
  updateEscalation: endpoint({
    ...apiRoutes.updateEscalation,
    params: escalationParams,
    query: none,
    body: EscalationPatch,
    response: Escalation,
  }),
} as const;
