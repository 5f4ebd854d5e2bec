import { guardFormula } from './formula-guard.js';

/**
 * CSV as RFC 4180 describes it and as Excel writes it: quoted fields with "" for a quote, commas and line
 * breaks inside quotes, CRLF or LF between records, an optional UTF-8 byte order mark. Pure.
 */

export class CsvError extends Error {}

export interface CsvReadOptions {
  /** Stop with an error past this many records (the import's row limit, checked while reading). */
  maxRecords?: number;
  /** Longest field, in characters (Excel's own limit is 32,767). */
  maxFieldChars?: number;
  /** Most fields in one record. */
  maxFields?: number;
}

/** The field separator: a comma, unless the first line has none and has semicolons or tabs (European Excel). */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text.slice(0, 64 * 1024).split(/\r?\n/, 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  if (outsideQuotes.includes(',')) return ',';
  if (outsideQuotes.includes(';')) return ';';
  if (outsideQuotes.includes('\t')) return '\t';
  return ',';
}

/**
 * Every record, each a list of fields. Fields are not trimmed; a trailing line break ends the last record
 * rather than starting an empty one. Lenient where Excel is: a quote inside an unquoted field is kept, and
 * text after a closing quote is appended. An unclosed quote is an error (it would swallow the rest of the file).
 */
export function parseCsv(input: string, options: CsvReadOptions = {}): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = sniffDelimiter(text);
  const maxRecords = options.maxRecords ?? Infinity;
  const maxFieldChars = options.maxFieldChars ?? Infinity;
  const maxFields = options.maxFields ?? Infinity;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quotedFrom = -1; // the record number where an open quote started, for the error
  const n = text.length;

  const endField = () => {
    if (field.length > maxFieldChars) {
      throw new CsvError(`Row ${records.length + 1}, column ${record.length + 1} holds ${field.length.toLocaleString('en-GB')} characters: at most ${maxFieldChars.toLocaleString('en-GB')} are allowed in one cell.`);
    }
    record.push(field);
    field = '';
    if (record.length > maxFields) throw new CsvError(`Row ${records.length + 1} has more than ${maxFields} columns.`);
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
    if (records.length > maxRecords) throw new CsvError(`The file has more than ${maxRecords.toLocaleString('en-GB')} rows.`);
  };

  while (i < n) {
    const c = text[i]!;
    if (c === '"' && field.length === 0) {
      // A quoted field: read to the closing quote, "" standing for one quote.
      quotedFrom = records.length + 1;
      i += 1;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) throw new CsvError(`Row ${quotedFrom}: a quoted cell is never closed (a " is missing).`);
        field += text.slice(i, close);
        if (field.length > maxFieldChars) {
          throw new CsvError(`Row ${quotedFrom}, column ${record.length + 1} holds more than ${maxFieldChars.toLocaleString('en-GB')} characters: at most ${maxFieldChars.toLocaleString('en-GB')} are allowed in one cell.`);
        }
        if (text[close + 1] === '"') {
          field += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      continue;
    }
    if (c === delimiter) {
      endField();
      i += 1;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // Plain characters up to the next special one, in one slice.
      let j = i + 1;
      while (j < n) {
        const d = text[j]!;
        if (d === delimiter || d === '\r' || d === '\n') break;
        j += 1;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field.length > 0 || record.length > 0) endRecord();
  return records;
}

export interface CsvWriteOptions {
  /** Prefix text that a spreadsheet would run as a formula (default true). */
  guardFormulas?: boolean;
  /** Start with a byte order mark, so Excel reads UTF-8 (default true). */
  bom?: boolean;
}

/** One field, quoted when it must be. */
export function csvField(value: string, guard = true): string {
  const safe = guard ? guardFormula(value) : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Records as CSV text: CRLF after every record, as RFC 4180 and Excel do. */
export function toCsv(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  const body = rows.map((r) => r.map((v) => csvField(v, guard)).join(',')).join('\r\n');
  return `${options.bom === false ? '' : '\uFEFF'}${body}${rows.length > 0 ? '\r\n' : ''}`;
}

/** Bytes of a CSV file as text: UTF-8, or Windows-1252 for files saved by older Excel ("CSV" rather than "CSV UTF-8"). */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Windows-1252's 0x80–0x9F (where it differs from Latin-1): €, curly quotes, dashes… Node's own decoder
// treats the label as Latin-1, so the table is here. 0 marks the five unassigned codes (kept as they are).
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b)));
  }
  return out;
}
