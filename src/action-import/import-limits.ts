/**
 * How much one import may hold. Generous for a partnership's tracker (a few hundred rows, tens of KB) and
 * small enough that a hostile file cannot exhaust the server: the xlsx limits cap what exceljs inflates.
 * Over HTTP the file also has to fit in MAX_BODY_BYTES as base64 (4/3 of its size).
 */
export const IMPORT_LIMITS = {
  maxFileBytes: 10 * 1024 * 1024,
  maxRows: 20_000,
  maxColumns: 200,
  /** Excel's own limit for one cell. */
  maxCellChars: 32_767,
  maxExpandedBytes: 64 * 1024 * 1024,
  maxZipEntries: 1_000,
} as const;

export type ImportLimits = { [K in keyof typeof IMPORT_LIMITS]: number };

/** Rows the reader lets through above the data: a title, a date, a blank line and the header. */
export const ROWS_ABOVE_HEADER = 50;

/** Errors listed in a preview, or in a refused commit (their total is always given). */
export const MAX_LISTED_ERRORS = 500;
