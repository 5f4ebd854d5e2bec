import { coreEndpoints } from './endpoints/core.js';
import { signInEndpoints } from './endpoints/sign-in.js';
import { documentEndpoints } from './endpoints/documents.js';
import { searchEndpoints } from './endpoints/search.js';
import { observationEndpoints } from './endpoints/observations.js';
import { challengeEndpoints } from './endpoints/challenges.js';
import { paperEndpoints } from './endpoints/papers.js';
import { meetingEndpoints } from './endpoints/meetings.js';
import { auditEndpoints } from './endpoints/audit.js';
import { actionEndpoints } from './endpoints/actions.js';
import { actionImportEndpoints } from './endpoints/action-import.js';
import { dashboardEndpoints } from './endpoints/dashboard.js';
import { workPlanEndpoints } from './endpoints/work-plan.js';
import { escalationEndpoints } from './endpoints/escalations.js';
import { agencyEndpoints } from './endpoints/agencies.js';
import { dataProtectionEndpoints } from './endpoints/data-protection.js';
import { reportEndpoints } from './endpoints/reports.js';

export * from './endpoint.js';

/** Every endpoint of the API, one file per area under endpoints/. */
export const endpoints = {
  ...coreEndpoints,
  ...signInEndpoints,
  ...documentEndpoints,
  ...searchEndpoints,
  ...observationEndpoints,
  ...challengeEndpoints,
  ...paperEndpoints,
  ...meetingEndpoints,
  ...auditEndpoints,
  ...actionEndpoints,
  ...actionImportEndpoints,
  ...dashboardEndpoints,
  ...workPlanEndpoints,
  ...escalationEndpoints,
  ...agencyEndpoints,
  ...dataProtectionEndpoints,
  ...reportEndpoints,
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

/** The endpoint (with its schemas, for types) that a route of routes.ts names. */
export type EndpointFor<R extends { name: EndpointName }> = Endpoints[R['name']];
