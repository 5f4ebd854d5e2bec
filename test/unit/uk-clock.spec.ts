import { describe, expect, it } from 'vitest';
import { formatDate, formatDateAtTime, formatDateTime, ukIsoDate } from '../../tab/src/format/dates.js';
import { shortTime } from '../../tab/src/meeting/format-time.js';

/*
 * The tab writes UK dates and times without Intl (tab/src/format/uk-clock.ts, for its start-up time). Intl's
 * Europe/London, from the tz data, is the reference: every fifth hour of 2000–2040 (so each hour of the
 * day in turn), and every quarter hour around each change of the clocks, must read the same both ways.
 */
const zone = 'Europe/London';
const reference = {
  dateTime: new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  date: new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  isoDay: new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  time: new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  shortDay: new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short' }),
};

function parts(format: Intl.DateTimeFormat, at: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(at).filter((p) => p.type !== 'literal').map((p) => [p.type, p.value]));
}

function expected(at: Date, now: Date) {
  const dt = parts(reference.dateTime, at);
  const day = `${dt.weekday} ${dt.day} ${dt.month} ${dt.year}`;
  const time = `${dt.hour}:${dt.minute}`;
  const sameDay = reference.isoDay.format(at) === reference.isoDay.format(now);
  return {
    dateTime: `${day}, ${time}`,
    date: `${day}`,
    atTime: `${day} at ${time}`,
    isoDay: reference.isoDay.format(at),
    short: sameDay ? reference.time.format(at) : `${reference.shortDay.format(at)}, ${reference.time.format(at)}`,
  };
}

function actual(at: Date, now: Date) {
  return { dateTime: formatDateTime(at), date: formatDate(at), atTime: formatDateAtTime(at), isoDay: ukIsoDate(at), short: shortTime(at.toISOString(), now) };
}

const HOUR = 3_600_000;

describe('UK dates and times without Intl', () => {
  it('read as Intl reads Europe/London, every fifth hour from 2000 to 2040', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    let mismatches = 0;
    for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2041, 0, 1); t += 5 * HOUR) {
      const at = new Date(t + 17 * 60_000);
      const a = actual(at, now);
      const e = expected(at, now);
      if (JSON.stringify(a) !== JSON.stringify(e)) {
        mismatches += 1;
        if (mismatches < 5) expect(a).toEqual(e);
      }
    }
    expect(mismatches).toBe(0);
  });

  it('read as Intl reads Europe/London around each change of the clocks, to the quarter hour', () => {
    for (let year = 2000; year <= 2040; year += 1) {
      for (const month of [2, 9]) {
        // The clocks change at 01:00 GMT on a Sunday from the 25th to the 31st.
        for (let day = 25; day <= 31; day += 1) {
          for (let t = Date.UTC(year, month, day); t < Date.UTC(year, month, day, 3); t += HOUR / 4) {
            const at = new Date(t);
            expect(actual(at, at)).toEqual(expected(at, at));
          }
        }
      }
    }
  });

  it('says only the time for today, and the day too for another day', () => {
    const now = new Date('2026-09-14T08:00:00Z');
    expect(shortTime('2026-09-14T13:05:00Z', now)).toBe('14:05');
    expect(shortTime('2026-09-13T23:30:00Z', now)).toBe('00:30');
    expect(shortTime('2026-01-14T14:05:00Z', now)).toBe('14 Jan, 14:05');
  });
});
