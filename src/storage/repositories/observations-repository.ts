import type { Kysely } from 'kysely';
import type { EvidenceType, Judgement, Visibility } from '../../domain/vocabulary.js';
import type { Database } from '../schema.js';
import type { AuditEntry } from './audit-log-repository.js';
import { type CheckedInsert, type CheckedInsertResult, insertObservationsChecked } from './observation-inserts.js';
import { WriteCoalescer } from '../write-coalescer.js';

export interface ObservationRecord {
  id: string;
  partnershipId: string;
  authorId: string;
  meetingId: string | null;
  documentId: string | null;
  agendaItemId: string | null;
  body: string;
  judgement: Judgement;
  evidenceType: EvidenceType;
  areaIds: string[];
  visibility: Visibility;
  observedAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export type NewObservationRecord = Omit<ObservationRecord, 'visibility' | 'updatedAt' | 'deletedAt'>;

export interface ObservationChanges {
  body?: string;
  judgement?: Judgement;
  evidenceType?: EvidenceType;
  meetingId?: string | null;
  documentId?: string | null;
  agendaItemId?: string | null;
  areaIds?: string[];
}

export class ObservationsRepository {
  private readonly coalescer?: WriteCoalescer<CheckedInsert, CheckedInsertResult>;

  constructor(
    private readonly db: Kysely<Database>,
    options: { coalesceWrites?: boolean; writesInFlight?: number } = {},
  ) {
    if (options.coalesceWrites) {
      this.coalescer = new WriteCoalescer((batch) => insertObservationsChecked(db, batch), (w) => w.observation.id, 200, options.writesInFlight ?? 1);
    }
  }

  /**
   * Checks what the observation names and, when all of it is the partnership's, inserts it with its areas
   * and its audit entry, unless an observation with this id exists: one statement, whole or not at all
   * (observation-inserts.ts). `created` is nothing when a check failed or the id was taken, so a retried
   * save is answered with the stored record rather than a duplicate. On a one-connection database,
   * concurrent saves share statements (write-coalescer.ts).
   */
  insertChecked(observation: NewObservationRecord, audit: AuditEntry): Promise<CheckedInsertResult> {
    if (this.coalescer) return this.coalescer.write({ observation, audit });
    return insertObservationsChecked(this.db, [{ observation, audit }]).then((r) => r[0]!);
  }

  /** Applies an edit, areas replaced as a whole, in one transaction. */
  async update(id: string, changes: ObservationChanges, now: Date): Promise<void> {
    const { areaIds, body, judgement, evidenceType, meetingId, documentId, agendaItemId } = changes;
    await this.db.transaction().execute(async (trx) => {
      const set: Record<string, unknown> = { updated_at: now };
      if (body !== undefined) set.body = body;
      if (judgement !== undefined) set.judgement = judgement;
      if (evidenceType !== undefined) set.evidence_type = evidenceType;
      if (meetingId !== undefined) set.meeting_id = meetingId;
      if (documentId !== undefined) set.document_id = documentId;
      if (agendaItemId !== undefined) set.agenda_item_id = agendaItemId;
      const row = await trx.updateTable('observations').set(set).where('id', '=', id).returning('partnership_id').executeTakeFirstOrThrow();
      if (areaIds) {
        await trx.deleteFrom('observation_areas').where('observation_id', '=', id).execute();
        await trx
          .insertInto('observation_areas')
          .values(areaIds.map((areaId) => ({ partnership_id: row.partnership_id, observation_id: id, area_id: areaId })))
          .execute();
      }
    });
  }

  /** Soft delete, so that an undo can bring it back; null restores. */
  async setDeleted(id: string, deletedAt: Date | null, now: Date): Promise<void> {
    await this.db.updateTable('observations').set({ deleted_at: deletedAt, updated_at: now }).where('id', '=', id).execute();
  }

  async share(id: string, now: Date): Promise<void> {
    await this.db.updateTable('observations').set({ visibility: 'shared', shared_at: now, updated_at: now }).where('id', '=', id).execute();
  }

  /** By id across partnerships: the caller decides what the viewer may see. */
  async findById(id: string): Promise<ObservationRecord | undefined> {
    const rows = await this.select().where('o.id', '=', id).execute();
    return this.withAreas(rows)[0];
  }

  /** The observations a viewer may see: their own, and shared ones when allowed. */
  async listVisible(
    partnershipId: string,
    viewerId: string,
    opts: { includeShared: boolean; meetingId?: string },
  ): Promise<ObservationRecord[]> {
    let q = this.select()
      .where('o.partnership_id', '=', partnershipId)
      .where('o.deleted_at', 'is', null)
      .where((eb) =>
        opts.includeShared
          ? eb.or([eb('o.author_id', '=', viewerId), eb('o.visibility', '=', 'shared')])
          : eb('o.author_id', '=', viewerId),
      );
    if (opts.meetingId) q = q.where('o.meeting_id', '=', opts.meetingId);
    return this.withAreas(await q.orderBy('o.observed_at', 'desc').orderBy('o.id').execute());
  }

  private select() {
    return this.db
      .selectFrom('observations as o')
      .select([
        'o.id',
        'o.partnership_id',
        'o.author_id',
        'o.meeting_id',
        'o.document_id',
        'o.agenda_item_id',
        'o.body',
        'o.judgement',
        'o.evidence_type',
        'o.visibility',
        'o.observed_at',
        'o.updated_at',
        'o.deleted_at',
        (eb) =>
          eb
            .selectFrom('observation_areas as oa')
            .innerJoin('checklist_areas as a', 'a.id', 'oa.area_id')
            .whereRef('oa.observation_id', '=', 'o.id')
            .select((eb2) => eb2.fn.agg<string[]>('array_agg', ['oa.area_id']).as('ids'))
            .as('area_ids'),
      ]);
  }

  private withAreas(
    rows: {
      id: string;
      partnership_id: string;
      author_id: string;
      meeting_id: string | null;
      document_id: string | null;
      agenda_item_id: string | null;
      body: string;
      judgement: Judgement;
      evidence_type: EvidenceType;
      visibility: Visibility;
      observed_at: Date;
      updated_at: Date;
      deleted_at: Date | null;
      area_ids: string[] | null;
    }[],
  ): ObservationRecord[] {
    return rows.map((r) => ({
      id: r.id,
      partnershipId: r.partnership_id,
      authorId: r.author_id,
      meetingId: r.meeting_id,
      documentId: r.document_id,
      agendaItemId: r.agenda_item_id,
      body: r.body,
      judgement: r.judgement,
      evidenceType: r.evidence_type,
      areaIds: [...(r.area_ids ?? [])].sort(),
      visibility: r.visibility,
      observedAt: r.observed_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
    }));
  }
}
