import { type Kysely, type Selectable, sql } from 'kysely';
import type { Surface } from '../../domain/vocabulary.js';
import type { Database } from '../schema.js';

export interface AuditEntry {
  partnershipId: string;
  actorPersonId: string | null;
  actorLabel: string;
  surface: Surface;
  action: string;
  entityType: string;
  entityId: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  at: Date;
}

/** Append-only: there is no update, and the table refuses one (see the migration). */
export class AuditLogRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        partnership_id: entry.partnershipId,
        actor_person_id: entry.actorPersonId,
        actor_label: entry.actorLabel,
        surface: entry.surface,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        detail: JSON.stringify(entry.detail ?? {}),
      })
      .execute();
  }

  async list(partnershipId: string, limit = 200): Promise<AuditRecord[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('partnership_id', '=', partnershipId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }

  /**
   * Entries matching the filters, newest first, paged back by id. Dates are UK calendar days, so
   * "to 2026-11-22" includes that whole day in London.
   */
  async query(partnershipId: string, f: AuditFilter, limit: number): Promise<AuditRecord[]> {
    let q = this.db.selectFrom('audit_log').selectAll().where('partnership_id', '=', partnershipId);
    if (f.from) q = q.where('at', '>=', sql<Date>`(${f.from}::date)::timestamp at time zone 'Europe/London'`);
    if (f.to) q = q.where('at', '<', sql<Date>`(${f.to}::date + 1)::timestamp at time zone 'Europe/London'`);
    if (f.personId) q = q.where('actor_person_id', '=', f.personId);
    if (f.action) q = q.where('action', '=', f.action);
    if (f.before) q = q.where('id', '<', f.before);
    const rows = await q.orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toRecord);
  }
}

function toRecord(r: Selectable<Database['audit_log']>): AuditRecord {
  return {
    id: Number(r.id),
    partnershipId: r.partnership_id,
    actorPersonId: r.actor_person_id,
    actorLabel: r.actor_label,
    surface: r.surface,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    detail: (r.detail ?? {}) as Record<string, unknown>,
    at: r.at,
  };
}

export interface AuditFilter {
  from?: string;
  to?: string;
  personId?: string;
  action?: string;
  before?: number;
}
