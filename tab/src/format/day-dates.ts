import { twoDigits, ukClock } from './uk-clock.js';
/*
 * Calendar days (YYYY-MM-DD, as the API sends due dates) in words, without time zones: a day is the same
 * day everywhere, so it is read as it is written, never through a Date in the device's zone.
 * Month names are written out here: Intl's en-GB short month for September is "Sept" in newer ICU data.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function partsOf(day: string): { year: number; month: number; date: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), date: Number(m[3]) };
}

/** "15 Dec 2026". */
export function formatDay(day: string): string {
  const p = partsOf(day);
  if (!p) return day;
  return `${p.date} ${MONTHS[p.month - 1]!.slice(0, 3)} ${p.year}`;
}

/** "Tue 15 December 2026". */
export function formatDayLong(day: string): string {
  const p = partsOf(day);
  if (!p) return day;
  const weekday = WEEKDAYS[new Date(Date.UTC(p.year, p.month - 1, p.date)).getUTCDay()];
  return `${weekday} ${p.date} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** A moment's UK calendar day, as YYYY-MM-DD (for "last update" dates); uk-clock.ts, not Intl, which is slow to start. */
export function ukDayOf(iso: string): string {
  const c = ukClock(new Date(iso));
  return `${c.year}-${twoDigits(c.month)}-${twoDigits(c.day)}`;
}
