import { type Kysely, sql } from 'kysely';

/**
 * Evidence requests as the bot runs them: what triggered each one, which actions it asks
 * about, when its next step (send, remind, escalate) is due, and the chairs' submissions.
 *
 * trigger_key names the occasion ("schedule:2026-11-23", "due:<action>:<date>"); it is unique
 * per chair, so a second scheduler instance, or a restart, cannot make the same request twice.
 * Rows from before this migration (the demo seed's) get a key of their own and no next step.
 */
const up: string[] = [
  `ALTER TABLE evidence_requests ADD CONSTRAINT evidence_requests_partnership_id_id_key UNIQUE (partnership_id, id)`,
  `ALTER TABLE evidence_requests ADD COLUMN trigger text NOT NULL DEFAULT 'schedule' CHECK (trigger IN ('schedule','due_soon'))`,
  `ALTER TABLE evidence_requests ADD COLUMN trigger_key text CHECK (length(trigger_key) BETWEEN 1 AND 200)`,
  `UPDATE evidence_requests SET trigger_key = 'legacy:' || id::text`,
  `ALTER TABLE evidence_requests ALTER COLUMN trigger_key SET NOT NULL`,
  `ALTER TABLE evidence_requests ADD COLUMN next_step_at timestamptz`,
  `ALTER TABLE evidence_requests ADD COLUMN escalated_at timestamptz`,
  `CREATE UNIQUE INDEX evidence_requests_trigger_key ON evidence_requests (partnership_id, chair_person_id, trigger_key)`,
  // The scheduler's claim reads only requests with a step still to take.
  `CREATE INDEX evidence_requests_next_step_idx ON evidence_requests (next_step_at) WHERE status IN ('scheduled','sent')`,

  `CREATE TABLE evidence_request_actions (
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    request_id uuid NOT NULL,
    action_id uuid NOT NULL,
    PRIMARY KEY (request_id, action_id),
    FOREIGN KEY (partnership_id, request_id) REFERENCES evidence_requests (partnership_id, id) ON DELETE CASCADE,
    FOREIGN KEY (partnership_id, action_id) REFERENCES actions (partnership_id, id) ON DELETE CASCADE
  )`,

  // One row per answer from a card. Its id comes in the card's data, so Teams' repeated invoke records once.
  `CREATE TABLE evidence_submissions (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    request_id uuid NOT NULL,
    person_id uuid NOT NULL,
    summary jsonb NOT NULL,
    submitted_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (partnership_id, request_id) REFERENCES evidence_requests (partnership_id, id) ON DELETE CASCADE,
    FOREIGN KEY (partnership_id, person_id) REFERENCES people (partnership_id, id)
  )`,
  `CREATE INDEX evidence_submissions_request_idx ON evidence_submissions (request_id, submitted_at)`,
];

const down: string[] = [
  'DROP TABLE IF EXISTS evidence_submissions',
  'DROP TABLE IF EXISTS evidence_request_actions',
  'DROP INDEX IF EXISTS evidence_requests_next_step_idx',
  'DROP INDEX IF EXISTS evidence_requests_trigger_key',
  'ALTER TABLE evidence_requests DROP COLUMN IF EXISTS escalated_at',
  'ALTER TABLE evidence_requests DROP COLUMN IF EXISTS next_step_at',
  'ALTER TABLE evidence_requests DROP COLUMN IF EXISTS trigger_key',
  'ALTER TABLE evidence_requests DROP COLUMN IF EXISTS trigger',
  'ALTER TABLE evidence_requests DROP CONSTRAINT IF EXISTS evidence_requests_partnership_id_id_key',
];

export const migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const statement of down) await sql.raw(statement).execute(db);
  },
};
