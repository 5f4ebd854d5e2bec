import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from './values.js';

export const AuditEntry = z.object({
  id: z.number().int(),
  at: IsoDateTime,
  actorPersonId: Uuid.nullable(),
  actorLabel: z.string(),
  surface: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Filters, as a business manager narrows the log; `before` pages back from an entry id. */
export const AuditQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  personId: Uuid.optional(),
  action: z.string().trim().min(1).max(100).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  /** Pass as `before` for the next, older page; null at the first entry. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

/** The export has the same filters, without paging: every matching entry, oldest first. */
export const AuditExportQuery = AuditQuery.omit({ before: true, limit: true });
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;
