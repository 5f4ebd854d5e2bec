import { type Kysely, sql } from 'kysely';

/**
 * Report drafts (issue 7): the quarterly progress report and the annual statement of assurance.
 *
 * A draft is one author's, for one kind and period. The evidence in it is not stored: it is assembled
 * from observations, challenges, actions and escalations each time the draft is read. What is stored is
 * what the author adds: each section's narrative (with a version for autosave, so a stale save is a 409,
 * not an overwrite) and which evidence they chose in or out (by its stable evidence id, `<kind>:<uuid>`,
 * without a foreign key: evidence can be deleted or erased without touching the draft).
 *
 * Each generation keeps the document's bytes (for download), where the library put it, and a snapshot of
 * the evidence and narratives it held: the next read of the draft compares against it to show what changed.
 */
const tenantOwned = (table: string) => `ALTER TABLE ${table} ADD CONSTRAINT ${table}_partnership_id_id_key UNIQUE (partnership_id, id)`;
const ref = (column: string, table: string, onDelete = 'NO ACTION') =>
  `FOREIGN KEY (partnership_id, ${column}) REFERENCES ${table} (partnership_id, id) ON DELETE ${onDelete}`;

const up: string[] = [
  `CREATE TABLE report_drafts (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    author_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('quarterly','annual')),
    period_key text NOT NULL CHECK (length(period_key) BETWEEN 1 AND 20),
    version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    ${ref('author_id', 'people')},
    UNIQUE (partnership_id, author_id, kind, period_key)
  )`,
  tenantOwned('report_drafts'),

  `CREATE TABLE report_sections (
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    draft_id uuid NOT NULL,
    section_key text NOT NULL CHECK (length(section_key) BETWEEN 1 AND 60),
    narrative text NOT NULL CHECK (length(narrative) <= 20000),
    version integer NOT NULL CHECK (version >= 1),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (draft_id, section_key),
    ${ref('draft_id', 'report_drafts', 'CASCADE')}
  )`,

  `CREATE TABLE report_evidence_choices (
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    draft_id uuid NOT NULL,
    evidence_id text NOT NULL CHECK (length(evidence_id) BETWEEN 1 AND 60),
    included boolean NOT NULL,
    PRIMARY KEY (draft_id, evidence_id),
    ${ref('draft_id', 'report_drafts', 'CASCADE')}
  )`,

  `CREATE TABLE report_generations (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    draft_id uuid NOT NULL,
    generated_by_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('quarterly','annual')),
    period_key text NOT NULL,
    file_name text NOT NULL,
    store text NOT NULL CHECK (store IN ('graph','local')),
    web_url text,
    local_path text,
    version_label text NOT NULL,
    size_bytes integer NOT NULL CHECK (size_bytes >= 0),
    content bytea NOT NULL,
    snapshot jsonb NOT NULL,
    generated_at timestamptz NOT NULL DEFAULT now(),
    ${ref('draft_id', 'report_drafts', 'CASCADE')},
    ${ref('generated_by_id', 'people')}
  )`,
  tenantOwned('report_generations'),
  `CREATE INDEX report_generations_draft_idx ON report_generations (draft_id, generated_at DESC)`,
  `CREATE INDEX report_generations_partnership_idx ON report_generations (partnership_id, generated_at DESC)`,
];

const down: string[] = [
  'DROP TABLE IF EXISTS report_generations',
  'DROP TABLE IF EXISTS report_evidence_choices',
  'DROP TABLE IF EXISTS report_sections',
  'DROP TABLE IF EXISTS report_drafts',
];

export const migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const statement of down) await sql.raw(statement).execute(db);
  },
};
