import { z } from 'zod';

/**
 * Stable error codes. Clients branch on `code`; `message` is for people.
 * A code, once published, keeps its meaning.
 */
export const ERROR_CODES = {
  malformed_json: 400,
  validation_failed: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  /** Microsoft Graph needs the user's (or an admin's) consent first: the tab asks for it. */
  consent_required: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** Text that may identify a child; the details name each passage. Send again with the confirmation, or edit. */
  child_identifiers_flagged: 422,
  rate_limited: 429,
  not_ready: 503,
  internal_error: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export const ErrorDetail = z.object({ path: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    details: z.array(ErrorDetail).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
