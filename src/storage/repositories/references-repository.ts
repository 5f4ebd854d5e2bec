import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema.js';

export type LinkField = 'meetingId' | 'documentId' | 'agendaItemId';
export type Links = { meetingId?: string | null; documentId?: string | null; agendaItemId?: string | null };
export interface ReferenceCheck {
  knownAreas: Set<string>;
  foreign: LinkField[];
}

/** The columns `referenceColumns` yields: which areas are known, and whether each named link is the partnership's. */
export interface ReferencesRow {
  areas: string[] | null;
  meeting: boolean;
  document: boolean;
  agenda_item: boolean;
}

/**
 * What a record names that belongs to its partnership, as four columns of a select over `row`, a relation
 * with partnership_id, area_ids, meeting_id, document_id and agenda_item_id: checklist areas of the
 * partnership's current framework, and a meeting, paper or agenda item. Shared by the edit check below and
 * the save that checks and inserts in one statement (observation-inserts.ts).
 */
export function referenceColumns(row: string): RawBuilder<ReferencesRow> {
  const r = sql.ref(row);
  return sql<ReferencesRow>`
      array(
        select a.id from checklist_areas a join partnerships p on p.checklist_framework_id = a.framework_id
        where p.id = ${r}.partnership_id and a.id = any(${r}.area_ids)
      ) as areas,
      ${r}.meeting_id is null or exists (select 1 from meetings m where m.partnership_id = ${r}.partnership_id and m.id = ${r}.meeting_id) as meeting,
      ${r}.document_id is null or exists (select 1 from documents d where d.partnership_id = ${r}.partnership_id and d.id = ${r}.document_id) as document,
      ${r}.agenda_item_id is null or exists (select 1 from agenda_items ai where ai.partnership_id = ${r}.partnership_id and ai.id = ${r}.agenda_item_id) as agenda_item`;
}

/** Reads a `referenceColumns` row. */
export function toReferenceCheck(row: ReferencesRow): ReferenceCheck {
  const foreign: LinkField[] = [];
  if (!row.meeting) foreign.push('meetingId');
  if (!row.document) foreign.push('documentId');
  if (!row.agenda_item) foreign.push('agendaItemId');
  return { knownAreas: new Set(row.areas ?? []), foreign };
}

/** Checks, in one statement, that what an edit names belongs to the partnership. */
export class ReferencesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async check(partnershipId: string, areaIds: readonly string[], links: Links): Promise<ReferenceCheck> {
    const r = await sql<ReferencesRow>`
      select ${referenceColumns('named')}
      from (select ${partnershipId}::uuid as partnership_id, ${[...areaIds]}::uuid[] as area_ids, ${links.meetingId ?? null}::uuid as meeting_id,
        ${links.documentId ?? null}::uuid as document_id, ${links.agendaItemId ?? null}::uuid as agenda_item_id) as named
    `.execute(this.db);
    return toReferenceCheck(r.rows[0]!);
  }
}
