import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/storage/schema.js';
import { makePartnership, type PartnershipFixture } from './fixtures.js';

export interface ImportPartnership extends PartnershipFixture {
  agencies: { police: string; council: string };
  jane: string;
  ravi: string;
}

/**
 * A partnership with two agencies and three named people (one of them gone), on top of the usual fixture.
 * Two of these have the same names, so a tracker exported from one imports into the other.
 */
export async function makeImportPartnership(db: Kysely<Database>, name?: string): Promise<ImportPartnership> {
  const p = await makePartnership(db, name);
  const police = randomUUID();
  const council = randomUUID();
  await db
    .insertInto('agencies')
    .values([
      { id: police, partnership_id: p.partnershipId, name: 'Demo Valley Police', kind: 'police', is_statutory_partner: true, tenant_id: null },
      { id: council, partnership_id: p.partnershipId, name: 'Demo Borough Council', kind: 'local_authority', is_statutory_partner: true, tenant_id: null },
    ])
    .execute();
  const person = (display_name: string, email: string | null, agency_id: string | null, is_active = true) => ({
    id: randomUUID(),
    partnership_id: p.partnershipId,
    display_name,
    email,
    job_title: null,
    role: 'subgroup_chair' as const,
    agency_id,
    entra_object_id: null,
    tenant_id: null,
    is_active,
  });
  const jane = person('Jane Smith', 'jane.smith@demo.example', police);
  const ravi = person('Ravi Patel', 'ravi.patel@demo.example', council);
  await db.insertInto('people').values([jane, ravi, person('Old Timer', null, council, false)]).execute();
  return { ...p, agencies: { police, council }, jane: jane.id, ravi: ravi.id };
}

export type SheetValue = string | number | boolean | Date | null | { formula: string; result?: unknown } | { text: string; hyperlink: string };

/** A workbook of one or more sheets, as Excel would save it. */
export async function xlsxBytes(sheets: Record<string, SheetValue[][]>, formats: { column: number; numFmt: string }[] = []): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]);
    for (const f of formats) ws.getColumn(f.column).numFmt = f.numFmt;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Rows as a CSV file, quoting every field (as some tools do). */
export function csvBytes(rows: string[][]): Uint8Array {
  return new TextEncoder().encode(rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n');
}
