import { describe, expect, it } from 'vitest';
import { demoMeetings, scrutinyYearOf, ukTime } from '../../src/demo/demo-partnership.js';
import { ukDayStart } from '../../src/services/partnership-service.js';

describe('UK dates', () => {
  it('starts a UK day at midnight GMT in winter and 23:00 UTC the day before in summer', () => {
    expect(ukDayStart('2026-01-14').toISOString()).toBe('2026-01-14T00:00:00.000Z');
    expect(ukDayStart('2026-07-14').toISOString()).toBe('2026-07-13T23:00:00.000Z');
    expect(ukDayStart('2026-07-14', 1).toISOString()).toBe('2026-07-14T23:00:00.000Z');
  });

  it('turns a UK wall-clock time into the right instant either side of the clock change', () => {
    expect(ukTime('2026-03-28', 10).toISOString()).toBe('2026-03-28T10:00:00.000Z');
    expect(ukTime('2026-03-30', 10).toISOString()).toBe('2026-03-30T09:00:00.000Z');
    expect(ukTime('2026-10-24', 10).toISOString()).toBe('2026-10-24T09:00:00.000Z');
    expect(ukTime('2026-10-26', 10).toISOString()).toBe('2026-10-26T10:00:00.000Z');
  });

  it('puts the scrutiny year from April to March', () => {
    expect(scrutinyYearOf(new Date('2026-11-22T00:00:00Z'))).toBe(2026);
    expect(scrutinyYearOf(new Date('2027-02-01T00:00:00Z'))).toBe(2026);
    expect(scrutinyYearOf(new Date('2026-04-01T00:00:00Z'))).toBe(2026);
  });

  it('plans a year of demo meetings inside the scrutiny year, each forum on its own weekday', () => {
    const meetings = demoMeetings(new Date('2026-11-22T12:00:00Z'));
    expect(meetings.length).toBe(38);
    expect(meetings[0]!.date >= '2026-04-01').toBe(true);
    expect(meetings.at(-1)!.date <= '2027-03-31').toBe(true);
    for (const m of meetings) {
      const weekday = new Date(`${m.date}T12:00:00Z`).getUTCDay() || 7;
      expect(weekday).toBe(m.forum.weekday);
    }
  });
});

describe('the demo calendar', () => {
  it('holds no meeting between Christmas Eve and New Year', () => {
    for (const m of demoMeetings(new Date('2026-11-22T12:00:00Z'))) {
      const [, month, day] = m.date.split('-').map(Number);
      expect(month === 12 && day! >= 24, m.date).toBe(false);
    }
  });
});
