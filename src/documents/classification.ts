import { z } from 'zod';
import type { DocumentKind } from '../domain/vocabulary.js';

/**
 * How a partnership names its papers: words that mark an agenda, minutes, a report.
 * Matched, case-insensitively, against the file name first and then its folders.
 * Stored per partnership (partnerships.document_conventions); these are the defaults.
 */
export const DocumentConventions = z.strictObject({
  agenda: z.array(z.string().min(1)).default(['agenda']),
  minutes: z.array(z.string().min(1)).default(['minutes', 'notes of the meeting', 'action log']),
  // The scrutineer's own reports; a partner's annual report tabled at a meeting is a paper.
  report: z.array(z.string().min(1)).default(['statement of assurance', 'scrutiny report', 'quarterly progress report']),
  paper: z.array(z.string().min(1)).default(['paper', 'report', 'item', 'appendix', 'briefing', 'audit', 'dashboard']),
  /** A library column holding the meeting date, when the library has one. */
  meetingDateField: z.string().min(1).nullable().default(null),
});
export type DocumentConventions = z.infer<typeof DocumentConventions>;

export const DEFAULT_CONVENTIONS: DocumentConventions = DocumentConventions.parse({});

const DOCUMENT_EXTENSIONS = /\.(pdf|docx?|pptx?|xlsx?|odt|rtf)$/i;

const containsWord = (text: string, word: string) =>
  new RegExp(`(^|[^a-z])${word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z]|$)`).test(text.toLowerCase());

/**
 * The kind of a document from its name and folders. The file name decides first (a
 * "Minutes" folder may hold an agenda); an unmarked office file in a meeting's folder is a paper.
 */
export function classifyDocument(folders: string[], fileName: string, conventions: DocumentConventions = DEFAULT_CONVENTIONS): DocumentKind {
  const order: DocumentKind[] = ['agenda', 'minutes', 'report'];
  for (const text of [fileName, ...[...folders].reverse()]) {
    for (const kind of order) if (conventions[kind as 'agenda' | 'minutes' | 'report'].some((w) => containsWord(text, w))) return kind;
  }
  if (conventions.paper.some((w) => containsWord(fileName, w))) return 'paper';
  return DOCUMENT_EXTENSIONS.test(fileName) ? 'paper' : 'other';
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function validDate(y: number, m: number, d: number): string | null {
  if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first date written in a piece of text, in the ways UK partnerships write them; YYYY-MM-DD. */
export function dateIn(text: string): string | null {
  const iso = /(?<!\d)(20\d\d)[-_.](\d{1,2})[-_.](\d{1,2})(?!\d)/.exec(text);
  if (iso) return validDate(+iso[1]!, +iso[2]!, +iso[3]!);
  const uk = /(?<!\d)(\d{1,2})[-_./](\d{1,2})[-_./](20\d\d)(?!\d)/.exec(text);
  if (uk) return validDate(+uk[3]!, +uk[2]!, +uk[1]!);
  const words = /(?<!\d)(\d{1,2})(?:st|nd|rd|th)?[\s_-]+([a-z]{3,9})[\s_-]+(20\d\d)(?!\d)/i.exec(text);
  if (words) {
    const m = MONTHS.findIndex((name) => name.startsWith(words[2]!.toLowerCase()) && words[2]!.length >= 3);
    if (m >= 0) return validDate(+words[3]!, m + 1, +words[1]!);
  }
  const compact = /(?<!\d)(20\d\d)(\d\d)(\d\d)(?!\d)/.exec(text);
  if (compact) return validDate(+compact[1]!, +compact[2]!, +compact[3]!);
  return null;
}

/** The meeting date of a document: a library column first, then the file name, then the nearest folder. */
export function documentDate(folders: string[], fileName: string, fields: Record<string, unknown> | undefined, conventions: DocumentConventions = DEFAULT_CONVENTIONS): string | null {
  const field = conventions.meetingDateField ? fields?.[conventions.meetingDateField] : undefined;
  if (typeof field === 'string') {
    const fromField = dateIn(field) ?? (/^\d{4}-\d{2}-\d{2}T/.test(field) ? field.slice(0, 10) : null);
    if (fromField) return fromField;
  }
  for (const text of [fileName, ...[...folders].reverse()]) {
    const d = dateIn(text);
    if (d) return d;
  }
  return null;
}

/** A readable title: the file name without its extension and without a leading date. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/\.[a-z0-9]{1,5}$/i, '');
  const withoutDate = base.replace(/^\s*(20\d\d[-_.]\d{1,2}[-_.]\d{1,2}|\d{1,2}[-_.]\d{1,2}[-_.]20\d\d)\s*[-–_]?\s*/, '');
  return (withoutDate || base).trim();
}
