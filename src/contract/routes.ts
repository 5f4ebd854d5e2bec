import type { Operation } from '../domain/permissions.js';

/*
 * Where each endpoint lives and who may call it, without its schemas. Zod-free on purpose: the tab calls
 * the API through this table and takes the request and response types from the schemas with `import type`,
 * so none of zod reaches the browser. The endpoints under endpoints/ spread these entries and add the
 * schemas; test/unit/contract.spec.ts fails if the two ever disagree.
 */

/**
 * Who may call an endpoint: `public` needs no sign-in (and exists only where said),
 * `signed_in` needs any identity, otherwise an operation from the permission table.
 * Every endpoint declares one; a test fails if one does not.
 */
export type Access = 'public' | 'signed_in' | Operation;

export interface RouteInfo {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  access: Access;
  /** Answered only when AUTH_MODE=dev. */
  devOnly?: boolean;
  /** Public in every mode: only what the tab must know before anyone can sign in (how to sign in). */
  beforeSignIn?: boolean;
  /** HTTP status of a success; 200 unless said. */
  status?: number;
}

const P = '/api/v1/partnerships/:partnershipId';

export const apiRoutes = {
  // Sign-in, the partnership's shape, and observations (endpoints/core.ts).
  devPeople: { name: 'devPeople', method: 'GET', path: '/api/v1/dev/people', access: 'public', devOnly: true },
  // How to sign in (AUTH_MODE, Entra ids and scopes), before any sign-in (endpoints/sign-in.ts).
  signInSettings: { name: 'signInSettings', method: 'GET', path: '/api/v1/auth/config', access: 'public', beforeSignIn: true },
  me: { name: 'me', method: 'GET', path: '/api/v1/me', access: 'signed_in' },
  partnershipOverview: { name: 'partnershipOverview', method: 'GET', path: P, access: 'partnership.read' },
  listForums: { name: 'listForums', method: 'GET', path: `${P}/forums`, access: 'forum.read' },
  // The partnership's agencies, to pick one (an action's agency, an escalation's parties) (endpoints/agencies.ts).
  listAgencies: { name: 'listAgencies', method: 'GET', path: `${P}/agencies`, access: 'partnership.read' },
  listMeetings: { name: 'listMeetings', method: 'GET', path: `${P}/meetings`, access: 'meeting.read' },
  listMeetingDocuments: { name: 'listMeetingDocuments', method: 'GET', path: `${P}/meetings/:meetingId/documents`, access: 'document.read' },
  checklist: { name: 'checklist', method: 'GET', path: `${P}/checklist`, access: 'checklist.read' },
  // Authors always see their own; shared ones need observation.read_shared (checked in the service).
  listObservations: { name: 'listObservations', method: 'GET', path: `${P}/observations`, access: 'signed_in' },
  createObservation: { name: 'createObservation', method: 'POST', path: `${P}/observations`, access: 'observation.create', status: 201 },

  // Where each forum's papers come from, and the sync (endpoints/documents.ts).
  listDocumentSources: { name: 'listDocumentSources', method: 'GET', path: `${P}/document-sources`, access: 'document.read' },
  setDocumentSource: { name: 'setDocumentSource', method: 'PUT', path: `${P}/forums/:forumId/document-source`, access: 'document.manage' },
  removeDocumentSource: { name: 'removeDocumentSource', method: 'DELETE', path: `${P}/forums/:forumId/document-source`, access: 'document.manage' },
  syncStatus: { name: 'syncStatus', method: 'GET', path: `${P}/sync`, access: 'document.read' },
  startSync: { name: 'startSync', method: 'POST', path: `${P}/sync`, access: 'document.manage', status: 202 },

  // Full-text search (endpoints/search.ts).
  searchDocuments: { name: 'searchDocuments', method: 'GET', path: `${P}/search`, access: 'document.read' },

  // Editing one's own observations (endpoints/observations.ts).
  editObservation: { name: 'editObservation', method: 'PATCH', path: `${P}/observations/:observationId`, access: 'observation.create' },
  deleteObservation: { name: 'deleteObservation', method: 'DELETE', path: `${P}/observations/:observationId`, access: 'observation.create' },
  restoreObservation: { name: 'restoreObservation', method: 'POST', path: `${P}/observations/:observationId/restore`, access: 'observation.create' },
  shareObservation: { name: 'shareObservation', method: 'POST', path: `${P}/observations/:observationId/share`, access: 'observation.create' },

  // Challenges, and the people they can be addressed to (endpoints/challenges.ts).
  // Everyone signed in sees the challenges they may: all of them, or those addressed to them (the service decides).
  listChallenges: { name: 'listChallenges', method: 'GET', path: `${P}/challenges`, access: 'signed_in' },
  raiseChallenge: { name: 'raiseChallenge', method: 'POST', path: `${P}/challenges`, access: 'challenge.create', status: 201 },
  listPeople: { name: 'listPeople', method: 'GET', path: `${P}/people`, access: 'people.read' },

  // The paper viewer (endpoints/papers.ts).
  getDocument: { name: 'getDocument', method: 'GET', path: `${P}/documents/:documentId`, access: 'document.read' },
  getPages: { name: 'getPages', method: 'GET', path: `${P}/documents/:documentId/versions/:versionId/pages`, access: 'document.read' },
  getPdf: { name: 'getPdf', method: 'GET', path: `${P}/documents/:documentId/versions/:versionId/pdf`, access: 'document.read' },
  // Each annotation is as visible as the observation or challenge it carries (the service decides).
  listAnnotations: { name: 'listAnnotations', method: 'GET', path: `${P}/documents/:documentId/annotations`, access: 'document.read' },
  createAnnotation: { name: 'createAnnotation', method: 'POST', path: `${P}/documents/:documentId/annotations`, access: 'annotation.create', status: 201 },

  // The meeting side panel (endpoints/meetings.ts).
  getMeeting: { name: 'getMeeting', method: 'GET', path: `${P}/meetings/:meetingId`, access: 'meeting.read' },
  resolveMeeting: { name: 'resolveMeeting', method: 'POST', path: `${P}/meetings/resolve`, access: 'meeting.read' },

  // The audit log (endpoints/audit.ts).
  listAuditLog: { name: 'listAuditLog', method: 'GET', path: `${P}/audit-log`, access: 'audit.read' },
  exportAuditLog: { name: 'exportAuditLog', method: 'GET', path: `${P}/audit-log/export`, access: 'audit.read' },

  // The composite action tracker (endpoints/actions.ts). Reading is for everyone signed in: all actions with
  // action.read_all, one's own and one's agency's with action.read_own (the service decides, as for challenges).
  listActions: { name: 'listActions', method: 'GET', path: `${P}/actions`, access: 'signed_in' },
  createAction: { name: 'createAction', method: 'POST', path: `${P}/actions`, access: 'action.create', status: 201 },
  updateAction: { name: 'updateAction', method: 'PATCH', path: `${P}/actions/:actionId`, access: 'action.update' },
  actionHistory: { name: 'actionHistory', method: 'GET', path: `${P}/actions/:actionId/history`, access: 'signed_in' },
  // The owner (with action.propose_complete) or anyone with action.update: checked in the service.
  addActionEvidence: { name: 'addActionEvidence', method: 'POST', path: `${P}/actions/:actionId/evidence`, access: 'signed_in', status: 201 },
  proposeActionComplete: { name: 'proposeActionComplete', method: 'POST', path: `${P}/actions/:actionId/propose-complete`, access: 'action.propose_complete' },
  signOffAction: { name: 'signOffAction', method: 'POST', path: `${P}/actions/:actionId/sign-off`, access: 'action.sign_off' },
  declineActionSignOff: { name: 'declineActionSignOff', method: 'POST', path: `${P}/actions/:actionId/decline-sign-off`, access: 'action.sign_off' },

  // Importing an existing tracker, in three steps, and exporting the tracker (endpoints/action-import.ts).
  // The export shows what the caller may see, as the list does (the service decides).
  readActionImport: { name: 'readActionImport', method: 'POST', path: `${P}/actions/import/read`, access: 'action.create' },
  previewActionImport: { name: 'previewActionImport', method: 'POST', path: `${P}/actions/import/preview`, access: 'action.create' },
  commitActionImport: { name: 'commitActionImport', method: 'POST', path: `${P}/actions/import/commit`, access: 'action.create' },
  exportActions: { name: 'exportActions', method: 'GET', path: `${P}/actions/export`, access: 'signed_in' },

  // The assurance dashboard (endpoints/dashboard.ts): shared evidence only, for the partnership's readers.
  dashboard: { name: 'dashboard', method: 'GET', path: `${P}/dashboard`, access: 'report.read' },

  // The scrutineer's work plan and days (endpoints/work-plan.ts).
  getWorkPlan: { name: 'getWorkPlan', method: 'GET', path: `${P}/work-plan`, access: 'work_plan.read' },
  createWorkPlanActivity: { name: 'createWorkPlanActivity', method: 'POST', path: `${P}/work-plan/activities`, access: 'work_plan.manage', status: 201 },
  updateWorkPlanActivity: { name: 'updateWorkPlanActivity', method: 'PATCH', path: `${P}/work-plan/activities/:activityId`, access: 'work_plan.manage' },
  deleteWorkPlanActivity: { name: 'deleteWorkPlanActivity', method: 'DELETE', path: `${P}/work-plan/activities/:activityId`, access: 'work_plan.manage' },

  // The escalations and disagreements log (endpoints/escalations.ts).
  listEscalations: { name: 'listEscalations', method: 'GET', path: `${P}/escalations`, access: 'escalation.read' },
  createEscalation: { name: 'createEscalation', method: 'POST', path: `${P}/escalations`, access: 'escalation.manage', status: 201 },
  updateEscalation: { name: 'updateEscalation', method: 'PATCH', path: `${P}/escalations/:escalationId`, access: 'escalation.manage' },

  // Quarterly reports and the annual statement of assurance (endpoints/reports.ts). A draft is its author's
  // alone (it may show their private observations: the service reports another's as not found); generated
  // documents hold shared evidence only, so the partnership's readers list and download them.
  listReports: { name: 'listReports', method: 'GET', path: `${P}/reports`, access: 'report.read' },
  openReportDraft: { name: 'openReportDraft', method: 'POST', path: `${P}/reports/drafts`, access: 'report.draft' },
  getReportDraft: { name: 'getReportDraft', method: 'GET', path: `${P}/reports/drafts/:draftId`, access: 'report.draft' },
  saveReportSection: { name: 'saveReportSection', method: 'PUT', path: `${P}/reports/drafts/:draftId/sections/:sectionKey`, access: 'report.draft' },
  selectReportEvidence: { name: 'selectReportEvidence', method: 'PUT', path: `${P}/reports/drafts/:draftId/evidence`, access: 'report.draft' },
  generateReport: { name: 'generateReport', method: 'POST', path: `${P}/reports/drafts/:draftId/generate`, access: 'report.draft', status: 201 },
  downloadReport: { name: 'downloadReport', method: 'GET', path: `${P}/reports/documents/:documentId/docx`, access: 'report.read' },

  // Data protection (endpoints/data-protection.ts): retention periods, erasure and the partnership's whole export.
  // Erasure requests repeat a name to confirm; every one is audited.
  getRetention: { name: 'getRetention', method: 'GET', path: `${P}/data-protection/retention`, access: 'data_protection.manage' },
  updateRetention: { name: 'updateRetention', method: 'PATCH', path: `${P}/data-protection/retention`, access: 'data_protection.manage' },
  runRetention: { name: 'runRetention', method: 'POST', path: `${P}/data-protection/retention/run`, access: 'data_protection.manage' },
  erasePerson: { name: 'erasePerson', method: 'POST', path: `${P}/data-protection/people/:personId/erase`, access: 'data_protection.manage' },
  erasePartnership: { name: 'erasePartnership', method: 'POST', path: `${P}/data-protection/erase`, access: 'data_protection.manage' },
  exportPartnership: { name: 'exportPartnership', method: 'GET', path: `${P}/data-protection/export`, access: 'data_protection.manage' },
} as const satisfies Record<string, RouteInfo>;

export type ApiRoutes = typeof apiRoutes;
export type ApiRouteName = keyof ApiRoutes;
/** One entry of the table (the name ties it to its endpoint, and so to its types). */
export type ApiRoute = ApiRoutes[ApiRouteName];
