import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import { ErasureRepository } from './erasure-repository.js';

export interface ExportTable {
  name: string;
  /** Primary key columns, to page by. */
  key: string[];
  /** Columns PostgreSQL computes (search vectors): left out of the export. */
  generated: string[];
}

/**
 * Reads every row a partnership holds, table by table, in pages by primary key: a large partnership is
 * read in bounded steps, never whole. Tables come from the catalogue, so a table added by a later
 * migration is exported without a change here.
 */
export class PartnershipExportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async tables(): Promise<ExportTable[]> {
    const names = ['partnerships', ...(await new ErasureRepository(this.db).partnershipTables())];
    const out: ExportTable[] = [];
    for (const name of names) {
      const key = await sql<{ column: string }>`
        SELECT a.attname AS column FROM pg_index i
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = ${name}::regclass AND i.indisprimary
        ORDER BY array_position(i.indkey::int2[], a.attnum)`.execute(this.db);
      const generated = await sql<{ column: string }>`
        SELECT column_name AS column FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ${name} AND is_generated = 'ALWAYS'`.execute(this.db);
      out.push({ name, key: key.rows.map((r) => r.column), generated: generated.rows.map((r) => r.column) });
    }
    return out;
  }

  /**
   * Up to `limit` rows of the table, as JSON objects, after the key `after` (the last page's `next`).
   * A table without a primary key is read in one go, ordered by all its columns.
   */
  async page(table: ExportTable, partnershipId: string, after: string[] | undefined, limit: number): Promise<{ rows: unknown[]; next: string[] | undefined }> {
    const owner = table.name === 'partnerships' ? sql.ref('id') : sql.ref('partnership_id');
    const row = sql`to_jsonb(t) - ${sql.val(table.generated)}::text[]`;
    if (table.key.length === 0) {
      if (after) return { rows: [], next: undefined };
      const r = await sql<{ row: unknown }>`SELECT ${row} AS row FROM ${sql.table(table.name)} t WHERE ${owner} = ${partnershipId}`.execute(this.db);
      return { rows: r.rows.map((x) => x.row), next: undefined };
    }
    const keys = sql.join(table.key.map((k) => sql.ref(`t.${k}`)));
    const keyTexts = sql.join(table.key.map((k, i) => sql`${sql.ref(`t.${k}`)}::text AS ${sql.ref(`k${i}`)}`));
    const afterClause = after ? sql`AND ROW(${keys}) > ROW(${sql.join(after.map((v) => sql`${v}`))})` : sql``;
    const r = await sql<Record<string, unknown> & { row: unknown }>`
      SELECT ${row} AS row, ${keyTexts} FROM ${sql.table(table.name)} t
      WHERE ${owner} = ${partnershipId} ${afterClause}
      ORDER BY ${keys} LIMIT ${limit}`.execute(this.db);
    const last = r.rows.at(-1);
    return {
      rows: r.rows.map((x) => x.row),
      next: r.rows.length === limit && last ? table.key.map((_, i) => String(last[`k${i}`])) : undefined,
    };
  }
}
