import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema.js';

export type LinkField = 'meetingId' | 'documentId' | 'agendaItemId';
export type Links = { meetingId?: string | null; documentId?: string | null; agendaItemId?: string | null };
export interface ReferenceCheck {
  knownAreas: Set<string>;
  foreign: LinkField[];
}

/** The row `referencesQuery` yields: which areas are known, and whether each named link is the partnership's. */
export interface ReferencesRow {
  areas: string[] | null;
  meeting: boolean;
  document: boolean;
  agenda_item: boolean;
}

/**
 * One row saying what a record names that belongs to the partnership: checklist areas of its current
 * framework, and a meeting, paper or agenda item. A fragment, so that a save can check and insert in a
 * single statement (observations-repository.ts).
 */
export function referencesQuery(partnershipId: string, areaIds: readonly string[], links: Links): RawBuilder<ReferencesRow> {
  const uuidOrNull = (v: string | null | undefined) => sql`${v ?? null}::uuid`;
  return sql<ReferencesRow>`
    select
      array(
        select a.id from checklist_areas a join partnerships p on p.checklist_framework_id = a.framework_id
        where p.id = ${partnershipId} and a.id = any(${[...areaIds]}::uuid[])
      ) as areas,
      ${uuidOrNull(links.meetingId)} is null or exists (select 1 from meetings where partnership_id = ${partnershipId} and id = ${uuidOrNull(links.meetingId)}) as meeting,
      ${uuidOrNull(links.documentId)} is null or exists (select 1 from documents where partnership_id = ${partnershipId} and id = ${uuidOrNull(links.documentId)}) as document,
      ${uuidOrNull(links.agendaItemId)} is null or exists (select 1 from agenda_items where partnership_id = ${partnershipId} and id = ${uuidOrNull(links.agendaItemId)}) as agenda_item
  `;
}

/** Reads a `referencesQuery` row. */
export function toReferenceCheck(row: ReferencesRow): ReferenceCheck {
  const foreign: LinkField[] = [];
  if (!row.meeting) foreign.push('meetingId');
  if (!row.document) foreign.push('documentId');
  if (!row.agenda_item) foreign.push('agendaItemId');
  return { knownAreas: new Set(row.areas ?? []), foreign };
}

/**
 * Checks, in one statement, that what a record names belongs to the partnership. One round trip,
 * because edits of an observation ask it.
 */
export class ReferencesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async check(partnershipId: string, areaIds: readonly string[], links: Links): Promise<ReferenceCheck> {
    const r = await referencesQuery(partnershipId, areaIds, links).execute(this.db);
    return toReferenceCheck(r.rows[0]!);
  }
}
