import type { RowError } from './plan-rows.js';

/** One error as a sentence: "Row 5, column "Owner": unknown owner "J Smith"…". Pure. */
export function errorText(e: RowError): string {
  if (e.row === null) return e.message;
  const joiner = /^(is|holds|has|would|cannot) /.test(e.message) ? ' ' : ': ';
  if (!e.column) return `Row ${e.row}${joiner}${e.message}`;
  // A column with no header is named by its letter ("column C"); one with a header by the header, quoted.
  const column = /^column [A-Z]{1,3}$/.test(e.column) ? e.column : `column "${e.column}"`;
  return `Row ${e.row}, ${column}${joiner}${e.message}`;
}
