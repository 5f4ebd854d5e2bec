import { endpoints } from '../contract/endpoints.js';
import type { EscalationService } from '../services/escalation-service.js';
import { type ApiRoutes, requireActor } from './api-routes.js';

/** The escalations and disagreements log. */
export function registerEscalationHandlers(routes: ApiRoutes, escalations: EscalationService): void {
  routes.add(endpoints.listEscalations, async ({ actor, query }) => ({ escalations: await escalations.list(requireActor(actor), query) }));
  routes.add(endpoints.createEscalation, async ({ actor, body }) => escalations.create(requireActor(actor), body));
  routes.add(endpoints.updateEscalation, async ({ actor, params, body }) => escalations.update(requireActor(actor), params.escalationId, body));
}
