import { coreEndpoints } from './endpoints/core.js';

export * from './endpoint.js';

/** Every endpoint of the API, one file per area under endpoints/. */
export const endpoints = {
  ...coreEndpoints,
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
