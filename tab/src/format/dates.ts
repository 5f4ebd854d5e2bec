/** Dates as people in England write them, always in UK time whatever the device's zone. */
const TIME_ZONE = 'Europe/London';

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

function parts(format: Intl.DateTimeFormat, value: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of format.formatToParts(value)) if (part.type !== 'literal') out[part.type] = part.value;
  return out;
}

/** "Wednesday 14 January 2026, 10:00" (UK time). */
export function formatDateTime(iso: string | Date): string {
  const p = parts(dateTimeFormat, new Date(iso));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
}

/** "Wednesday 14 January 2026" (UK date). */
export function formatDate(iso: string | Date): string {
  const p = parts(dateFormat, new Date(iso));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** Today's date in the UK as YYYY-MM-DD, for `from=` queries. */
export function ukIsoDate(now: Date = new Date()): string {
  const p = parts(new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }), now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "Sunday 22 November 2026 at 10:15" (UK time), for a moment in a sentence ("Last synced …"). */
export function formatDateAtTime(iso: string | Date): string {
  const p = parts(dateTimeFormat, new Date(iso));
  return `${p.weekday} ${p.day} ${p.month} ${p.year} at ${p.hour}:${p.minute}`;
}
