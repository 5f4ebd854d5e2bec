import { coreEndpoints } from './endpoints/core.js';
import { documentEndpoints } from './endpoints/documents.js';
import { searchEndpoints } from './endpoints/search.js';
import { observationEndpoints } from './endpoints/observations.js';
import { challengeEndpoints } from './endpoints/challenges.js';
import { paperEndpoints } from './endpoints/papers.js';
import { meetingEndpoints } from './endpoints/meetings.js';
import { auditEndpoints } from './endpoints/audit.js';

export * from './endpoint.js';

/** Every endpoint of the API, one file per area under endpoints/. */
export const endpoints = {
  ...coreEndpoints,
  ...documentEndpoints,
  ...searchEndpoints,
  ...observationEndpoints,
  ...challengeEndpoints,
  ...paperEndpoints,
  ...meetingEndpoints,
  ...auditEndpoints,
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
