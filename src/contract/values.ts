import { z } from 'zod';
import {
  EVIDENCE_TYPES,
  FORUM_KINDS,
  JUDGEMENTS,
  ROLES,
  VISIBILITIES,
  DOCUMENT_KINDS,
} from '../domain/vocabulary.js';
import { OPERATIONS } from '../domain/permissions.js';

export const Uuid = z.uuid({ error: 'must be an id (a UUID)' });
/**
 * Dates within the years 0001 to 9999: the format alone lets through year 0000, which neither PostgreSQL
 * nor ISO 8601's calendar has, and an offset can carry 9999-12-31 into year 10000.
 */
const FIRST_INSTANT = Date.parse('0001-01-01T00:00:00Z');
const LAST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');
const inYears = (instant: number) => instant >= FIRST_INSTANT && instant <= LAST_INSTANT;
export const IsoDateTime = z.iso
  .datetime({ offset: true, error: 'must be a date and time in ISO 8601, e.g. 2026-11-22T10:00:00Z' })
  .refine((s) => inYears(Date.parse(s)), { error: 'must be a date and time from the year 0001 to 9999 (UTC)' });
export const IsoDate = z.iso
  .date({ error: 'must be a date as YYYY-MM-DD' })
  .refine((s) => inYears(Date.parse(`${s}T00:00:00Z`)), { error: 'must be a date from the year 0001 to 9999' });
export const RoleSchema = z.enum(ROLES);
export const ForumKindSchema = z.enum(FORUM_KINDS);
export const JudgementSchema = z.enum(JUDGEMENTS, { error: 'must be gone_well, too_early or concern' });
export const EvidenceTypeSchema = z.enum(EVIDENCE_TYPES, { error: `must be one of ${EVIDENCE_TYPES.join(', ')}` });
export const VisibilitySchema = z.enum(VISIBILITIES);
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export const OperationSchema = z.enum(OPERATIONS);

/** Text a person typed: trimmed, never empty, bounded. */
export const UserText = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });
