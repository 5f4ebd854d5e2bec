import { type Kysely, sql } from 'kysely';

/**
 * A challenge the scrutineer escalates opens an entry in the escalations log, and says which challenge it
 * came from: one escalation per challenge, so a repeated card action cannot open two.
 */
const up: string[] = [
  `ALTER TABLE escalations ADD COLUMN challenge_id uuid`,
  `ALTER TABLE escalations ADD CONSTRAINT escalations_challenge_fk FOREIGN KEY (partnership_id, challenge_id) REFERENCES challenges (partnership_id, id) ON DELETE SET NULL (challenge_id)`,
  `CREATE UNIQUE INDEX escalations_challenge_idx ON escalations (challenge_id) WHERE challenge_id IS NOT NULL`,
];

const down: string[] = [
  'DROP INDEX IF EXISTS escalations_challenge_idx',
  'ALTER TABLE escalations DROP CONSTRAINT IF EXISTS escalations_challenge_fk',
  'ALTER TABLE escalations DROP COLUMN IF EXISTS challenge_id',
];

export const migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const statement of down) await sql.raw(statement).execute(db);
  },
};
