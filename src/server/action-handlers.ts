import { endpoints } from '../contract/endpoints.js';
import type { ActionSignOffService } from '../services/action-sign-off-service.js';
import type { ActionTrackerService } from '../services/action-tracker-service.js';
import { type ApiRoutes, requireActor } from './api-routes.js';

export interface ActionServices {
  tracker: ActionTrackerService;
  signOff: ActionSignOffService;
}

/** The composite action tracker: list, create, inline edit, history, evidence, proposal and sign-off. */
export function registerActionHandlers(routes: ApiRoutes, s: ActionServices): void {
  routes.add(endpoints.listActions, async ({ actor }) => s.tracker.list(requireActor(actor)));
  routes.add(endpoints.createAction, async ({ actor, body }) => s.tracker.create(requireActor(actor), body));
  routes.add(endpoints.updateAction, async ({ actor, params, body }) => s.tracker.update(requireActor(actor), params.actionId, body));
  routes.add(endpoints.actionHistory, async ({ actor, params }) => s.tracker.history(requireActor(actor), params.actionId));
  routes.add(endpoints.addActionEvidence, async ({ actor, params, body }) => s.signOff.addEvidence(requireActor(actor), params.actionId, body));
  routes.add(endpoints.proposeActionComplete, async ({ actor, params, body }) => s.signOff.proposeComplete(requireActor(actor), params.actionId, body));
  routes.add(endpoints.signOffAction, async ({ actor, params, body }) => s.signOff.signOff(requireActor(actor), params.actionId, body));
  routes.add(endpoints.declineActionSignOff, async ({ actor, params, body }) => s.signOff.declineSignOff(requireActor(actor), params.actionId, body));
}
