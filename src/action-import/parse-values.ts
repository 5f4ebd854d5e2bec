import { ACTION_SOURCES, type ActionSource, type ActionStatus } from '../domain/vocabulary.js';
import { type Cell, cellText } from '../tabular/table.js';

/**
 * One cell → one tracker value, or what is wrong with it in words. Pure. UK conventions: dates are
 * day/month/year.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

const quote = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;

/** The cell as text, trimmed, with its whitespace as typed inside. */
export const textOf = (cell: Cell | null | undefined): string => cellText(cell).trim();

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoOf(y: number, m: number, d: number): string | undefined {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** A calendar date as YYYY-MM-DD from text: 15/12/2026, 15-12-26, 15.12.2026, 2026-12-15, 15 Dec 2026, December 2026 (its last day). */
export function parseDateText(raw: string): string | undefined {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ][\d:.]+(?:z|[+-]\d\d:?\d\d)?)?$/.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?: [\d:.]+)?$/.exec(s);
  if (m) return isoOf(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = /^(?:[a-z]+,? )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3,})\.?,? (\d{4}|\d{2})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3)) + 1;
    if (month > 0 && (m[2]!.length === 3 || monthName(month).startsWith(m[2]!))) return isoOf(fullYear(m[3]!), month, Number(m[1]));
    return undefined;
  }
  m = /^(?:end (?:of )?)?([a-z]{3,})\.? (\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3)) + 1;
    if (month > 0 && (m[1]!.length === 3 || monthName(month).startsWith(m[1]!))) return isoOf(Number(m[2]), month, lastDay(Number(m[2]), month));
  }
  return undefined;
}
const monthName = (m: number) => new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }).toLowerCase();

/** Excel's serial day numbers (1900 system), for a date column Excel did not format as a date. */
function fromSerial(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 32874 || n > 73415) return undefined; // 1990 to 2100
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
}

export function parseDueDate(cell: Cell | null | undefined): Parsed<string | null> {
  if (!cell) return ok(null);
  if (cell.kind === 'date') return isoOf(Number(cell.iso.slice(0, 4)), Number(cell.iso.slice(5, 7)), Number(cell.iso.slice(8, 10))) ? ok(cell.iso) : bad(`${cellText(cell)} is not a date between 1990 and 2100.`);
  if (cell.kind === 'number') {
    const iso = fromSerial(cell.value);
    return iso ? ok(iso) : bad(`${quote(cellText(cell))} is a number, not a date: write it as day/month/year, e.g. 15/12/2026.`);
  }
  const text = textOf(cell);
  if (!text) return ok(null);
  const iso = parseDateText(text);
  if (iso) return ok(iso);
  return bad(`${quote(text)} is not a date: write it as day/month/year (15/12/2026) or leave it empty for no due date.`);
}

export function parsePercent(cell: Cell | null | undefined): Parsed<number | null> {
  if (!cell) return ok(null);
  let n: number;
  if (cell.kind === 'number') {
    // 0.5 formatted as 50% is a fraction; so is 0.25 typed in a "% complete" column (no one means a quarter of a per cent).
    n = cell.percent || (cell.value > 0 && cell.value < 1) ? cell.value * 100 : cell.value;
  } else {
    const text = textOf(cell);
    if (!text) return ok(null);
    const m = /^(\d{1,3}(?:\.\d+)?)\s*%?$/.exec(text);
    if (!m) return bad(`${quote(text)} is not a percentage: write a number from 0 to 100.`);
    n = Number(m[1]);
  }
  const rounded = Math.round(n);
  if (!(rounded >= 0 && rounded <= 100)) return bad(`${quote(cellText(cell))} is not between 0 and 100%.`);
  return ok(rounded);
}

const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9%]+/g, ' ').trim();

const STATUS_WORDS: Record<string, ActionStatus> = {
  'not started': 'not_started', 'not yet started': 'not_started', 'open': 'not_started', 'new': 'not_started', 'to do': 'not_started', 'todo': 'not_started', 'planned': 'not_started', 'not due': 'not_started',
  'in progress': 'in_progress', 'inprogress': 'in_progress', 'ongoing': 'in_progress', 'on going': 'in_progress', 'started': 'in_progress', 'underway': 'in_progress', 'under way': 'in_progress', 'in hand': 'in_progress', 'progressing': 'in_progress', 'on track': 'in_progress', 'off track': 'in_progress', 'delayed': 'in_progress', 'overdue': 'in_progress', 'at risk': 'in_progress', 'behind': 'in_progress', 'behind schedule': 'in_progress', 'partially complete': 'in_progress', 'partially completed': 'in_progress', 'partly complete': 'in_progress',
  'proposed complete': 'proposed_complete', 'proposed completed': 'proposed_complete', 'awaiting sign off': 'proposed_complete', 'awaiting signoff': 'proposed_complete', 'ready for sign off': 'proposed_complete', 'for sign off': 'proposed_complete', 'pending sign off': 'proposed_complete', 'complete awaiting evidence': 'proposed_complete', 'completed awaiting evidence': 'proposed_complete', 'awaiting evidence': 'proposed_complete', 'proposed for closure': 'proposed_complete',
  'complete': 'complete', 'completed': 'complete', 'done': 'complete', 'closed': 'complete', 'signed off': 'complete', 'achieved': 'complete', 'met': 'complete', 'complete and signed off': 'complete', 'finished': 'complete',
  'withdrawn': 'withdrawn', 'superseded': 'withdrawn', 'cancelled': 'withdrawn', 'canceled': 'withdrawn', 'no longer required': 'withdrawn', 'not required': 'withdrawn', 'removed': 'withdrawn', 'closed not completed': 'withdrawn', 'merged': 'withdrawn',
};

export function parseStatus(cell: Cell | null | undefined): Parsed<ActionStatus | null> {
  const text = textOf(cell);
  if (!text) return ok(null);
  const s = STATUS_WORDS[words(text)];
  if (s) return ok(s);
  return bad(`${quote(text)} is not a status the tracker knows: use not started, in progress, proposed complete, complete or withdrawn.`);
}

const SOURCE_WORDS: Record<string, ActionSource> = {
  'scrutiny': 'scrutiny', 'independent scrutiny': 'scrutiny', 'scrutiny report': 'scrutiny', 'scrutineer': 'scrutiny', 'independent scrutineer': 'scrutiny', 'scrutiny review': 'scrutiny', 'deep dive': 'scrutiny',
  'challenge': 'challenge', 'challenges': 'challenge', 'scrutiny challenge': 'challenge', 'challenge log': 'challenge',
  'minutes': 'minutes', 'minute': 'minutes', 'meeting': 'minutes', 'meeting minutes': 'minutes', 'board minutes': 'minutes', 'board': 'minutes', 'executive': 'minutes', 'subgroup': 'minutes',
  'case review': 'case_review', 'case reviews': 'case_review', 'cspr': 'case_review', 'lcspr': 'case_review', 'scr': 'case_review', 'serious case review': 'case_review', 'rapid review': 'case_review', 'practice review': 'case_review', 'child safeguarding practice review': 'case_review', 'local child safeguarding practice review': 'case_review', 'safeguarding practice review': 'case_review', 'spr': 'case_review', 'learning review': 'case_review', 'dhr': 'case_review', 'domestic homicide review': 'case_review',
  'audit': 'audit', 'audits': 'audit', 'multi agency audit': 'audit', 'multiagency audit': 'audit', 'maca': 'audit', 'case audit': 'audit', 'thematic audit': 'audit', 'qa audit': 'audit',
  'section 11': 'section_11', 'section11': 'section_11', 's11': 'section_11', 's 11': 'section_11', 'section 11 audit': 'section_11', 'section 11 self assessment': 'section_11', 'section 175': 'section_11', 's175': 'section_11', 's 175': 'section_11', 'section 11 175': 'section_11',
};
for (const s of ACTION_SOURCES) SOURCE_WORDS[words(s)] = s;

export function parseSource(cell: Cell | null | undefined): Parsed<ActionSource | null> {
  const text = textOf(cell);
  if (!text) return ok(null);
  const s = SOURCE_WORDS[words(text)];
  if (s) return ok(s);
  return bad(`${quote(text)} is not a source the tracker knows: use scrutiny, challenge, minutes, case review, audit or Section 11.`);
}

/**
 * Evidence is links, one or more: a cell's own hyperlink, and each web address in its text (one per line,
 * or separated by spaces or semicolons). Text that is not a link is refused, so that a note is not lost:
 * it belongs in the update column.
 */
export function parseEvidence(cell: Cell | null | undefined): Parsed<string[]> {
  if (!cell) return ok([]);
  const text = textOf(cell);
  if (!text && !(cell.kind === 'text' && cell.link)) return ok([]);
  const tokens = text.split(/[\s;]+|,\s+(?=https?:)/i).filter(Boolean);
  const urls: string[] = [];
  const add = (u: string) => {
    if (!urls.includes(u)) urls.push(u);
  };
  const link = cell.kind === 'text' ? cell.link : undefined;
  if (link) {
    const checked = checkLink(link);
    if (!checked.ok) return checked;
    add(checked.value);
    // The hyperlink's own display text ("Audit report") is its label, not more evidence.
    if (!/https?:\/\//i.test(text)) return ok(urls);
  }
  // A cell with no link in it at all is a note: say so of the whole of it, not of its first word.
  if (!tokens.some((t) => /^https?:/i.test(t))) return checkLink(text) as Parsed<never>;
  for (const t of tokens) {
    const checked = checkLink(t);
    if (!checked.ok) return checked;
    add(checked.value);
  }
  return ok(urls);
}

function checkLink(raw: string): Parsed<string> {
  const shown = quote(raw);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return bad(`${shown} is not a link: evidence must be web addresses (https://…), one per line. Put notes in the update column.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return bad(`${shown} is not a web link: evidence links start with https://.`);
  if (url.username || url.password) return bad(`${shown} contains a user name or password: remove them from the link.`);
  if (raw.length > 2000) return bad(`An evidence link is longer than 2,000 characters.`);
  return ok(url.toString());
}

/** A name as people, agencies and areas are matched: case and spacing do not count. */
export const nameKey = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
