import { type Kysely, sql } from 'kysely';

/**
 * The composite action tracker. Each action gets a version that every UPDATE raises, whoever
 * writes it (the tab, the bot's evidence requests, an import): an editor sends the version they
 * saw, and a change made meanwhile is reported instead of overwritten. A trigger rather than
 * each writer's care, so no writer can forget it. History entries get a sequence, so their order
 * is certain. The list reads each action's evidence and latest history entry, so both are
 * indexed by action.
 */
const up: string[] = [
  `ALTER TABLE actions ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`,
  `CREATE FUNCTION actions_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     NEW.version := OLD.version + 1;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER actions_version BEFORE UPDATE ON actions FOR EACH ROW EXECUTE FUNCTION actions_next_version()`,
  // History in the order it was written, even for entries of the same instant (the list shows the latest).
  `ALTER TABLE action_history ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`,
  `CREATE INDEX action_history_latest_idx ON action_history (action_id, at DESC, seq DESC)`,
  `CREATE INDEX action_evidence_action_idx ON action_evidence (action_id, added_at)`,
  `CREATE INDEX actions_owner_idx ON actions (partnership_id, owner_person_id)`,
  `CREATE INDEX actions_agency_idx ON actions (partnership_id, agency_id)`,
];

const down: string[] = [
  'DROP INDEX IF EXISTS actions_agency_idx',
  'DROP INDEX IF EXISTS actions_owner_idx',
  'DROP INDEX IF EXISTS action_evidence_action_idx',
  'DROP INDEX IF EXISTS action_history_latest_idx',
  'ALTER TABLE action_history DROP COLUMN IF EXISTS seq',
  'DROP TRIGGER IF EXISTS actions_version ON actions',
  'DROP FUNCTION IF EXISTS actions_next_version()',
  'ALTER TABLE actions DROP COLUMN IF EXISTS version',
];

export const migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const statement of down) await sql.raw(statement).execute(db);
  },
};
