import { randomUUID } from 'node:crypto';
import { type Kysely, type Updateable } from 'kysely';
import { OPEN_ACTION_STATUSES } from '../../domain/evidence-links.js';
import type { ActionStatus, EvidenceRequestStatus, Surface } from '../../domain/vocabulary.js';
import type { EvidenceActionView, EvidenceSubmissionSummary } from '../../services/evidence-request-view.js';
import type { ActionsTable, Database, EvidenceRequestsTable } from '../schema.js';

/** Actions a chair is asked about: still to be done. (Proposed complete waits for sign-off, not for the chair.) */
export const ASKED_STATUSES = ['not_started', 'in_progress'] as const satisfies readonly ActionStatus[];

export interface EvidenceRequestRow {
  id: string;
  partnershipId: string;
  chairPersonId: string;
  chairName: string;
  trigger: 'schedule' | 'due_soon';
  triggerKey: string;
  status: EvidenceRequestStatus;
  dueAt: Date;
  sentAt: Date | null;
  answeredAt: Date | null;
  remindersSent: number;
  nextStepAt: Date | null;
  escalatedAt: Date | null;
  createdAt: Date;
}

export interface NewEvidenceRequest {
  partnershipId: string;
  chairPersonId: string;
  forumId: string | null;
  trigger: 'schedule' | 'due_soon';
  triggerKey: string;
  dueAt: Date;
  now: Date;
}

/** A row of actions to lock and change, with who it belongs to. */
export interface LockedAction {
  id: string;
  reference: string;
  status: ActionStatus;
  percentComplete: number;
  ownerPersonId: string | null;
  forumChairId: string | null;
  evidenceCount: number;
}

/**
 * Evidence requests' SQL. Construct it on a transaction to run its statements in that
 * transaction: the scheduler and the submission both change several tables at once.
 */
export class EvidenceRequestsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every active subgroup chair, in every partnership. */
  async activeChairs(): Promise<{ partnershipId: string; personId: string }[]> {
    const rows = await this.db.selectFrom('people').select(['partnership_id', 'id']).where('role', '=', 'subgroup_chair').where('is_active', '=', true).execute();
    return rows.map((r) => ({ partnershipId: r.partnership_id, personId: r.id }));
  }

  /** A chair's actions in these statuses: those they own, and those of forums they chair. */
  async actionIdsOfChair(partnershipId: string, chairId: string, statuses: readonly ActionStatus[]): Promise<string[]> {
    const rows = await this.db
      .selectFrom('actions as a')
      .leftJoin('forums as f', (j) => j.onRef('f.partnership_id', '=', 'a.partnership_id').onRef('f.id', '=', 'a.forum_id'))
      .select('a.id')
      .where('a.partnership_id', '=', partnershipId)
      .where('a.status', 'in', [...statuses])
      .where((eb) => eb.or([eb('a.owner_person_id', '=', chairId), eb('f.chair_person_id', '=', chairId)]))
      .orderBy('a.due_date', (ob) => ob.asc().nullsLast())
      .orderBy('a.reference')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Actions still to do that fall due between two UK dates, with each subgroup chair answerable for them. */
  async dueBetween(from: string, to: string): Promise<{ partnershipId: string; actionId: string; dueDate: string; forumId: string | null; chairPersonId: string }[]> {
    const rows = await this.db
      .selectFrom('actions as a')
      .leftJoin('forums as f', (j) => j.onRef('f.partnership_id', '=', 'a.partnership_id').onRef('f.id', '=', 'a.forum_id'))
      .innerJoin('people as p', (j) =>
        j.onRef('p.partnership_id', '=', 'a.partnership_id').on((eb) => eb.or([eb('p.id', '=', eb.ref('a.owner_person_id')), eb('p.id', '=', eb.ref('f.chair_person_id'))])),
      )
      .select(['a.partnership_id', 'a.id', 'a.due_date', 'a.forum_id', 'p.id as chair_id'])
      .where('a.status', 'in', [...ASKED_STATUSES])
      .where('a.due_date', '>=', from)
      .where('a.due_date', '<=', to)
      .where('p.role', '=', 'subgroup_chair')
      .where('p.is_active', '=', true)
      .execute();
    return rows.map((r) => ({ partnershipId: r.partnership_id, actionId: r.id, dueDate: r.due_date!, forumId: r.forum_id, chairPersonId: r.chair_id }));
  }

  /** Which chairs already have a request for these occasions, as "partnership/chair/key". */
  async chairsWithKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.db.selectFrom('evidence_requests').select(['partnership_id', 'chair_person_id', 'trigger_key']).where('trigger_key', 'in', [...new Set(keys)]).execute();
    return new Set(rows.map((r) => `${r.partnership_id}/${r.chair_person_id}/${r.trigger_key}`));
  }

  /** Creates the request and its actions, unless this chair already has one for this occasion: then undefined. */
  async create(r: NewEvidenceRequest, actionIds: string[]): Promise<string | undefined> {
    const inserted = await this.db
      .insertInto('evidence_requests')
      .values({
        id: randomUUID(),
        partnership_id: r.partnershipId,
        chair_person_id: r.chairPersonId,
        forum_id: r.forumId,
        due_at: r.dueAt,
        status: 'scheduled',
        sent_at: null,
        answered_at: null,
        created_at: r.now,
        trigger: r.trigger,
        trigger_key: r.triggerKey,
        next_step_at: r.now,
        escalated_at: null,
      })
      .onConflict((oc) => oc.columns(['partnership_id', 'chair_person_id', 'trigger_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return undefined;
    if (actionIds.length > 0) {
      await this.db
        .insertInto('evidence_request_actions')
        .values(actionIds.map((actionId) => ({ partnership_id: r.partnershipId, request_id: inserted.id, action_id: actionId })))
        .execute();
    }
    return inserted.id;
  }

  /**
   * Takes the request whose next step is most overdue, locked until the transaction ends.
   * SKIP LOCKED: another instance working on a request is passed over, not waited for.
   */
  async claimNextDue(now: Date): Promise<EvidenceRequestRow | undefined> {
    const row = await this.select()
      .where('r.status', 'in', ['scheduled', 'sent'])
      .where('r.next_step_at', '<=', now)
      .orderBy('r.next_step_at')
      .limit(1)
      .forUpdate('r')
      .skipLocked()
      .executeTakeFirst();
    return row && toRow(row);
  }

  /** One chair's request, locked for the transaction when `lock` is set. */
  async findForChair(partnershipId: string, requestId: string, chairId: string, lock = false): Promise<EvidenceRequestRow | undefined> {
    let q = this.select().where('r.partnership_id', '=', partnershipId).where('r.id', '=', requestId).where('r.chair_person_id', '=', chairId);
    if (lock) q = q.forUpdate('r');
    const row = await q.executeTakeFirst();
    return row && toRow(row);
  }

  async findById(requestId: string): Promise<EvidenceRequestRow | undefined> {
    const row = await this.select().where('r.id', '=', requestId).executeTakeFirst();
    return row && toRow(row);
  }

  /** The request's actions as they stand, with their evidence, soonest due first. */
  async actionsOf(r: Pick<EvidenceRequestRow, 'id' | 'partnershipId' | 'chairPersonId'>): Promise<EvidenceActionView[]> {
    const rows = await this.db
      .selectFrom('evidence_request_actions as era')
      .innerJoin('actions as a', (j) => j.onRef('a.partnership_id', '=', 'era.partnership_id').onRef('a.id', '=', 'era.action_id'))
      .leftJoin('forums as f', (j) => j.onRef('f.partnership_id', '=', 'a.partnership_id').onRef('f.id', '=', 'a.forum_id'))
      .select(['a.id', 'a.reference', 'a.title', 'a.due_date', 'a.status', 'a.percent_complete', 'a.owner_person_id', 'f.name as forum_name', 'f.chair_person_id'])
      .where('era.partnership_id', '=', r.partnershipId)
      .where('era.request_id', '=', r.id)
      .orderBy('a.due_date', (ob) => ob.asc().nullsLast())
      .orderBy('a.reference')
      .execute();
    const evidence = rows.length
      ? await this.db
          .selectFrom('action_evidence')
          .select(['action_id', 'url', 'title'])
          .where('partnership_id', '=', r.partnershipId)
          .where('action_id', 'in', rows.map((a) => a.id))
          .orderBy('added_at')
          .execute()
      : [];
    return rows.map((a) => ({
      id: a.id,
      reference: a.reference,
      title: a.title,
      dueDate: a.due_date,
      status: a.status,
      percentComplete: a.percent_complete,
      forumName: a.forum_name,
      evidence: evidence.filter((e) => e.action_id === a.id).map((e) => ({ url: e.url, title: e.title })),
      editable: (OPEN_ACTION_STATUSES as readonly string[]).includes(a.status) && (a.owner_person_id === r.chairPersonId || a.chair_person_id === r.chairPersonId),
    }));
  }

  /** Actions by id, locked for the transaction: a submission reads what it changes from these. */
  async lockActions(partnershipId: string, actionIds: string[]): Promise<LockedAction[]> {
    if (actionIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('actions as a')
      .leftJoin('forums as f', (j) => j.onRef('f.partnership_id', '=', 'a.partnership_id').onRef('f.id', '=', 'a.forum_id'))
      .select((eb) => [
        'a.id',
        'a.reference',
        'a.status',
        'a.percent_complete',
        'a.owner_person_id',
        'f.chair_person_id',
        eb.selectFrom('action_evidence as e').select((x) => x.fn.countAll<number>().as('n')).whereRef('e.action_id', '=', 'a.id').as('evidence_count'),
      ])
      .where('a.partnership_id', '=', partnershipId)
      .where('a.id', 'in', actionIds)
      .orderBy('a.reference')
      .forUpdate('a')
      .execute();
    return rows.map((a) => ({
      id: a.id,
      reference: a.reference,
      status: a.status,
      percentComplete: a.percent_complete,
      ownerPersonId: a.owner_person_id,
      forumChairId: a.chair_person_id,
      evidenceCount: Number(a.evidence_count ?? 0),
    }));
  }

  async requestActionIds(partnershipId: string, requestId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('evidence_request_actions').select('action_id').where('partnership_id', '=', partnershipId).where('request_id', '=', requestId).execute();
    return rows.map((r) => r.action_id);
  }

  async update(id: string, set: Updateable<EvidenceRequestsTable>): Promise<void> {
    await this.db.updateTable('evidence_requests').set(set).where('id', '=', id).execute();
  }

  /** The partnership's active business managers. */
  async businessManagers(partnershipId: string): Promise<{ id: string; displayName: string }[]> {
    const rows = await this.db
      .selectFrom('people')
      .select(['id', 'display_name'])
      .where('partnership_id', '=', partnershipId)
      .where('role', '=', 'business_manager')
      .where('is_active', '=', true)
      .orderBy('display_name')
      .execute();
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  // ---- submissions ----

  async findSubmission(id: string): Promise<{ requestId: string; personId: string; summary: EvidenceSubmissionSummary } | undefined> {
    const row = await this.db.selectFrom('evidence_submissions').select(['request_id', 'person_id', 'summary']).where('id', '=', id).executeTakeFirst();
    return row && { requestId: row.request_id, personId: row.person_id, summary: row.summary as EvidenceSubmissionSummary };
  }

  /** False when a submission with this id is already there (a repeated invoke that raced this one). */
  async insertSubmission(s: { id: string; partnershipId: string; requestId: string; personId: string; summary: EvidenceSubmissionSummary; at: Date }): Promise<boolean> {
    const r = await this.db
      .insertInto('evidence_submissions')
      .values({ id: s.id, partnership_id: s.partnershipId, request_id: s.requestId, person_id: s.personId, summary: JSON.stringify(s.summary), submitted_at: s.at })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  }

  async updateAction(partnershipId: string, actionId: string, set: Updateable<ActionsTable>): Promise<void> {
    await this.db.updateTable('actions').set(set).where('partnership_id', '=', partnershipId).where('id', '=', actionId).execute();
  }

  async addHistory(h: { partnershipId: string; actionId: string; actorId: string; surface: Surface; changes: Record<string, unknown>; comment: string | null; at: Date }): Promise<void> {
    await this.db
      .insertInto('action_history')
      .values({ id: randomUUID(), partnership_id: h.partnershipId, action_id: h.actionId, actor_id: h.actorId, surface: h.surface, changes: JSON.stringify(h.changes), comment: h.comment, at: h.at })
      .execute();
  }

  /** Adds the link unless the action already has it. False when it was there. */
  async addEvidence(e: { partnershipId: string; actionId: string; url: string; title: string; addedBy: string; at: Date }): Promise<boolean> {
    const existing = await this.db.selectFrom('action_evidence').select('id').where('partnership_id', '=', e.partnershipId).where('action_id', '=', e.actionId).where('url', '=', e.url).executeTakeFirst();
    if (existing) return false;
    await this.db
      .insertInto('action_evidence')
      .values({ id: randomUUID(), partnership_id: e.partnershipId, action_id: e.actionId, url: e.url, title: e.title, added_by_id: e.addedBy, added_at: e.at })
      .execute();
    return true;
  }

  private select() {
    return this.db
      .selectFrom('evidence_requests as r')
      .innerJoin('people as p', (j) => j.onRef('p.partnership_id', '=', 'r.partnership_id').onRef('p.id', '=', 'r.chair_person_id'))
      .select([
        'r.id',
        'r.partnership_id',
        'r.chair_person_id',
        'p.display_name',
        'r.trigger',
        'r.trigger_key',
        'r.status',
        'r.due_at',
        'r.sent_at',
        'r.answered_at',
        'r.reminders_sent',
        'r.next_step_at',
        'r.escalated_at',
        'r.created_at',
      ]);
  }
}

function toRow(r: {
  id: string;
  partnership_id: string;
  chair_person_id: string;
  display_name: string;
  trigger: 'schedule' | 'due_soon';
  trigger_key: string;
  status: EvidenceRequestStatus;
  due_at: Date;
  sent_at: Date | null;
  answered_at: Date | null;
  reminders_sent: number;
  next_step_at: Date | null;
  escalated_at: Date | null;
  created_at: Date;
}): EvidenceRequestRow {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    chairPersonId: r.chair_person_id,
    chairName: r.display_name,
    trigger: r.trigger,
    triggerKey: r.trigger_key,
    status: r.status,
    dueAt: r.due_at,
    sentAt: r.sent_at,
    answeredAt: r.answered_at,
    remindersSent: r.reminders_sent,
    nextStepAt: r.next_step_at,
    escalatedAt: r.escalated_at,
    createdAt: r.created_at,
  };
}
