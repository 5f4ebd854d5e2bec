import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './error-codes.js';

export * from './error-codes.js';

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
