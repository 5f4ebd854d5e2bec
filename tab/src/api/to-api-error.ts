import { ApiClientError } from './api-client.js';

/** Any failure of a call, as an ApiClientError with words a person can read. */
export function toApiError(error: unknown): ApiClientError {
  return error instanceof ApiClientError
    ? error
    : new ApiClientError(0, 'invalid_response', 'Something went wrong in this page. Reload it and try again.');
}
