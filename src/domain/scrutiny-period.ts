/**
 * Scrutiny years and quarters. A scrutiny year runs April to March (the public sector's year, which
 * the work plan and the yearly statement follow): 2026/27 is 1 April 2026 to 31 March 2027, stored
 * as its first calendar year (work_plan_activities.scrutiny_year = 2026). Its quarters are numbered
 * 1–4 from April (work_plan_days.quarter), so scrutiny quarter 1 is the calendar quarter YYYY-Q2.
 *
 * A period is written either as a scrutiny year, `2026/27`, or as a calendar quarter, `2026-Q3`
 * (July to September 2026, which is Q2 of 2026/27). Calendar quarters keep `YYYY-Qn` meaning what it
 * means everywhere else; every one of them falls inside one scrutiny year. All dates are UK
 * calendar days (YYYY-MM-DD). Pure.
 */

export interface ScrutinyQuarter {
  /** The calendar quarter, e.g. `2026-Q3`. */
  key: string;
  scrutinyYear: number;
  /** 1–4, counted from April. */
  scrutinyQuarter: number;
  /** e.g. `Q2 2026/27 (Jul–Sep 2026)`. */
  label: string;
  start: string;
  end: string;
}

export interface ScrutinyPeriod {
  /** As written: `2026/27` or `2026-Q3`. */
  key: string;
  kind: 'year' | 'quarter';
  scrutinyYear: number;
  label: string;
  start: string;
  end: string;
  /** The quarters the period covers, in order: four for a year, one for a quarter. */
  quarters: ScrutinyQuarter[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `2026/27`. */
export const scrutinyYearLabel = (year: number): string => `${year}/${pad((year + 1) % 100)}`;

/** The scrutiny year a UK calendar day (YYYY-MM-DD) falls in. */
export function scrutinyYearOfDay(day: string): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

/** Quarter 1–4 of a scrutiny year, as its calendar quarter. */
export function scrutinyQuarter(scrutinyYear: number, quarter: number): ScrutinyQuarter {
  const startMonth = ((quarter * 3) % 12) + 1; // 1 → April, 2 → July, 3 → October, 4 → January
  const year = quarter === 4 ? scrutinyYear + 1 : scrutinyYear;
  const endMonth = startMonth + 2;
  return {
    key: `${year}-Q${Math.ceil(startMonth / 3)}`,
    scrutinyYear,
    scrutinyQuarter: quarter,
    label: `Q${quarter} ${scrutinyYearLabel(scrutinyYear)} (${MONTHS[startMonth - 1]}–${MONTHS[endMonth - 1]} ${year})`,
    start: `${year}-${pad(startMonth)}-01`,
    end: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}`,
  };
}

export function scrutinyYearPeriod(year: number): ScrutinyPeriod {
  const quarters = [1, 2, 3, 4].map((q) => scrutinyQuarter(year, q));
  return { key: scrutinyYearLabel(year), kind: 'year', scrutinyYear: year, label: `Scrutiny year ${scrutinyYearLabel(year)}`, start: quarters[0]!.start, end: quarters[3]!.end, quarters };
}

/** Reads `2026/27` or `2026-Q3`; anything else (or a year outside 2000–2100) is undefined. */
export function parseScrutinyPeriod(text: string): ScrutinyPeriod | undefined {
  const year = /^(\d{4})\/(\d{2})$/.exec(text);
  if (year) {
    const first = Number(year[1]);
    if (Number(year[2]) !== (first + 1) % 100 || first < MIN_YEAR || first > MAX_YEAR) return undefined;
    return scrutinyYearPeriod(first);
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(text);
  if (quarter) {
    const calendarYear = Number(quarter[1]);
    const calendarQuarter = Number(quarter[2]);
    const scrutinyYear = calendarQuarter === 1 ? calendarYear - 1 : calendarYear;
    if (scrutinyYear < MIN_YEAR || scrutinyYear > MAX_YEAR) return undefined;
    const q = scrutinyQuarter(scrutinyYear, calendarQuarter === 1 ? 4 : calendarQuarter - 1);
    return { key: q.key, kind: 'quarter', scrutinyYear, label: q.label, start: q.start, end: q.end, quarters: [q] };
  }
  return undefined;
}

/** The quarter of `period` a UK calendar day falls in, if any. */
export const quarterOfDay = (period: ScrutinyPeriod, day: string): ScrutinyQuarter | undefined =>
  period.quarters.find((q) => q.start <= day && day <= q.end);
