import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';

export type LinkField = 'meetingId' | 'documentId' | 'agendaItemId';

/**
 * Checks, in one statement, that what a record names belongs to the partnership: checklist areas of
 * its current framework, and a meeting, paper or agenda item. One round trip, because every save of an
 * observation asks it (bench/save-latency.ts).
 */
export class ReferencesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async check(
    partnershipId: string,
    areaIds: readonly string[],
    links: { meetingId?: string | null; documentId?: string | null; agendaItemId?: string | null },
  ): Promise<{ knownAreas: Set<string>; foreign: LinkField[] }> {
    const uuidOrNull = (v: string | null | undefined) => sql`${v ?? null}::uuid`;
    const r = await sql<{ areas: string[] | null; meeting: boolean; document: boolean; agenda_item: boolean }>`
      select
        array(
          select a.id from checklist_areas a join partnerships p on p.checklist_framework_id = a.framework_id
          where p.id = ${partnershipId} and a.id = any(${[...areaIds]}::uuid[])
        ) as areas,
        ${uuidOrNull(links.meetingId)} is null or exists (select 1 from meetings where partnership_id = ${partnershipId} and id = ${uuidOrNull(links.meetingId)}) as meeting,
        ${uuidOrNull(links.documentId)} is null or exists (select 1 from documents where partnership_id = ${partnershipId} and id = ${uuidOrNull(links.documentId)}) as document,
        ${uuidOrNull(links.agendaItemId)} is null or exists (select 1 from agenda_items where partnership_id = ${partnershipId} and id = ${uuidOrNull(links.agendaItemId)}) as agenda_item
    `.execute(this.db);
    const row = r.rows[0]!;
    const foreign: LinkField[] = [];
    if (!row.meeting) foreign.push('meetingId');
    if (!row.document) foreign.push('documentId');
    if (!row.agenda_item) foreign.push('agendaItemId');
    return { knownAreas: new Set(row.areas ?? []), foreign };
  }
}
