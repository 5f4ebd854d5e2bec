/* Dates as people in England write them, always in UK time whatever the device's zone. */
import { MONTH_NAMES, twoDigits, ukClock, WEEKDAY_NAMES, type UkClock } from './uk-clock.js';

const dayText = (c: UkClock) => `${WEEKDAY_NAMES[c.weekday]} ${c.day} ${MONTH_NAMES[c.month - 1]} ${c.year}`;
const timeText = (c: UkClock) => `${twoDigits(c.hour)}:${twoDigits(c.minute)}`;

/** "Wednesday 14 January 2026, 10:00" (UK time). */
export function formatDateTime(iso: string | Date): string {
  const c = ukClock(new Date(iso));
  return `${dayText(c)}, ${timeText(c)}`;
}

/** "Wednesday 14 January 2026" (UK date). */
export function formatDate(iso: string | Date): string {
  return dayText(ukClock(new Date(iso)));
}

/** Today's date in the UK as YYYY-MM-DD, for `from=` queries. */
export function ukIsoDate(now: Date = new Date()): string {
  const c = ukClock(now);
  return `${c.year}-${twoDigits(c.month)}-${twoDigits(c.day)}`;
}

/** "Sunday 22 November 2026 at 10:15" (UK time), for a moment in a sentence ("Last synced …"). */
export function formatDateAtTime(iso: string | Date): string {
  const c = ukClock(new Date(iso));
  return `${dayText(c)} at ${timeText(c)}`;
}
