import { type Kysely, sql } from 'kysely';
import type { Visibility } from '../../domain/vocabulary.js';
import type { Database } from '../schema.js';
import type { AuditEntry } from './audit-log-repository.js';
import type { NewObservationRecord, ObservationRecord } from './observations-repository.js';
import { type ReferenceCheck, type ReferencesRow, referenceColumns, toReferenceCheck } from './references-repository.js';

export interface CheckedInsert {
  observation: NewObservationRecord;
  audit: AuditEntry;
}

export interface CheckedInsertResult {
  references: ReferenceCheck;
  /** The new record, or nothing when a check failed or the id was already taken. */
  created: ObservationRecord | undefined;
}

/**
 * Checks what each observation names and inserts those whose references are all their partnership's, with
 * their areas and audit entries, skipping ids already taken. One statement for the whole list: it commits
 * whole or not at all, and the database parses and plans it once (bench/save-latency.ts). Ids must be
 * distinct within one call.
 */
export async function insertObservationsChecked(db: Kysely<Database>, inserts: readonly CheckedInsert[]): Promise<CheckedInsertResult[]> {
  const rows = inserts.map(({ observation: o, audit }, n) => ({
    n,
    id: o.id,
    partnership_id: o.partnershipId,
    author_id: o.authorId,
    meeting_id: o.meetingId,
    document_id: o.documentId,
    agenda_item_id: o.agendaItemId,
    body: o.body,
    judgement: o.judgement,
    evidence_type: o.evidenceType,
    observed_at: o.observedAt.toISOString(),
    area_ids: [...new Set(o.areaIds)],
    audit_partnership_id: audit.partnershipId,
    audit_person_id: audit.actorPersonId,
    audit_label: audit.actorLabel,
    audit_surface: audit.surface,
    audit_action: audit.action,
    audit_entity_type: audit.entityType,
    audit_entity_id: audit.entityId,
    audit_detail: audit.detail ?? {},
  }));
  const r = await sql<ReferencesRow & { n: number; visibility: Visibility | null; updated_at: Date | null }>`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        n int, id uuid, partnership_id uuid, author_id uuid, meeting_id uuid, document_id uuid, agenda_item_id uuid,
        body text, judgement text, evidence_type text, observed_at timestamptz, area_ids uuid[],
        audit_partnership_id uuid, audit_person_id uuid, audit_label text, audit_surface text, audit_action text,
        audit_entity_type text, audit_entity_id text, audit_detail jsonb)
    ),
    checked as (select input.*, ${referenceColumns('input')} from input),
    inserted as (
      insert into observations (id, partnership_id, author_id, meeting_id, document_id, agenda_item_id, body, judgement, evidence_type, observed_at)
      select id, partnership_id, author_id, meeting_id, document_id, agenda_item_id, body, judgement, evidence_type, observed_at
      from checked
      where cardinality(areas) = cardinality(area_ids) and meeting and document and agenda_item
      on conflict (id) do nothing
      returning id, visibility, updated_at
    ),
    inserted_areas as (
      insert into observation_areas (partnership_id, observation_id, area_id)
      select c.partnership_id, c.id, area_id from checked c join inserted using (id), unnest(c.area_ids) as area_id
    ),
    -- The audit entries commit with their observations, or none do.
    audited as (
      insert into audit_log (partnership_id, actor_person_id, actor_label, surface, action, entity_type, entity_id, detail)
      select audit_partnership_id, audit_person_id, audit_label, audit_surface, audit_action, audit_entity_type, audit_entity_id, audit_detail
      from checked c join inserted using (id)
    )
    select c.n, c.areas, c.meeting, c.document, c.agenda_item, inserted.visibility, inserted.updated_at
    from checked c left join inserted using (id)
    order by c.n
  `.execute(db);
  return r.rows.map((row) => {
    const o = inserts[row.n]!.observation;
    const references = toReferenceCheck(row);
    if (!row.visibility || !row.updated_at) return { references, created: undefined };
    return {
      references,
      created: { ...o, areaIds: [...new Set(o.areaIds)].sort(), visibility: row.visibility, updatedAt: new Date(row.updated_at), deletedAt: null },
    };
  });
}
