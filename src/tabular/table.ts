import { ukNumericDate } from '../domain/uk-date.js';
/**
 * A spreadsheet as the importer sees it, whatever file it came from: sheets of rows of cells, each cell
 * keeping what kind of value it held (a date typed in Excel is a date, not text). Pure.
 */
export type Cell =
  | { kind: 'text'; text: string; link?: string }
  | { kind: 'number'; value: number; percent: boolean }
  /** A calendar date, YYYY-MM-DD. */
  | { kind: 'date'; iso: string }
  | { kind: 'boolean'; value: boolean }
  /** A formula with no saved value: the file does not say what it comes to. */
  | { kind: 'formula'; formula: string }
  /** An Excel error value such as #N/A or #REF!. */
  | { kind: 'error'; text: string };

/** Row i is the spreadsheet's row i + 1; null where a cell is empty. */
export type Row = (Cell | null)[];

export interface Sheet {
  name: string;
  rows: Row[];
}

export interface Workbook {
  format: 'xlsx' | 'csv';
  sheets: Sheet[];
}


/** What a person sees in the cell. */
export function cellText(cell: Cell | null | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return cell.percent ? `${round(cell.value * 100)}%` : String(round(cell.value));
    case 'date':
      return ukNumericDate(cell.iso);
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'formula':
      return `=${cell.formula}`;
    case 'error':
      return cell.text;
  }
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export const isBlank = (cell: Cell | null | undefined): boolean => !cell || (cell.kind === 'text' && cell.text.trim() === '');

export const isBlankRow = (row: Row | undefined): boolean => !row || row.every(isBlank);

/** "A", "B", … "Z", "AA": the spreadsheet's name for a column (0-based index). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The 0-based index of a column letter ("C" → 2), or undefined if it is not one. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
