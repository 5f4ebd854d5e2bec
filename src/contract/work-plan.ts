import { z } from 'zod';
import { WORK_PLAN_ACTIVITY_KINDS } from '../domain/vocabulary.js';
import { ScrutinyYear } from './scrutiny-period.js';
import { UserText, Uuid } from './values.js';

/**
 * Days in half days: the column holds tenths (numeric(5,1)), but scrutineers are engaged by the day
 * and half day, and a tenth would be a false precision. At most a quarter's worth of calendar days.
 */
export const HalfDays = z
  .number({ error: 'must be a number of days, e.g. 1.5' })
  .min(0, { error: 'must not be negative' })
  .max(92, { error: 'must be at most 92 (the days in a quarter)' })
  .refine((d) => Number.isInteger(d * 2), { error: 'must be in whole or half days, e.g. 1.5' });

export const WorkPlanKind = z.enum(WORK_PLAN_ACTIVITY_KINDS, { error: `must be one of ${WORK_PLAN_ACTIVITY_KINDS.join(', ')}` });

/** Days for one quarter of the scrutiny year (1 is April–June); what is left out stays as it was (0 when new). */
export const QuarterDaysInput = z.strictObject({
  quarter: z.number({ error: 'must be 1, 2, 3 or 4 (1 is April–June)' }).int().min(1, { error: 'must be 1, 2, 3 or 4 (1 is April–June)' }).max(4, { error: 'must be 1, 2, 3 or 4 (1 is April–June)' }),
  plannedDays: HalfDays.optional(),
  actualDays: HalfDays.optional(),
});

const QuarterDaysList = z
  .array(QuarterDaysInput)
  .max(4, { error: 'must name each quarter at most once' })
  .refine((days) => new Set(days.map((d) => d.quarter)).size === days.length, { error: 'must name each quarter at most once' });

export const NewWorkPlanActivity = z.strictObject({
  scrutinyYear: ScrutinyYear,
  kind: WorkPlanKind,
  title: UserText(200),
  forumId: Uuid.nullable().optional(),
  days: QuarterDaysList.optional(),
});
export type NewWorkPlanActivity = z.infer<typeof NewWorkPlanActivity>;

export const WorkPlanActivityPatch = z
  .strictObject({
    kind: WorkPlanKind.optional(),
    title: UserText(200).optional(),
    forumId: Uuid.nullable().optional(),
    days: QuarterDaysList.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { error: 'must change something: kind, title, forumId or days' });
export type WorkPlanActivityPatch = z.infer<typeof WorkPlanActivityPatch>;

export const WorkPlanQuery = z.strictObject({ year: ScrutinyYear.optional() });

export const QuarterDays = z.object({ quarter: z.number().int().min(1).max(4), plannedDays: z.number(), actualDays: z.number() });

export const WorkPlanActivity = z.object({
  id: Uuid,
  scrutinyYear: z.number().int(),
  kind: z.enum(WORK_PLAN_ACTIVITY_KINDS),
  title: z.string(),
  forumId: Uuid.nullable(),
  forumName: z.string().nullable(),
  /** Always the four quarters, in order. */
  quarters: z.array(QuarterDays),
  plannedDays: z.number(),
  actualDays: z.number(),
});
export type WorkPlanActivity = z.infer<typeof WorkPlanActivity>;

export const WorkPlan = z.object({
  scrutinyYear: z.number().int(),
  /** `2026/27`. */
  label: z.string(),
  budgetDays: z.number(),
  plannedDays: z.number(),
  actualDays: z.number(),
  /** Budget less days used; negative when over. */
  remainingDays: z.number(),
  /** Planned beyond the budget: the plan needs agreeing again. */
  overPlanned: z.boolean(),
  activities: z.array(WorkPlanActivity),
});
export type WorkPlan = z.infer<typeof WorkPlan>;
