import { type Generated, type Kysely, type RawBuilder, sql } from 'kysely';
import { RETENTION_CATEGORIES, type RetentionCategory, type RetentionPeriods } from '../../contract/data-protection.js';
import type { Database } from '../schema.js';

/** Migration 0010's tables, typed here so the shared schema stays as it is. */
export type DataProtectionTables = {
  retention_settings: {
    partnership_id: string;
    observations_months: number | null;
    annotations_months: number | null;
    closed_challenges_months: number | null;
    completed_actions_months: number | null;
    closed_escalations_months: number | null;
    audit_log_months: number | null;
    updated_by_label: string;
    updated_at: Generated<Date>;
  };
  data_erasures: {
    id: string;
    partnership_id: string;
    scope: 'person' | 'partnership';
    person_id: string | null;
    erased_by_label: string;
    surface: string;
    counts: unknown;
    at: Generated<Date>;
  };
};
export type DataProtectionDatabase = Database & DataProtectionTables;

export const withDataProtectionTables = (db: Kysely<Database>): Kysely<DataProtectionDatabase> =>
  db.withTables<DataProtectionTables>() as unknown as Kysely<DataProtectionDatabase>;

const COLUMN: Record<RetentionCategory, keyof DataProtectionTables['retention_settings']> = {
  observations: 'observations_months',
  annotations: 'annotations_months',
  closedChallenges: 'closed_challenges_months',
  completedActions: 'completed_actions_months',
  closedEscalations: 'closed_escalations_months',
  auditLog: 'audit_log_months',
};

export interface StoredRetention {
  periods: RetentionPeriods;
  updatedAt: Date;
  updatedBy: string;
}

/**
 * Which rows each category removes: its table, and what makes a row expired (`t` is the row). A record
 * something else still points at stays (an action raised from a challenge keeps the challenge; a challenge
 * keeps the observation it came from) until that goes too: the sweep removes actions, then challenges, then
 * observations.
 */
const EXPIRED: Record<RetentionCategory, { table: string; expired: (cutoff: Date) => RawBuilder<unknown> }> = {
  completedActions: { table: 'actions', expired: (c) => sql`t.status IN ('complete','withdrawn') AND coalesce(t.signed_off_at, t.updated_at) < ${c}` },
  closedChallenges: {
    table: 'challenges',
    expired: (c) => sql`t.closed_at < ${c} AND NOT EXISTS (SELECT 1 FROM actions a WHERE a.partnership_id = t.partnership_id AND a.challenge_id = t.id)`,
  },
  closedEscalations: { table: 'escalations', expired: (c) => sql`t.status IN ('resolved','closed') AND coalesce(t.resolved_at, t.raised_at) < ${c}` },
  observations: {
    table: 'observations',
    expired: (c) => sql`t.observed_at < ${c} AND NOT EXISTS (SELECT 1 FROM challenges c WHERE c.partnership_id = t.partnership_id AND c.observation_id = t.id)`,
  },
  annotations: { table: 'annotations', expired: (c) => sql`t.created_at < ${c}` },
  auditLog: { table: 'audit_log', expired: (c) => sql`t.at < ${c}` },
};

/** The order a retention pass goes in: what points at a record goes before it. */
export const SWEEP_ORDER: RetentionCategory[] = ['completedActions', 'closedChallenges', 'closedEscalations', 'observations', 'annotations', 'auditLog'];

/** Retention settings, and removal of what has outlived them. */
export class RetentionRepository {
  private readonly db: Kysely<DataProtectionDatabase>;

  constructor(db: Kysely<Database>) {
    this.db = withDataProtectionTables(db);
  }

  async settings(partnershipId: string): Promise<StoredRetention | undefined> {
    const row = await this.db.selectFrom('retention_settings').selectAll().where('partnership_id', '=', partnershipId).executeTakeFirst();
    if (!row) return undefined;
    const periods = Object.fromEntries(RETENTION_CATEGORIES.map((c) => [c, row[COLUMN[c]] as number | null])) as RetentionPeriods;
    return { periods, updatedAt: row.updated_at, updatedBy: row.updated_by_label };
  }

  async save(partnershipId: string, periods: RetentionPeriods, updatedBy: string, at: Date): Promise<void> {
    const values = Object.fromEntries(RETENTION_CATEGORIES.map((c) => [COLUMN[c], periods[c]]));
    await this.db
      .insertInto('retention_settings')
      .values({ partnership_id: partnershipId, ...values, updated_by_label: updatedBy, updated_at: at })
      .onConflict((oc) => oc.column('partnership_id').doUpdateSet({ ...values, updated_by_label: updatedBy, updated_at: at }))
      .execute();
  }

  /** Partnerships whose records retention looks after (an erased one has none left). */
  async partnershipIds(): Promise<string[]> {
    const rows = await sql<{ id: string }>`SELECT id FROM partnerships WHERE erased_at IS NULL ORDER BY id`.execute(this.db);
    return rows.rows.map((r) => r.id);
  }

  /**
   * Holds this partnership's retention lock until the transaction ends, or says another instance has it.
   * Two fixed keys: the first names retention, the second the partnership.
   */
  async tryLock(partnershipId: string): Promise<boolean> {
    const r = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(1280263252, hashtext(${partnershipId})) AS locked`.execute(this.db);
    return r.rows[0]!.locked;
  }

  /** Removes up to `limit` records of the category past the cutoff; returns how many went. */
  async removeExpired(partnershipId: string, category: RetentionCategory, cutoff: Date, limit: number): Promise<number> {
    const { table, expired } = EXPIRED[category];
    // The one deliberate purge the audit log allows, for this transaction only (migration 0010).
    if (category === 'auditLog') await sql`SELECT set_config('los.audit_purge', 'on', true)`.execute(this.db);
    const r = await sql<{ id: string }>`
      DELETE FROM ${sql.table(table)} WHERE partnership_id = ${partnershipId} AND id IN (
        SELECT t.id FROM ${sql.table(table)} t WHERE t.partnership_id = ${partnershipId} AND ${expired(cutoff)} LIMIT ${limit})
      RETURNING id`.execute(this.db);
    if (category === 'auditLog') await sql`SELECT set_config('los.audit_purge', 'off', true)`.execute(this.db);
    return r.rows.length;
  }
}
