import { endpoints } from '../contract/endpoints.js';
import type { Actor } from '../services/actor.js';
import type { MembershipService } from '../services/membership-service.js';
import type { ObservationService } from '../services/observation-service.js';
import type { PartnershipService } from '../services/partnership-service.js';
import { ApiError } from './api-error.js';
import type { ApiRoutes } from './api-routes.js';

export interface ApiServices {
  membership: MembershipService;
  partnerships: PartnershipService;
  observations: ObservationService;
}

const need = (actor: Actor | undefined): Actor => {
  // ApiRoutes resolves the actor for every path with a partnershipId; this guards the wiring.
  if (!actor) throw new ApiError('forbidden', 'This request names no partnership you belong to.');
  return actor;
};

/** Binds each contract endpoint to the service that does its work. Handlers only translate. */
export function registerApiHandlers(routes: ApiRoutes, s: ApiServices, authMode: 'dev' | 'entra'): void {
  routes.add(endpoints.devPeople, async () => ({ people: await s.membership.devPeople() }));

  routes.add(endpoints.me, async ({ identity }) => ({ memberships: await s.membership.me(identity!, authMode) }));

  routes.add(endpoints.partnershipOverview, async ({ actor }) => s.partnerships.overview(need(actor)));

  routes.add(endpoints.listForums, async ({ actor }) => ({ forums: await s.partnerships.forums(need(actor)) }));

  routes.add(endpoints.listMeetings, async ({ actor, query }) => ({ meetings: await s.partnerships.meetings(need(actor), query) }));

  routes.add(endpoints.listMeetingDocuments, async ({ actor, params }) => ({
    documents: await s.partnerships.meetingDocuments(need(actor), params.meetingId),
  }));

  routes.add(endpoints.checklist, async ({ actor }) => s.partnerships.checklist(need(actor)));

  routes.add(endpoints.listObservations, async ({ actor, query }) => ({
    observations: await s.observations.list(need(actor), query),
  }));

  routes.add(endpoints.createObservation, async ({ actor, body }) => (await s.observations.create(need(actor), body)).observation);
}
