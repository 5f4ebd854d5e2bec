import ExcelJS from 'exceljs';
import { CsvError, decodeCsvBytes, parseCsv } from './csv.js';
import { unguardFormula } from './formula-guard.js';
import { type Cell, isBlankRow, type Row, type Sheet } from './table.js';
import { checkZip, ZipLimitError } from './zip-limits.js';

export interface ReadLimits {
  maxFileBytes: number;
  /** Rows with anything in them, on the sheet read. */
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  /** An xlsx, inflated. */
  maxExpandedBytes: number;
  maxZipEntries: number;
}

/** A file that cannot be read as a tracker; the message says why, in words. */
export class UnreadableFileError extends Error {}

export interface ReadResult {
  format: 'xlsx' | 'csv';
  sheetNames: string[];
  sheet: Sheet;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/**
 * An .xlsx or CSV file as a sheet of cells: the sheet asked for, else the first visible one with anything
 * in it. The format is told from the bytes, not the name.
 */
export async function readWorkbook(bytes: Uint8Array, fileName: string, limits: ReadLimits, sheetName?: string): Promise<ReadResult> {
  if (bytes.byteLength === 0) throw new UnreadableFileError('The file is empty.');
  if (bytes.byteLength > limits.maxFileBytes) {
    throw new UnreadableFileError(`The file is ${mb(bytes.byteLength)}: at most ${mb(limits.maxFileBytes)} can be imported.`);
  }
  if (startsWith(bytes, OLE)) {
    throw new UnreadableFileError('The file is an old-style Excel workbook (.xls) or is protected by a password: in Excel, save it as .xlsx without a password, or as CSV.');
  }
  if (startsWith(bytes, ZIP)) return readXlsx(bytes, limits, sheetName);
  if (/\.(xlsx|xlsm|xls|ods)$/i.test(fileName)) throw new UnreadableFileError(`"${fileName}" is not an Excel workbook that can be read: save it as .xlsx or CSV.`);
  return readCsv(bytes, fileName, limits, sheetName);
}

function readCsv(bytes: Uint8Array, fileName: string, limits: ReadLimits, sheetName?: string): ReadResult {
  if (bytes.includes(0)) throw new UnreadableFileError(`"${fileName}" is neither an Excel workbook (.xlsx) nor a CSV file.`);
  let records: string[][];
  try {
    records = parseCsv(decodeCsvBytes(bytes), { maxRecords: limits.maxRows, maxFieldChars: limits.maxCellChars, maxFields: limits.maxColumns });
  } catch (error) {
    if (error instanceof CsvError) throw new UnreadableFileError(error.message);
    throw error;
  }
  const name = fileName.replace(/\.[^.]*$/, '') || 'CSV';
  if (sheetName !== undefined && sheetName !== name) throw new UnreadableFileError(`A CSV file has one sheet, "${name}": there is no sheet "${sheetName}".`);
  return { format: 'csv', sheetNames: [name], sheet: { name, rows: records.map((r) => r.map(csvCell)) } };
}

/** A CSV cell: text, except that "=…" is a formula a spreadsheet would have worked out (and the file does not say to what). */
function csvCell(text: string): Cell | null {
  if (text === '') return null;
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text.slice(1) };
  return { kind: 'text', text: unguardFormula(text) };
}

async function readXlsx(bytes: Uint8Array, limits: ReadLimits, sheetName?: string): Promise<ReadResult> {
  try {
    checkZip(bytes, { maxEntries: limits.maxZipEntries, maxTotalBytes: limits.maxExpandedBytes });
  } catch (error) {
    if (error instanceof ZipLimitError) throw new UnreadableFileError(error.message);
    throw error;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    throw new UnreadableFileError(`The workbook cannot be read: ${(error as Error).message}.`);
  }
  const worksheets = wb.worksheets;
  if (worksheets.length === 0) throw new UnreadableFileError('The workbook has no sheets.');
  const sheetNames = worksheets.map((w) => w.name);
  let chosen: ExcelJS.Worksheet | undefined;
  if (sheetName !== undefined) {
    chosen = worksheets.find((w) => w.name === sheetName) ?? worksheets.find((w) => w.name.toLowerCase() === sheetName.trim().toLowerCase());
    if (!chosen) throw new UnreadableFileError(`The workbook has no sheet "${sheetName}". Its sheets: ${sheetNames.map((s) => `"${s}"`).join(', ')}.`);
  } else {
    chosen = worksheets.find((w) => w.state === 'visible' && w.actualRowCount > 0) ?? worksheets[0]!;
  }
  return { format: 'xlsx', sheetNames, sheet: { name: chosen.name, rows: sheetRows(chosen, limits) } };
}

function sheetRows(ws: ExcelJS.Worksheet, limits: ReadLimits): Row[] {
  const rows: Row[] = [];
  let filled = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Row = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > limits.maxColumns) throw new UnreadableFileError(`Sheet "${ws.name}", row ${rowNumber}: there is something in column ${col}; at most ${limits.maxColumns} columns can be imported.`);
      const c = xlsxCell(cell);
      if (c && c.kind === 'text' && c.text.length > limits.maxCellChars) {
        throw new UnreadableFileError(`Sheet "${ws.name}", cell ${cell.address} holds ${c.text.length.toLocaleString('en-GB')} characters: at most ${limits.maxCellChars.toLocaleString('en-GB')} are allowed in one cell.`);
      }
      cells[col - 1] = c;
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    if (isBlankRow(cells)) return;
    filled += 1;
    if (filled > limits.maxRows) throw new UnreadableFileError(`Sheet "${ws.name}" has more than ${limits.maxRows.toLocaleString('en-GB')} rows.`);
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return rows;
}

const V = ExcelJS.ValueType;

function xlsxCell(cell: ExcelJS.Cell): Cell | null {
  // A merged range keeps its value in its top-left cell; the others would repeat it.
  if (cell.type === V.Merge) return null;
  return fromValue(cell.value, cell.numFmt);
}

function fromValue(value: ExcelJS.CellValue | undefined, numFmt: string | undefined): Cell | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value, percent: !!numFmt && numFmt.includes('%') } : null;
  if (typeof value === 'string') return { kind: 'text', text: unguardFormula(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { kind: 'date', iso: value.toISOString().slice(0, 10) };
  const v = value as unknown as Record<string, unknown>;
  if ('richText' in v && Array.isArray(v.richText)) return { kind: 'text', text: unguardFormula((v.richText as { text?: string }[]).map((r) => r.text ?? '').join('')) };
  if ('hyperlink' in v) {
    const text = v.text;
    const shown = typeof text === 'string' ? text : text && typeof text === 'object' && 'richText' in text ? ((text as { richText: { text?: string }[] }).richText.map((r) => r.text ?? '').join('')) : '';
    const link = typeof v.hyperlink === 'string' ? v.hyperlink : undefined;
    return { kind: 'text', text: unguardFormula(shown), ...(link ? { link } : {}) };
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    if (result === undefined || result === null) return { kind: 'formula', formula: String(v.formula ?? v.sharedFormula ?? '') };
    return fromValue(result as ExcelJS.CellValue, numFmt);
  }
  if ('error' in v) return { kind: 'error', text: String(v.error) };
  return null;
}

const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(n / 1024)} KB`);
