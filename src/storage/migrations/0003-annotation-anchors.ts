import { type Kysely, sql } from 'kysely';

/**
 * Annotations keep what the scrutineer selected (original_quote) apart from where it is
 * now (quote, page, offsets on the current version), so an orphaned one still shows its
 * words. Observations record who deleted them, for undo.
 */
const up: string[] = [
  `ALTER TABLE annotations ADD COLUMN original_quote text`,
  `UPDATE annotations SET original_quote = quote`,
  `ALTER TABLE annotations ALTER COLUMN original_quote SET NOT NULL`,
  `ALTER TABLE annotations ADD COLUMN end_offset integer`,
  `UPDATE annotations SET end_offset = start_offset + length(quote)`,
  `ALTER TABLE annotations ALTER COLUMN end_offset SET NOT NULL`,
  `ALTER TABLE annotations ADD CONSTRAINT annotations_offsets_check CHECK (end_offset >= start_offset)`,
  `ALTER TABLE annotations ADD COLUMN anchor_confidence real NOT NULL DEFAULT 1`,
  `ALTER TABLE annotations ADD COLUMN orphan_reason text`,
  `ALTER TABLE annotations ADD CONSTRAINT annotations_partnership_id_id_key UNIQUE (partnership_id, id)`,
  `CREATE INDEX annotations_document_idx ON annotations (partnership_id, document_id)`,
  `CREATE INDEX challenges_partnership_idx ON challenges (partnership_id, raised_at)`,
];

const down: string[] = [
  'DROP INDEX IF EXISTS challenges_partnership_idx',
  'DROP INDEX IF EXISTS annotations_document_idx',
  'ALTER TABLE annotations DROP CONSTRAINT IF EXISTS annotations_partnership_id_id_key',
  'ALTER TABLE annotations DROP COLUMN IF EXISTS orphan_reason',
  'ALTER TABLE annotations DROP COLUMN IF EXISTS anchor_confidence',
  'ALTER TABLE annotations DROP CONSTRAINT IF EXISTS annotations_offsets_check',
  'ALTER TABLE annotations DROP COLUMN IF EXISTS end_offset',
  'ALTER TABLE annotations DROP COLUMN IF EXISTS original_quote',
];

export const migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const statement of down) await sql.raw(statement).execute(db);
  },
};
