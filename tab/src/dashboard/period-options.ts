import { scrutinyYearLabel, scrutinyYearPeriod } from '../../../src/domain/scrutiny-period.js';

export interface PeriodOption {
  value: string;
  text: string;
}

/** Scrutiny years from `first` to `last`, newest first, each followed by its quarters. */
export function periodOptions(first: number, last: number): { year: number; options: PeriodOption[] }[] {
  const groups = [];
  for (let year = last; year >= first; year -= 1) {
    const p = scrutinyYearPeriod(year);
    groups.push({
      year,
      options: [{ value: p.key, text: `The whole year ${scrutinyYearLabel(year)}` }, ...p.quarters.map((q) => ({ value: q.key, text: q.label }))],
    });
  }
  return groups;
}
