import { type Kysely, sql } from 'kysely';

/**
 * The domain schema. Every row carries partnership_id, and every reference to a
 * row of another table is a composite foreign key on (partnership_id, id), so the
 * database itself refuses a link that crosses partnerships.
 *
 * Statements run one at a time: PGlite's extended protocol takes one statement per query.
 */
const tenantOwned = (table: string) =>
  `ALTER TABLE ${table} ADD CONSTRAINT ${table}_partnership_id_id_key UNIQUE (partnership_id, id)`;

const ref = (column: string, table: string, onDelete = 'NO ACTION') =>
  `FOREIGN KEY (partnership_id, ${column}) REFERENCES ${table} (partnership_id, id) ON DELETE ${onDelete}`;

const up: string[] = [
  `CREATE TABLE partnerships (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    short_name text NOT NULL CHECK (length(short_name) BETWEEN 1 AND 60),
    is_synthetic boolean NOT NULL DEFAULT false,
    host_tenant_id text,
    scrutiny_days_budget numeric(5,1) NOT NULL DEFAULT 24 CHECK (scrutiny_days_budget >= 0),
    checklist_framework_id uuid,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,

  `CREATE TABLE agencies (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind text NOT NULL CHECK (kind IN ('local_authority','police','health','education','probation','voluntary','other')),
    is_statutory_partner boolean NOT NULL DEFAULT false,
    tenant_id text,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (partnership_id, name)
  )`,
  tenantOwned('agencies'),

  `CREATE TABLE people (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    email text,
    job_title text,
    role text NOT NULL CHECK (role IN ('scrutineer','business_manager','safeguarding_partner','subgroup_chair','partner_member','read_only')),
    agency_id uuid,
    entra_object_id text,
    tenant_id text,
    is_active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    ${ref('agency_id', 'agencies')}
  )`,
  tenantOwned('people'),
  `CREATE UNIQUE INDEX people_entra_identity_key ON people (partnership_id, tenant_id, entra_object_id) WHERE entra_object_id IS NOT NULL`,

  `CREATE TABLE checklist_frameworks (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    key text NOT NULL,
    version integer NOT NULL CHECK (version > 0),
    title text NOT NULL,
    source_note text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (partnership_id, key, version)
  )`,
  tenantOwned('checklist_frameworks'),
  `ALTER TABLE partnerships ADD CONSTRAINT partnerships_framework_fk
    FOREIGN KEY (id, checklist_framework_id) REFERENCES checklist_frameworks (partnership_id, id) DEFERRABLE INITIALLY DEFERRED`,

  `CREATE TABLE checklist_areas (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    framework_id uuid NOT NULL,
    key text NOT NULL,
    position integer NOT NULL,
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    UNIQUE (framework_id, key),
    ${ref('framework_id', 'checklist_frameworks', 'CASCADE')}
  )`,
  tenantOwned('checklist_areas'),

  `CREATE TABLE checklist_prompts (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    area_id uuid NOT NULL,
    position integer NOT NULL,
    text text NOT NULL,
    ${ref('area_id', 'checklist_areas', 'CASCADE')}
  )`,

  `CREATE TABLE forums (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind text NOT NULL CHECK (kind IN ('executive','partnership_board','subgroup','task_and_finish')),
    description text NOT NULL DEFAULT '',
    position integer NOT NULL DEFAULT 0,
    chair_person_id uuid,
    teams_team_id text,
    teams_channel_id text,
    document_folder text,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (partnership_id, name),
    ${ref('chair_person_id', 'people')}
  )`,
  tenantOwned('forums'),

  `CREATE TABLE meetings (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    forum_id uuid NOT NULL,
    title text NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    location text,
    join_url text,
    teams_meeting_id text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    UNIQUE (forum_id, starts_at),
    ${ref('forum_id', 'forums', 'CASCADE')}
  )`,
  tenantOwned('meetings'),
  `CREATE INDEX meetings_partnership_starts_idx ON meetings (partnership_id, starts_at)`,

  `CREATE TABLE documents (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    forum_id uuid,
    meeting_id uuid,
    kind text NOT NULL CHECK (kind IN ('agenda','paper','minutes','report','other')),
    title text NOT NULL,
    source text NOT NULL CHECK (source IN ('local','graph')),
    drive_id text NOT NULL DEFAULT '',
    item_id text NOT NULL,
    path text NOT NULL,
    web_url text,
    current_version_id uuid,
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (partnership_id, source, drive_id, item_id),
    ${ref('forum_id', 'forums')},
    ${ref('meeting_id', 'meetings')}
  )`,
  tenantOwned('documents'),
  `CREATE INDEX documents_meeting_idx ON documents (partnership_id, meeting_id)`,

  `CREATE TABLE document_versions (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    document_id uuid NOT NULL,
    version_number integer NOT NULL CHECK (version_number > 0),
    file_name text NOT NULL,
    mime_type text NOT NULL,
    size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
    etag text,
    ctag text,
    content_hash text,
    content_path text,
    source_modified_at timestamptz,
    extraction_status text NOT NULL DEFAULT 'pending' CHECK (extraction_status IN ('pending','extracted','failed','skipped')),
    extraction_error text,
    page_count integer,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (document_id, version_number),
    ${ref('document_id', 'documents', 'CASCADE')}
  )`,
  tenantOwned('document_versions'),
  `ALTER TABLE documents ADD CONSTRAINT documents_current_version_fk
    FOREIGN KEY (partnership_id, current_version_id) REFERENCES document_versions (partnership_id, id) DEFERRABLE INITIALLY DEFERRED`,

  `CREATE TABLE document_pages (
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    document_version_id uuid NOT NULL,
    page_number integer NOT NULL CHECK (page_number > 0),
    text text NOT NULL,
    PRIMARY KEY (document_version_id, page_number),
    ${ref('document_version_id', 'document_versions', 'CASCADE')}
  )`,

  `CREATE TABLE agenda_items (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    meeting_id uuid NOT NULL,
    position integer NOT NULL,
    title text NOT NULL,
    presenter text,
    document_id uuid,
    UNIQUE (meeting_id, position),
    ${ref('meeting_id', 'meetings', 'CASCADE')},
    ${ref('document_id', 'documents')}
  )`,
  tenantOwned('agenda_items'),

  `CREATE TABLE observations (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    author_id uuid NOT NULL,
    meeting_id uuid,
    document_id uuid,
    agenda_item_id uuid,
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    judgement text NOT NULL CHECK (judgement IN ('gone_well','too_early','concern')),
    evidence_type text NOT NULL CHECK (evidence_type IN ('meeting_observation','paper_or_data','audit','voice_of_children_and_families','voice_of_practitioners','inspection_finding')),
    visibility text NOT NULL DEFAULT 'private' CHECK (visibility IN ('private','shared')),
    shared_at timestamptz,
    observed_at timestamptz NOT NULL DEFAULT now(),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    ${ref('author_id', 'people')},
    ${ref('meeting_id', 'meetings')},
    ${ref('document_id', 'documents')},
    ${ref('agenda_item_id', 'agenda_items')}
  )`,
  tenantOwned('observations'),
  `CREATE INDEX observations_partnership_observed_idx ON observations (partnership_id, observed_at)`,

  `CREATE TABLE observation_areas (
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    observation_id uuid NOT NULL,
    area_id uuid NOT NULL,
    PRIMARY KEY (observation_id, area_id),
    ${ref('observation_id', 'observations', 'CASCADE')},
    ${ref('area_id', 'checklist_areas')}
  )`,

  `CREATE TABLE challenges (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    raised_by_id uuid NOT NULL,
    observation_id uuid,
    forum_id uuid,
    addressee_person_id uuid,
    addressee_agency_id uuid,
    question text NOT NULL CHECK (length(question) BETWEEN 1 AND 10000),
    due_date date,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','answered','follow_up','accepted','escalated','closed')),
    outcome text,
    impact text,
    raised_at timestamptz NOT NULL DEFAULT now(),
    closed_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (addressee_person_id IS NOT NULL OR addressee_agency_id IS NOT NULL),
    ${ref('raised_by_id', 'people')},
    ${ref('observation_id', 'observations')},
    ${ref('forum_id', 'forums')},
    ${ref('addressee_person_id', 'people')},
    ${ref('addressee_agency_id', 'agencies')}
  )`,
  tenantOwned('challenges'),

  `CREATE TABLE challenge_responses (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    challenge_id uuid NOT NULL,
    author_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('answer','follow_up','decision')),
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    surface text NOT NULL CHECK (surface IN ('tab','bot','cli','api','system')),
    created_at timestamptz NOT NULL DEFAULT now(),
    ${ref('challenge_id', 'challenges', 'CASCADE')},
    ${ref('author_id', 'people')}
  )`,

  `CREATE TABLE annotations (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    author_id uuid NOT NULL,
    document_id uuid NOT NULL,
    document_version_id uuid NOT NULL,
    page_number integer NOT NULL CHECK (page_number > 0),
    quote text NOT NULL CHECK (length(quote) BETWEEN 1 AND 5000),
    prefix text NOT NULL DEFAULT '',
    suffix text NOT NULL DEFAULT '',
    start_offset integer NOT NULL CHECK (start_offset >= 0),
    status text NOT NULL DEFAULT 'anchored' CHECK (status IN ('anchored','orphaned')),
    observation_id uuid,
    challenge_id uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    ${ref('author_id', 'people')},
    ${ref('document_id', 'documents', 'CASCADE')},
    ${ref('document_version_id', 'document_versions')},
    ${ref('observation_id', 'observations', 'CASCADE')},
    ${ref('challenge_id', 'challenges', 'CASCADE')}
  )`,

  `CREATE TABLE area_assessments (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    area_id uuid NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    rag text NOT NULL CHECK (rag IN ('red','amber','green')),
    rationale text NOT NULL DEFAULT '',
    assessed_by_id uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (period_end >= period_start),
    UNIQUE (area_id, period_start, period_end),
    ${ref('area_id', 'checklist_areas')},
    ${ref('assessed_by_id', 'people')}
  )`,
  tenantOwned('area_assessments'),

  `CREATE TABLE area_assessment_evidence (
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    assessment_id uuid NOT NULL,
    observation_id uuid NOT NULL,
    PRIMARY KEY (assessment_id, observation_id),
    ${ref('assessment_id', 'area_assessments', 'CASCADE')},
    ${ref('observation_id', 'observations', 'CASCADE')}
  )`,

  `CREATE TABLE actions (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 40),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 2000),
    description text NOT NULL DEFAULT '',
    source text NOT NULL CHECK (source IN ('scrutiny','challenge','minutes','case_review','audit','section_11')),
    source_ref text,
    area_id uuid,
    owner_person_id uuid,
    agency_id uuid,
    forum_id uuid,
    challenge_id uuid,
    due_date date,
    status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','proposed_complete','complete','withdrawn')),
    percent_complete integer NOT NULL DEFAULT 0 CHECK (percent_complete BETWEEN 0 AND 100),
    completion_proposed_by_id uuid,
    completion_proposed_at timestamptz,
    signed_off_by_id uuid,
    signed_off_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (partnership_id, reference),
    ${ref('area_id', 'checklist_areas')},
    ${ref('owner_person_id', 'people')},
    ${ref('agency_id', 'agencies')},
    ${ref('forum_id', 'forums')},
    ${ref('challenge_id', 'challenges')},
    ${ref('completion_proposed_by_id', 'people')},
    ${ref('signed_off_by_id', 'people')}
  )`,
  tenantOwned('actions'),

  `CREATE TABLE action_history (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    action_id uuid NOT NULL,
    actor_id uuid,
    surface text NOT NULL CHECK (surface IN ('tab','bot','cli','api','system')),
    changes jsonb NOT NULL,
    comment text,
    at timestamptz NOT NULL DEFAULT now(),
    ${ref('action_id', 'actions', 'CASCADE')},
    ${ref('actor_id', 'people')}
  )`,
  `CREATE INDEX action_history_action_idx ON action_history (action_id, at)`,

  `CREATE TABLE action_evidence (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    action_id uuid NOT NULL,
    url text NOT NULL CHECK (url ~ '^https?://'),
    title text NOT NULL,
    added_by_id uuid,
    added_at timestamptz NOT NULL DEFAULT now(),
    ${ref('action_id', 'actions', 'CASCADE')},
    ${ref('added_by_id', 'people')}
  )`,

  `CREATE TABLE evidence_requests (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    chair_person_id uuid NOT NULL,
    forum_id uuid,
    due_at timestamptz NOT NULL,
    status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','sent','answered','escalated','cancelled')),
    sent_at timestamptz,
    answered_at timestamptz,
    reminders_sent integer NOT NULL DEFAULT 0 CHECK (reminders_sent >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    ${ref('chair_person_id', 'people')},
    ${ref('forum_id', 'forums')}
  )`,

  `CREATE TABLE escalations (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    title text NOT NULL,
    issue text NOT NULL,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_resolution','resolved','closed')),
    resolution text,
    raised_at timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz
  )`,
  tenantOwned('escalations'),

  `CREATE TABLE escalation_parties (
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    escalation_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    PRIMARY KEY (escalation_id, agency_id),
    ${ref('escalation_id', 'escalations', 'CASCADE')},
    ${ref('agency_id', 'agencies')}
  )`,

  `CREATE TABLE work_plan_activities (
    id uuid PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    scrutiny_year integer NOT NULL CHECK (scrutiny_year BETWEEN 2000 AND 2100),
    kind text NOT NULL CHECK (kind IN ('observe_meeting','read_papers','deep_dive','visit','meet_children_and_families','section_11_challenge','reporting','administration')),
    title text NOT NULL,
    forum_id uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    ${ref('forum_id', 'forums')}
  )`,
  tenantOwned('work_plan_activities'),

  `CREATE TABLE work_plan_days (
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    activity_id uuid NOT NULL,
    quarter smallint NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    planned_days numeric(5,1) NOT NULL DEFAULT 0 CHECK (planned_days >= 0),
    actual_days numeric(5,1) NOT NULL DEFAULT 0 CHECK (actual_days >= 0),
    PRIMARY KEY (activity_id, quarter),
    ${ref('activity_id', 'work_plan_activities', 'CASCADE')}
  )`,

  `CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    actor_person_id uuid,
    actor_label text NOT NULL,
    surface text NOT NULL CHECK (surface IN ('tab','bot','cli','api','system')),
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id text,
    detail jsonb NOT NULL DEFAULT '{}'::jsonb,
    at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX audit_log_partnership_at_idx ON audit_log (partnership_id, at)`,
  // Append-only: an entry, once written, is never rewritten. Removal happens only by
  // retention (a later migration) or with its partnership.
  `CREATE FUNCTION audit_log_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'audit_log is append-only';
   END $$`,
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_update()`,
];

const down = [
  'audit_log',
  'work_plan_days',
  'work_plan_activities',
  'escalation_parties',
  'escalations',
  'evidence_requests',
  'action_evidence',
  'action_history',
  'actions',
  'area_assessment_evidence',
  'area_assessments',
  'annotations',
  'challenge_responses',
  'challenges',
  'observation_areas',
  'observations',
  'agenda_items',
  'document_pages',
  'document_versions',
  'documents',
  'meetings',
  'forums',
  'checklist_prompts',
  'checklist_areas',
  'checklist_frameworks',
  'people',
  'agencies',
  'partnerships',
].map((t) => `DROP TABLE IF EXISTS ${t} CASCADE`);

export const migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const statement of down) await sql.raw(statement).execute(db);
    await sql.raw('DROP FUNCTION IF EXISTS audit_log_refuse_update()').execute(db);
  },
};
