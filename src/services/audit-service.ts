import type { AuditExportQuery, AuditPage, AuditQuery } from '../contract/audit.js';
import type { AuditLogRepository, AuditRecord } from '../storage/repositories/audit-log-repository.js';
import { type Actor, auditActor, authorize } from './actor.js';
import { auditCsv } from './audit-csv.js';
import { invalid } from './errors.js';

/** The business manager's view of who read and changed what. Reading the log is itself logged. */
export class AuditService {
  constructor(private readonly log: AuditLogRepository) {}

  async list(actor: Actor, q: AuditQuery): Promise<AuditPage> {
    authorize(actor, 'audit.read');
    checkRange(q);
    const rows = await this.log.query(actor.partnershipId, q, q.limit + 1);
    const entries = rows.slice(0, q.limit);
    await this.log.append({ ...auditActor(actor), action: 'audit.read', entityType: 'audit_log', entityId: null, detail: filterDetail(q) });
    return { entries: entries.map(toContract), nextBefore: rows.length > q.limit ? entries[entries.length - 1]!.id : null };
  }

  /** Every matching entry, oldest first, as CSV. */
  async exportCsv(actor: Actor, q: AuditExportQuery): Promise<{ csv: string; count: number }> {
    authorize(actor, 'audit.read');
    checkRange(q);
    const all: AuditRecord[] = [];
    // Paged by id so a long log is read in bounded steps.
    for (let before: number | undefined; ; ) {
      const page = await this.log.query(actor.partnershipId, { ...q, before }, 1000);
      all.push(...page);
      if (page.length < 1000) break;
      before = page[page.length - 1]!.id;
    }
    await this.log.append({ ...auditActor(actor), action: 'audit.export', entityType: 'audit_log', entityId: null, detail: { ...filterDetail(q), count: all.length } });
    return { csv: auditCsv(all.reverse()), count: all.length };
  }
}

function checkRange(q: { from?: string; to?: string }): void {
  if (q.from && q.to && q.from > q.to) throw invalid('query.to', 'must not be before from.');
}

function filterDetail(q: AuditExportQuery): Record<string, unknown> {
  return Object.fromEntries(Object.entries({ from: q.from, to: q.to, personId: q.personId, action: q.action }).filter(([, v]) => v !== undefined));
}

function toContract(r: AuditRecord): AuditPage['entries'][number] {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorPersonId: r.actorPersonId,
    actorLabel: r.actorLabel,
    surface: r.surface,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    detail: r.detail ?? {},
  };
}
