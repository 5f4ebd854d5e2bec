/*
 * What a clock in the UK shows at a given moment, worked out without Intl: the first Intl.DateTimeFormat
 * a page makes costs 20–50 ms (locale and time-zone data), on the meeting side panel's way to its first
 * render. UK clocks follow one rule (since 1996; the Summer Time Order 2002): GMT+1 from 01:00 GMT on the
 * last Sunday of March to 01:00 GMT on the last Sunday of October. test/unit/uk-clock.spec.ts checks
 * every hour of 2000–2040 against Intl's Europe/London, so a change of rule in the tz data fails a test.
 */
const HOUR_MS = 3_600_000;

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** 01:00 GMT on the last Sunday of `month` (0 = January) in `year`, in milliseconds. */
function lastSundayAtOne(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

function isSummerTime(instant: Date): boolean {
  const at = instant.getTime();
  const year = instant.getUTCFullYear();
  return at >= lastSundayAtOne(year, 2) && at < lastSundayAtOne(year, 9);
}

export interface UkClock {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
  hour: number;
  minute: number;
}

/** The date and time shown in the UK at `instant`. */
export function ukClock(instant: Date): UkClock {
  const wall = new Date(instant.getTime() + (isSummerTime(instant) ? HOUR_MS : 0));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    weekday: wall.getUTCDay(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  };
}

/** Two digits: 7 → "07". */
export const twoDigits = (n: number) => String(n).padStart(2, '0');
