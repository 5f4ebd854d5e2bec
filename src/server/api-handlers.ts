import { endpoints } from '../contract/endpoints.js';
import type { MembershipService } from '../services/membership-service.js';
import type { ObservationService } from '../services/observation-service.js';
import type { PartnershipService } from '../services/partnership-service.js';
import type { DocumentSourcesService } from '../services/document-sources-service.js';
import { registerDocumentHandlers } from './document-handlers.js';
import { registerSearchHandlers } from './search-handlers.js';
import type { SearchService } from '../services/search-service.js';
import type { ChallengeService } from '../services/challenge-service.js';
import type { PaperService } from '../services/paper-service.js';
import { registerPaperHandlers } from './paper-handlers.js';
import type { MeetingService } from '../services/meeting-service.js';
import { registerMeetingHandlers } from './meeting-handlers.js';
import { registerAuditHandlers } from './audit-handlers.js';
import type { AuditService } from '../services/audit-service.js';
import { type ApiRoutes, requireActor } from './api-routes.js';
import type { DashboardService } from '../services/dashboard-service.js';
import type { WorkPlanService } from '../services/work-plan-service.js';
import type { EscalationService } from '../services/escalation-service.js';
import { registerDashboardHandlers } from './dashboard-handlers.js';
import { registerWorkPlanHandlers } from './work-plan-handlers.js';
import { registerEscalationHandlers } from './escalation-handlers.js';
import { type ActionServices, registerActionHandlers } from './action-handlers.js';
import { registerActionImportHandlers } from './action-import-handlers.js';
import { type DataProtectionServices, registerDataProtectionHandlers } from './data-protection-handlers.js';
import type { ActionImportService } from '../services/action-import-service.js';
import type { ActionExportService } from '../services/action-export-service.js';
import type { ReportService } from '../reports/report-service.js';
import { registerReportHandlers } from './report-handlers.js';

export interface ApiServices {
  membership: MembershipService;
  partnerships: PartnershipService;
  observations: ObservationService;
  documentSources: DocumentSourcesService;
  search: SearchService;
  challenges: ChallengeService;
  papers: PaperService;
  meetings: MeetingService;
  audit: AuditService;
  actions: ActionServices;
  actionImport: ActionImportService;
  actionExport: ActionExportService;
  dashboard: DashboardService;
  workPlan: WorkPlanService;
  escalations: EscalationService;
  reports: ReportService;
  dataProtection: DataProtectionServices;
}


/** Binds each contract endpoint to the service that does its work. Handlers only translate. */
export function registerApiHandlers(routes: ApiRoutes, s: ApiServices, authMode: 'dev' | 'entra'): void {
  routes.add(endpoints.devPeople, async () => ({ people: await s.membership.devPeople() }));

  routes.add(endpoints.me, async ({ identity }) => ({ memberships: await s.membership.me(identity!, authMode) }));

  routes.add(endpoints.partnershipOverview, async ({ actor }) => s.partnerships.overview(requireActor(actor)));

  routes.add(endpoints.listForums, async ({ actor }) => ({ forums: await s.partnerships.forums(requireActor(actor)) }));

  routes.add(endpoints.listAgencies, async ({ actor }) => ({ agencies: await s.partnerships.agencies(requireActor(actor)) }));

  routes.add(endpoints.listMeetings, async ({ actor, query }) => ({ meetings: await s.partnerships.meetings(requireActor(actor), query) }));

  routes.add(endpoints.listMeetingDocuments, async ({ actor, params }) => ({
    documents: await s.partnerships.meetingDocuments(requireActor(actor), params.meetingId),
  }));

  routes.add(endpoints.checklist, async ({ actor }) => s.partnerships.checklist(requireActor(actor)));

  routes.add(endpoints.listObservations, async ({ actor, query }) => ({
    observations: await s.observations.list(requireActor(actor), query),
  }));

  routes.add(endpoints.createObservation, async ({ actor, body }) => (await s.observations.create(requireActor(actor), body)).observation);

  routes.add(endpoints.editObservation, async ({ actor, params, body }) => s.observations.edit(requireActor(actor), params.observationId, body));
  routes.add(endpoints.deleteObservation, async ({ actor, params }) => s.observations.remove(requireActor(actor), params.observationId));
  routes.add(endpoints.restoreObservation, async ({ actor, params }) => s.observations.restore(requireActor(actor), params.observationId));
  routes.add(endpoints.shareObservation, async ({ actor, params }) => s.observations.share(requireActor(actor), params.observationId));

  routes.add(endpoints.listChallenges, async ({ actor }) => ({ challenges: await s.challenges.list(requireActor(actor)) }));
  routes.add(endpoints.raiseChallenge, async ({ actor, body }) => s.challenges.raise(requireActor(actor), body));
  routes.add(endpoints.listPeople, async ({ actor }) => ({ people: await s.challenges.people(requireActor(actor)) }));

  registerDocumentHandlers(routes, s.documentSources);
  registerSearchHandlers(routes, s.search);
  registerPaperHandlers(routes, s.papers);
  registerMeetingHandlers(routes, s.meetings);
  registerAuditHandlers(routes, s.audit);
  registerActionHandlers(routes, s.actions);
  registerActionImportHandlers(routes, s.actionImport, s.actionExport);
  registerDashboardHandlers(routes, s.dashboard);
  registerWorkPlanHandlers(routes, s.workPlan);
  registerEscalationHandlers(routes, s.escalations);
  registerReportHandlers(routes, s.reports);
  registerDataProtectionHandlers(routes, s.dataProtection);
}
