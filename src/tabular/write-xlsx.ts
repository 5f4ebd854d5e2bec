import ExcelJS from 'exceljs';
import { guardFormula } from './formula-guard.js';

export type XlsxCell = string | number | { date: string } | null;

export interface XlsxColumn {
  header: string;
  width: number;
  wrap?: boolean;
}

/**
 * One sheet with a bold, frozen, filterable header row. Text is guarded against formula injection; dates
 * are real dates shown day/month/year; `fill` colours a cell (e.g. a RAG).
 */
export async function writeXlsx(sheetName: string, columns: readonly XlsxColumn[], rows: readonly (readonly XlsxCell[])[], fill?: (row: number, col: number) => string | undefined): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Line of Sight';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.wrap ? { alignment: { wrapText: true, vertical: 'top' } } : { alignment: { vertical: 'top' } } }));
  ws.getRow(1).font = { bold: true };
  rows.forEach((cells, r) => {
    const row = ws.addRow(cells.map((c) => (c === null ? null : typeof c === 'string' ? guardFormula(c) : typeof c === 'number' ? c : new Date(`${c.date}T00:00:00Z`))));
    cells.forEach((c, i) => {
      if (c !== null && typeof c === 'object') row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
      const colour = fill?.(r, i);
      if (colour) row.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour } };
    });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
