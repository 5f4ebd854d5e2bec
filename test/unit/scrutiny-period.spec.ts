import { describe, expect, it } from 'vitest';
import { DashboardQuery } from '../../src/contract/dashboard.js';
import { parseScrutinyPeriod, scrutinyYearOfDay } from '../../src/domain/scrutiny-period.js';

describe('scrutiny periods', () => {
  it('reads a scrutiny year as April to March', () => {
    expect(parseScrutinyPeriod('2026/27')).toMatchObject({ kind: 'year', scrutinyYear: 2026, start: '2026-04-01', end: '2027-03-31', label: 'Scrutiny year 2026/27' });
    expect(parseScrutinyPeriod('2099/00')).toMatchObject({ scrutinyYear: 2099, end: '2100-03-31' });
  });

  it('reads YYYY-Qn as a calendar quarter, inside its scrutiny year', () => {
    expect(parseScrutinyPeriod('2026-Q3')).toMatchObject({ kind: 'quarter', scrutinyYear: 2026, start: '2026-07-01', end: '2026-09-30', label: 'Q2 2026/27 (Jul–Sep 2026)' });
    expect(parseScrutinyPeriod('2027-Q1')).toMatchObject({ scrutinyYear: 2026, start: '2027-01-01', end: '2027-03-31', quarters: [{ scrutinyQuarter: 4 }] });
    expect(parseScrutinyPeriod('2028-Q1')!.end).toBe('2028-03-31');
  });

  it.each(['2026/28', '2026-27', '2026-Q5', 'Q3-2026', '1999/00', '', '2026/27 '])('refuses %j', (text) => {
    expect(parseScrutinyPeriod(text)).toBeUndefined();
  });

  it('places a UK calendar day in its scrutiny year', () => {
    expect([scrutinyYearOfDay('2026-03-31'), scrutinyYearOfDay('2026-04-01'), scrutinyYearOfDay('2027-01-15')]).toEqual([2025, 2026, 2026]);
  });

  it('refuses a bad period in the query, naming the field', () => {
    const r = DashboardQuery.safeParse({ period: '2026/28' });
    expect(r.error?.issues[0]).toMatchObject({ path: ['period'], message: 'must be a scrutiny year like 2026/27 or a quarter like 2026-Q3' });
    expect(DashboardQuery.parse({ period: ' 2026/27 ' }).period).toBe('2026/27');
  });
});
