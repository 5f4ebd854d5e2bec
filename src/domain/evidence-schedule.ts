import { ukCalendarDay } from './uk-date.js';
/**
 * When evidence requests go out: EVIDENCE_REQUEST_SCHEDULE, read as UK wall-clock time.
 * Pure: no I/O, time comes in.
 *
 * Two forms, case-insensitive:
 * - a weekday (three letters or more) and a time: "mon 09:00", "Thursday 14:30", "fri 9" (weekly);
 * - "every N days", optionally "at HH:MM" (09:00 when left out): periods counted from
 *   Monday 5 January 1970, so that "every 7 days" is the same as "mon 09:00".
 * Each period is named by the UK date it starts on; a chair is asked once per period.
 */
export interface EvidenceSchedule {
  /** Length of a period in days (7 for a weekday). */
  everyDays: number;
  /** A date periods are counted from (YYYY-MM-DD): its weekday is the schedule's. */
  anchor: string;
  hour: number;
  minute: number;
}

/** Everything configuration says about evidence requests. */
export interface EvidenceRequestSettings {
  schedule: EvidenceSchedule;
  /** An action due within this many days brings a request of its own (0: never). */
  dueSoonDays: number;
  /** Days between a request and each reminder, and from the last reminder to escalation. */
  reminderDays: number;
  /** Reminders to send before the business manager is told. */
  remindersBeforeEscalation: number;
}

export const DEFAULT_EVIDENCE_SCHEDULE = 'mon 09:00';
export const SCHEDULE_FORMAT_HINT = 'must be a weekday and a UK time such as "mon 09:00", or "every N days" (N from 1 to 365), optionally followed by "at HH:MM"';

const EPOCH_MONDAY = '1970-01-05';
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DAY_MS = 86_400_000;

/** The schedule a setting names, or undefined when it names none. */
export function parseEvidenceSchedule(text: string): EvidenceSchedule | undefined {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const weekly = /^([a-z]{3,9}) (\d{1,2})(?::(\d{2}))?$/.exec(s);
  if (weekly) {
    const day = WEEKDAYS.findIndex((w) => w.startsWith(weekly[1]!));
    const time = timeOf(weekly[2]!, weekly[3]);
    if (day < 0 || !time) return undefined;
    return { everyDays: 7, anchor: addDays(EPOCH_MONDAY, day), ...time };
  }
  const every = /^every (\d{1,3}) days?(?: at (\d{1,2})(?::(\d{2}))?)?$/.exec(s);
  if (every) {
    const n = Number(every[1]);
    const time = every[2] === undefined ? { hour: 9, minute: 0 } : timeOf(every[2], every[3]);
    if (n < 1 || n > 365 || !time) return undefined;
    return { everyDays: n, anchor: EPOCH_MONDAY, ...time };
  }
  return undefined;
}

function timeOf(h: string, m: string | undefined): { hour: number; minute: number } | undefined {
  const hour = Number(h);
  const minute = m === undefined ? 0 : Number(m);
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

/** The UK date on which the period holding `now` started: the name of the period (its request's key). */
export function currentPeriod(schedule: EvidenceSchedule, now: Date): string {
  const today = ukCalendarDay(now);
  const days = daysBetween(schedule.anchor, today);
  let start = addDays(schedule.anchor, Math.floor(days / schedule.everyDays) * schedule.everyDays);
  // Before the hour on the period's first day, the previous period still runs.
  if (londonInstant(start, schedule.hour, schedule.minute) > now) start = addDays(start, -schedule.everyDays);
  return start;
}

// ---- UK calendar arithmetic ----------------------------------------------------------------------

const ukParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** How far London's clocks are ahead of UTC at an instant (0 or an hour). */
function londonOffsetMs(at: Date): number {
  const p: Record<string, number> = {};
  for (const part of ukParts.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a UK wall-clock time happens on a date (British Summer Time included). */
export function londonInstant(date: string, hour: number, minute: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  const first = wall - londonOffsetMs(new Date(wall));
  return new Date(wall - londonOffsetMs(new Date(first)));
}
