import { defaultReportPeriod, type ReportKindChoice } from './report-periods.js';

/** The report open on the page, as the address holds it: `#/reports?kind=quarterly&year=2026&quarter=2`. */
export interface ReportChoice {
  kind: ReportKindChoice;
  scrutinyYear: number;
  /** 1–4; an annual statement has none in the address. */
  quarter: number;
}

/** The choice in the address, with today's likely report for whatever is missing or nonsense. */
export function readReportChoice(params: URLSearchParams, today: string): ReportChoice {
  const fallback = defaultReportPeriod(today);
  const year = Number(params.get('year'));
  const quarter = Number(params.get('quarter'));
  return {
    kind: params.get('kind') === 'annual' ? 'annual' : 'quarterly',
    scrutinyYear: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : fallback.scrutinyYear,
    quarter: Number.isInteger(quarter) && quarter >= 1 && quarter <= 4 ? quarter : fallback.quarter,
  };
}

/** The address's parameters for a choice (the quarter is left out of an annual statement's). */
export const reportChoiceParams = (c: ReportChoice) => ({ kind: c.kind, year: c.scrutinyYear, quarter: c.kind === 'quarterly' ? c.quarter : undefined });
