import type { Kysely } from 'kysely';
import { EXPORT_COLUMNS, type ExportAction, RAG_COLUMN, csvText, exportRows } from '../action-export/export-table.js';
import type { ActionExportQuery } from '../contract/action-import.js';
import { actionRag, DEFAULT_RAG_THRESHOLDS, type RagThresholds } from '../domain/action-rag.js';
import { ukCalendarDay } from '../domain/uk-date.js';
import type { Rag } from '../domain/vocabulary.js';
import { toCsv } from '../tabular/csv.js';
import { writeXlsx } from '../tabular/write-xlsx.js';
import { ActionTrackerRepository } from '../storage/repositories/action-tracker-repository.js';
import { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import type { Database } from '../storage/schema.js';
import { visibilityScope } from './action-view.js';
import { type Actor, auditActor } from './actor.js';

export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
  count: number;
}

const RAG_FILL: Record<Rag, string> = { red: 'FFF4B6B6', amber: 'FFFFE08A', green: 'FFB7E1B0' };

/**
 * The tracker as the caller sees it (all actions with action.read_all; their own, their agency's and
 * their forums' otherwise), narrowed by the tab's filters, as an .xlsx workbook or a CSV file.
 */
export class ActionExportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly rag: RagThresholds = DEFAULT_RAG_THRESHOLDS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async export(actor: Actor, q: ActionExportQuery): Promise<ExportFile> {
    const repo = new ActionTrackerRepository(this.db);
    const scope = await visibilityScope(actor, repo);
    const today = ukCalendarDay(this.now());
    const actions = (await repo.list(actor.partnershipId, { scope }))
      .map((row): ExportAction => ({ row, rag: actionRag(row, today, this.rag) }))
      .filter((a) => matches(a, q));
    const table = exportRows(actions);
    const partnership = await this.db.selectFrom('partnerships').select('short_name').where('id', '=', actor.partnershipId).executeTakeFirst();
    const base = `${slug(partnership?.short_name ?? 'partnership')}-actions-${today}`;
    let file: ExportFile;
    if (q.format === 'csv') {
      const csv = toCsv([EXPORT_COLUMNS.map((c) => c.header), ...table.map((r) => r.map(csvText))]);
      file = { bytes: new TextEncoder().encode(csv), contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv`, count: actions.length };
    } else {
      const bytes = await writeXlsx('Actions', EXPORT_COLUMNS, table, (r, c) => (c === RAG_COLUMN && actions[r]!.rag ? RAG_FILL[actions[r]!.rag!] : undefined));
      file = { bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${base}.xlsx`, count: actions.length };
    }
    const filters = Object.fromEntries(Object.entries(q).filter(([k, v]) => k !== 'format' && v !== undefined));
    await new AuditLogRepository(this.db).append({ ...auditActor(actor), action: 'action.export', entityType: 'action', entityId: null, detail: { format: q.format, filters, count: actions.length } });
    return file;
  }
}

function matches({ row: a, rag }: ExportAction, q: ActionExportQuery): boolean {
  if (q.status && a.status !== q.status) return false;
  if (q.source && a.source !== q.source) return false;
  if (q.rag && rag !== q.rag) return false;
  if (q.areaId && a.area?.id !== q.areaId) return false;
  if (q.agencyId && a.agency?.id !== q.agencyId) return false;
  if (q.ownerId && a.owner?.id !== q.ownerId) return false;
  if (q.q) {
    const hay = [a.reference, a.title, a.description, a.sourceRef, a.owner?.name, a.agency?.name, a.lastUpdate?.comment].filter(Boolean).join('\n').toLowerCase();
    if (!q.q.toLowerCase().split(/\s+/).every((w) => hay.includes(w))) return false;
  }
  return true;
}

/** A file name anyone's disk and any browser accept: letters, digits and hyphens. */
const slug = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'partnership';

