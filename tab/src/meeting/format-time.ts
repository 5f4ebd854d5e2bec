const ZONE = 'Europe/London';
const time = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const day = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, day: 'numeric', month: 'short' });
const dayKey = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** "14:05" today, "14 Jan, 14:05" on another day: UK time, short enough for a 280 px panel. */
export function shortTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const t = time.format(at);
  return dayKey.format(at) === dayKey.format(now) ? t : `${day.format(at)}, ${t}`;
}
