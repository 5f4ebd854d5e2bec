import { type Row, cellText, isBlankRow } from '../tabular/table.js';
import { COMPUTED_HEADERS, HEADER_SYNONYMS, IMPORT_FIELDS, type ImportField, normaliseHeader } from '../domain/action-import-fields.js';

/**
 * Which row holds the headers, and which column fills which field: a suggestion the user confirms or
 * changes before anything is checked. Pure.
 */

export type ColumnMapping = Partial<Record<ImportField, number>>;

export interface MappingSuggestion {
  mapping: ColumnMapping;
  /** Columns recognised and deliberately left out (the RAG: the tracker works it out). */
  ignored: { column: number; header: string; reason: string }[];
}

const SYNONYMS: [ImportField, string[]][] = IMPORT_FIELDS.map((f) => [f, HEADER_SYNONYMS[f].map(normaliseHeader)]);
const COMPUTED = new Set(COMPUTED_HEADERS.map(normaliseHeader));
const THRESHOLD = 0.55;

/** How well a header names a field, 0 to 1. */
export function headerScore(header: string, field: ImportField): number {
  const h = normaliseHeader(header);
  if (!h) return 0;
  let best = 0;
  for (const syn of SYNONYMS.find(([f]) => f === field)![1]) best = Math.max(best, phraseScore(h, syn));
  return best;
}

function phraseScore(h: string, syn: string): number {
  if (h === syn) return 1;
  const ht = h.split(' ');
  const st = syn.split(' ');
  const at = indexOfPhrase(ht, st);
  if (at >= 0) {
    // The more of the header the phrase covers, the better; English puts the head noun last ("action owner").
    const atEnd = at + st.length === ht.length;
    return 0.5 + 0.35 * (st.length / ht.length) + (atEnd ? 0.1 : 0);
  }
  // A misspelt header ("Reccomendation", "Deadine"): close by edit distance.
  // (Lengths more than a fifth apart cannot be that close, so the distance is not worked out.)
  if (h.length >= 5 && syn.length >= 5 && Math.abs(h.length - syn.length) <= 0.2 * Math.max(h.length, syn.length)) {
    const sim = 1 - editDistance(h, syn) / Math.max(h.length, syn.length);
    if (sim >= 0.8) return 0.7 * sim;
  }
  return 0;
}

function indexOfPhrase(tokens: string[], phrase: string[]): number {
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

export const isComputedHeader = (header: string): boolean => {
  const h = normaliseHeader(header);
  return COMPUTED.has(h) || h.split(' ').includes('rag');
};

/** Each column to at most one field and each field to at most one column, best matches first. */
export function suggestMapping(headers: readonly string[]): MappingSuggestion {
  const ignored: MappingSuggestion['ignored'] = [];
  const pairs: { field: ImportField; column: number; score: number }[] = [];
  headers.forEach((header, column) => {
    if (!header.trim()) return;
    if (isComputedHeader(header)) {
      ignored.push({ column, header, reason: 'The RAG rating is worked out by the tracker from the due date and status, so this column is not imported.' });
      return;
    }
    for (const field of IMPORT_FIELDS) {
      const score = headerScore(header, field);
      if (score >= THRESHOLD) pairs.push({ field, column, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const p of pairs) {
    if (mapping[p.field] !== undefined || used.has(p.column)) continue;
    mapping[p.field] = p.column;
    used.add(p.column);
  }
  return { mapping, ignored };
}

/**
 * The header row: of the first rows, the one naming the most fields (a tracker often has a title and a
 * date above its table). At least two recognised headers, else the first row with anything in it.
 */
export function findHeaderRow(rows: readonly Row[], lookAhead = 30): number {
  let best = -1;
  let bestCount = 1;
  let firstFilled = -1;
  for (let i = 0; i < Math.min(rows.length, lookAhead); i++) {
    const row = rows[i];
    if (isBlankRow(row)) continue;
    if (firstFilled < 0) firstFilled = i;
    // Headers are short: long text is data, and need not be compared with every synonym.
    const headers = row!.map((c) => (c && c.kind === 'text' && c.text.length <= 60 ? c.text : ''));
    const s = suggestMapping(headers);
    const count = Object.keys(s.mapping).length + s.ignored.length;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  }
  return best >= 0 ? best : Math.max(firstFilled, 0);
}

/** The header texts of a row, one per column up to the widest row below it. */
export function headerTexts(rows: readonly Row[], headerRow: number): string[] {
  let width = 0;
  for (let i = headerRow; i < rows.length; i++) width = Math.max(width, rows[i]?.length ?? 0);
  const row = rows[headerRow] ?? [];
  return Array.from({ length: width }, (_, i) => cellText(row[i]).replace(/\s+/g, ' ').trim());
}
