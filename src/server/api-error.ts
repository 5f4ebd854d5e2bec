import { ZodError } from 'zod';
import { ERROR_CODES, type ApiErrorBody, type ErrorCode, type ErrorDetail } from '../contract/errors.js';
import { ConsentRequiredError } from '../graph/graph-auth.js';
import { ServiceError } from '../services/errors.js';

/** An error that leaves the server as `{ error: { code, message, details? } }` with its status. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Sent as Retry-After (rate_limited). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = ERROR_CODES[code];
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export function zodDetails(error: ZodError, prefix: string): ErrorDetail[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.code === 'unrecognized_keys' ? `has unexpected fields: ${i.keys.join(', ')}` : i.message,
  }));
}

export function validationError(error: ZodError, prefix: 'body' | 'query' | 'params'): ApiError {
  const details = zodDetails(error, prefix);
  const first = details[0];
  const message = first ? `${first.path} ${first.message}` : `The request ${prefix} is not valid.`;
  return new ApiError('validation_failed', details.length > 1 ? `${message} (and ${details.length - 1} more)` : message, details);
}

/** Anything thrown by a handler becomes an ApiError; unknown errors never show their insides. */
export function toApiError(error: unknown): { apiError: ApiError; unexpected: boolean } {
  if (error instanceof ApiError) return { apiError: error, unexpected: false };
  if (error instanceof ConsentRequiredError) {
    return { apiError: new ApiError('consent_required', `Microsoft asks for consent before Line of Sight can do this for you: ${error.message}`), unexpected: false };
  }
  if (error instanceof ServiceError) return { apiError: new ApiError(error.kind, error.message, error.details), unexpected: false };
  if (error instanceof ZodError) return { apiError: validationError(error, 'body'), unexpected: false };
  return { apiError: new ApiError('internal_error', 'Something went wrong on our side. Nothing you sent was lost; please try again.'), unexpected: true };
}
