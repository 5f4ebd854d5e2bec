import { z } from 'zod';
import { parseScrutinyPeriod } from '../domain/scrutiny-period.js';
import { IsoDate } from './values.js';

/** A period as a query asks for it: a scrutiny year (April–March) `2026/27`, or a calendar quarter `2026-Q3`. */
export const PeriodText = z
  .string()
  .trim()
  .refine((s) => parseScrutinyPeriod(s) !== undefined, { error: 'must be a scrutiny year like 2026/27 or a quarter like 2026-Q3' });

/** The first calendar year of a scrutiny year: 2026 is April 2026 to March 2027. */
export const ScrutinyYear = z.coerce
  .number({ error: 'must be the first year of a scrutiny year, e.g. 2026 for 2026/27' })
  .int({ error: 'must be a whole year, e.g. 2026 for 2026/27' })
  .min(2000, { error: 'must be 2000 or later' })
  .max(2100, { error: 'must be 2100 or earlier' });

export const QuarterOfPeriod = z.object({
  /** The calendar quarter, e.g. `2026-Q3`. */
  key: z.string(),
  /** 1–4, counted from April (Q1 is April–June). */
  scrutinyQuarter: z.number().int().min(1).max(4),
  label: z.string(),
  start: IsoDate,
  end: IsoDate,
});

export const Period = z.object({
  key: z.string(),
  kind: z.enum(['year', 'quarter']),
  scrutinyYear: z.number().int(),
  label: z.string(),
  start: IsoDate,
  end: IsoDate,
  quarters: z.array(QuarterOfPeriod),
});
export type Period = z.infer<typeof Period>;
