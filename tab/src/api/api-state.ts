import type { ApiClientError } from './api-client.js';

/** One call's progress, as components show it. */
export type ApiState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiClientError }
  | { status: 'ready'; data: T };
