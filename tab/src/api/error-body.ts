import { ERROR_CODES, type ErrorCode } from '../../../src/contract/error-codes.js';
import type { ErrorDetail } from '../../../src/contract/errors.js';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: ErrorDetail[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isDetail = (value: unknown): value is ErrorDetail => isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';

/**
 * The server's error body, `{ error: { code, message, details? } }` (ApiErrorBody in src/contract/errors.ts),
 * checked by hand: a few lines here spare the tab loading zod. Anything else is null.
 */
export function readErrorBody(json: unknown): ErrorBody | null {
  const error = isRecord(json) ? json.error : undefined;
  if (!isRecord(error) || typeof error.message !== 'string') return null;
  if (typeof error.code !== 'string' || !Object.hasOwn(ERROR_CODES, error.code)) return null;
  const { details } = error;
  if (details !== undefined && !(Array.isArray(details) && details.every(isDetail))) return null;
  return { code: error.code as ErrorCode, message: error.message, details: details ?? [] };
}
