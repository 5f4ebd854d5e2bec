import { z } from 'zod';
import { IsoDateTime, Uuid } from './values.js';
import { RETENTION_CATEGORIES, type RetentionCategory } from '../domain/retention.js';

// Zod-free (the tab reads them): src/domain/retention.ts.
export { ERASED_PERSON_NAME, RETENTION_CATEGORIES, RETENTION_DEFAULTS, type RetentionCategory } from '../domain/retention.js';

const Months = z
  .number({ error: 'must be a number of months, or null to keep' })
  .int({ error: 'must be a whole number of months' })
  .min(1, { error: 'must be at least 1 month' })
  .max(1200, { error: 'must be at most 1200 months (100 years)' })
  .nullable();

export const RetentionPeriods = z.object(Object.fromEntries(RETENTION_CATEGORIES.map((c) => [c, Months])) as Record<RetentionCategory, typeof Months>);
export type RetentionPeriods = z.infer<typeof RetentionPeriods>;

/** A change to the periods: the categories named change, the rest stay as they were. */
export const RetentionPatch = z
  .strictObject(Object.fromEntries(RETENTION_CATEGORIES.map((c) => [c, Months.optional()])) as Record<RetentionCategory, z.ZodOptional<typeof Months>>)
  .refine((p) => Object.values(p).some((v) => v !== undefined), { error: `must change something: ${RETENTION_CATEGORIES.join(', ')}` });
export type RetentionPatch = z.infer<typeof RetentionPatch>;

export const RetentionSettings = z.object({
  periods: RetentionPeriods,
  /** True while the partnership has never changed them. */
  usingDefaults: z.boolean(),
  defaults: RetentionPeriods,
  updatedAt: IsoDateTime.nullable(),
  updatedBy: z.string().nullable(),
});
export type RetentionSettings = z.infer<typeof RetentionSettings>;

/** How many records of each kind one retention pass removed. */
export const RetentionCounts = z.object(Object.fromEntries(RETENTION_CATEGORIES.map((c) => [c, z.number().int().min(0)])) as Record<RetentionCategory, z.ZodNumber>);
export type RetentionCounts = z.infer<typeof RetentionCounts>;

export const RetentionRun = z.object({ removed: RetentionCounts });
export type RetentionRun = z.infer<typeof RetentionRun>;

/** Erasing a person: the request repeats their name, as shown, so a slip of the mouse erases no one. */
export const ErasePersonRequest = z.strictObject({
  confirmName: z.string({ error: "must repeat the person's name, to confirm" }).trim().min(1, { error: "must repeat the person's name, to confirm" }).max(200),
});
export type ErasePersonRequest = z.infer<typeof ErasePersonRequest>;

/** Erasing a whole partnership at the end of a contract: the request repeats the partnership's name. */
export const ErasePartnershipRequest = z.strictObject({
  confirmPartnershipName: z.string({ error: "must repeat the partnership's name, to confirm" }).trim().min(1, { error: "must repeat the partnership's name, to confirm" }).max(200),
});
export type ErasePartnershipRequest = z.infer<typeof ErasePartnershipRequest>;

export const ErasureResult = z.object({
  id: Uuid,
  scope: z.enum(['person', 'partnership']),
  personId: Uuid.nullable(),
  at: IsoDateTime,
  /** Records removed or made anonymous, by kind (counts, never content). */
  counts: z.record(z.string(), z.number().int().min(0)),
});
export type ErasureResult = z.infer<typeof ErasureResult>;

