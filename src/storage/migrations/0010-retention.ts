import { type Kysely, sql } from 'kysely';

/**
 * Data protection: how long each partnership keeps its records, and a record of every erasure.
 *
 * A partnership without a retention_settings row keeps the defaults (src/domain/retention.ts); a row
 * holds the business manager's choice, where null means "keep". Erasing a person keeps their people
 * row (other records point at it) but blanks who they were; erasing a partnership keeps its row, with
 * erased_at, so the erasure record and its audit entry have somewhere to live.
 *
 * The audit log stays append-only and now also refuses a DELETE, unless it comes with its partnership
 * (a cascade, run from the foreign key's own trigger) or from the retention purge, which says so for its
 * transaction with `set_config('los.audit_purge', 'on', true)` and writes its own audit entry.
 */
const months = (column: string) => `${column} integer CHECK (${column} BETWEEN 1 AND 1200)`;

const up: string[] = [
  `ALTER TABLE partnerships ADD COLUMN erased_at timestamptz`,
  `ALTER TABLE people ADD COLUMN erased_at timestamptz`,

  `CREATE TABLE retention_settings (
    partnership_id uuid PRIMARY KEY REFERENCES partnerships (id) ON DELETE CASCADE,
    ${months('observations_months')},
    ${months('annotations_months')},
    ${months('closed_challenges_months')},
    ${months('completed_actions_months')},
    ${months('closed_escalations_months')},
    ${months('audit_log_months')},
    updated_by_label text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,

  `CREATE TABLE data_erasures (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    scope text NOT NULL CHECK (scope IN ('person','partnership')),
    person_id uuid,
    erased_by_label text NOT NULL,
    surface text NOT NULL CHECK (surface IN ('tab','bot','cli','api','system')),
    counts jsonb NOT NULL DEFAULT '{}'::jsonb,
    at timestamptz NOT NULL DEFAULT now(),
    CHECK ((scope = 'person') = (person_id IS NOT NULL)),
    FOREIGN KEY (partnership_id, person_id) REFERENCES people (partnership_id, id)
  )`,
  `CREATE INDEX data_erasures_partnership_idx ON data_erasures (partnership_id, at)`,

  // Retention looks for closed and completed records by date.
  `CREATE INDEX challenges_closed_idx ON challenges (partnership_id, closed_at) WHERE closed_at IS NOT NULL`,
  `CREATE INDEX annotations_partnership_created_idx ON annotations (partnership_id, created_at)`,

  // pg_trigger_depth() is 1 for a DELETE on audit_log itself, more when the delete cascades from partnerships.
  `CREATE FUNCTION audit_log_guard_delete() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF pg_trigger_depth() > 1 OR current_setting('los.audit_purge', true) = 'on' THEN
       RETURN OLD;
     END IF;
     RAISE EXCEPTION 'audit_log entries are removed only by the retention purge or with their partnership';
   END $$`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard_delete()`,
];

const down: string[] = [
  'DROP TRIGGER IF EXISTS audit_log_no_delete ON audit_log',
  'DROP FUNCTION IF EXISTS audit_log_guard_delete()',
  'DROP INDEX IF EXISTS annotations_partnership_created_idx',
  'DROP INDEX IF EXISTS challenges_closed_idx',
  'DROP TABLE IF EXISTS data_erasures',
  'DROP TABLE IF EXISTS retention_settings',
  'ALTER TABLE people DROP COLUMN IF EXISTS erased_at',
  'ALTER TABLE partnerships DROP COLUMN IF EXISTS erased_at',
];

export const migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const statement of down) await sql.raw(statement).execute(db);
  },
};
