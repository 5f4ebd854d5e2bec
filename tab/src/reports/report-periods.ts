import { scrutinyQuarter, scrutinyYearLabel, scrutinyYearOfDay } from '../../../src/domain/scrutiny-period.js';

/*
 * The periods a report covers, in the words a partnership's report uses: "2026 to 2027, quarter 2 (July to
 * September)". Scrutiny years run April to March (src/domain/scrutiny-period.ts); quarters count from April.
 */

export type ReportKindChoice = 'quarterly' | 'annual';

/** The months of each scrutiny quarter, 1 to 4. */
export const QUARTER_MONTHS = ['April to June', 'July to September', 'October to December', 'January to March'] as const;

export const REPORT_KIND_LABELS: Record<ReportKindChoice, string> = {
  quarterly: 'Quarterly progress report',
  annual: 'Annual statement of assurance',
};

/** "2026 to 2027". */
export const yearSpanLabel = (year: number): string => `${year} to ${year + 1}`;

/** "Quarter 2 (July to September)". */
export const quarterLabel = (quarter: number): string => `Quarter ${quarter} (${QUARTER_MONTHS[quarter - 1]})`;

/** "2026 to 2027, quarter 2 (July to September)", or "2026 to 2027" for the whole year. */
export function reportPeriodLabel(scrutinyYear: number, quarter: number | null): string {
  return quarter ? `${yearSpanLabel(scrutinyYear)}, quarter ${quarter} (${QUARTER_MONTHS[quarter - 1]})` : yearSpanLabel(scrutinyYear);
}

/** "Quarterly progress report, 2026 to 2027, quarter 2 (July to September)". */
export function reportTitle(kind: ReportKindChoice, scrutinyYear: number, quarter: number | null): string {
  return `${REPORT_KIND_LABELS[kind]}, ${reportPeriodLabel(scrutinyYear, kind === 'quarterly' ? quarter : null)}`;
}

/** The period as the API writes it: a calendar quarter (`2026-Q3`) for a quarterly report, else the year (`2026/27`). */
export function reportPeriodKey(kind: ReportKindChoice, scrutinyYear: number, quarter: number): string {
  return kind === 'quarterly' ? scrutinyQuarter(scrutinyYear, quarter).key : scrutinyYearLabel(scrutinyYear);
}

/** The scrutiny year and quarter (1–4) a UK calendar day (YYYY-MM-DD) falls in. */
export function scrutinyQuarterOfDay(day: string): { scrutinyYear: number; quarter: number } {
  const month = Number(day.slice(5, 7));
  return { scrutinyYear: scrutinyYearOfDay(day), quarter: month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4 };
}

/**
 * The report most likely wanted on a day: the quarter just ended (reports are written after it), and for
 * the annual statement the year that quarter belongs to. In quarter 1 that is last year's quarter 4.
 */
export function defaultReportPeriod(day: string): { scrutinyYear: number; quarter: number } {
  const { scrutinyYear, quarter } = scrutinyQuarterOfDay(day);
  return quarter === 1 ? { scrutinyYear: scrutinyYear - 1, quarter: 4 } : { scrutinyYear, quarter: quarter - 1 };
}

/** Scrutiny years to offer, newest first: this one and the three before it. */
export function yearChoices(currentYear: number): number[] {
  return [currentYear, currentYear - 1, currentYear - 2, currentYear - 3];
}
