import type { Kysely } from 'kysely';
import { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import { ErasureRepository } from '../storage/repositories/erasure-repository.js';
import { type ExportTable, PartnershipExportRepository } from '../storage/repositories/partnership-export-repository.js';
import type { Database } from '../storage/schema.js';
import { type Actor, auditActor, authorize } from './actor.js';
import { notFound } from './errors.js';
import { StreamingZip, type ZipSink } from './streaming-zip.js';

/** Rows read per query: bounded memory however large the partnership. */
export const EXPORT_PAGE_ROWS = 500;

export interface ExportSummary {
  tables: Record<string, number>;
  rows: number;
}

/**
 * Everything a partnership holds, as a zip: `tables/<table>.jsonl` (one JSON object per row, as stored) for
 * each table, then `manifest.json` (who exported it, when, and the rows per table). Written as it is read, a
 * page at a time, to a sink (the HTTP response, a file). Papers' files are not included: they are copies of
 * the partnership's own SharePoint libraries. The export is audited, and a failed one is too.
 */
export class PartnershipExportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
    private readonly pageRows = EXPORT_PAGE_ROWS,
  ) {}

  /** Checks the caller may export, before a byte is sent. */
  async check(actor: Actor): Promise<{ partnershipName: string }> {
    authorize(actor, 'data_protection.manage');
    const p = await new ErasureRepository(this.db).partnership(actor.partnershipId);
    if (!p || p.erased) throw notFound('The partnership');
    return { partnershipName: p.name };
  }

  async export(actor: Actor, sink: ZipSink): Promise<ExportSummary> {
    const { partnershipName } = await this.check(actor);
    const repo = new PartnershipExportRepository(this.db);
    const summary: ExportSummary = { tables: {}, rows: 0 };
    const exportedAt = this.now().toISOString();
    let complete = false;
    try {
      const zip = new StreamingZip(sink);
      for (const table of await repo.tables()) {
        await zip.addFile(`tables/${table.name}.jsonl`, this.lines(repo, table, actor.partnershipId, summary));
      }
      const manifest = { format: 'line-of-sight-partnership-export', version: 1, partnershipId: actor.partnershipId, partnershipName, exportedAt, exportedBy: actor.displayName, ...summary };
      await zip.addFile('manifest.json', (async function* () {
        yield new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
      })());
      await zip.finish();
      complete = true;
      return summary;
    } finally {
      await new AuditLogRepository(this.db).append({
        ...auditActor(actor),
        action: 'partnership.export',
        entityType: 'partnership',
        entityId: actor.partnershipId,
        detail: { complete, rows: summary.rows, tables: summary.tables },
      });
    }
  }

  private async *lines(repo: PartnershipExportRepository, table: ExportTable, partnershipId: string, summary: ExportSummary): AsyncGenerator<Uint8Array> {
    const encoder = new TextEncoder();
    summary.tables[table.name] = 0;
    for (let after: string[] | undefined, first = true; first || after; first = false) {
      const page = await repo.page(table, partnershipId, after, this.pageRows);
      if (page.rows.length > 0) yield encoder.encode(page.rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
      summary.tables[table.name]! += page.rows.length;
      summary.rows += page.rows.length;
      after = page.next;
    }
  }
}
