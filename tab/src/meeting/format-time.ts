import { MONTH_NAMES, twoDigits, ukClock, type UkClock } from '../format/uk-clock.js';

// As Intl's en-GB short months (CLDR): "Sept", the others three letters.
const shortMonth = (c: UkClock) => (c.month === 9 ? 'Sept' : MONTH_NAMES[c.month - 1]!.slice(0, 3));
const sameDay = (a: UkClock, b: UkClock) => a.year === b.year && a.month === b.month && a.day === b.day;

/** "14:05" today, "14 Jan, 14:05" on another day: UK time, short enough for a 280 px panel. */
export function shortTime(iso: string, now: Date = new Date()): string {
  const at = ukClock(new Date(iso));
  const t = `${twoDigits(at.hour)}:${twoDigits(at.minute)}`;
  return sameDay(at, ukClock(now)) ? t : `${at.day} ${shortMonth(at)}, ${t}`;
}
