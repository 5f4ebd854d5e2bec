import { randomUUID } from 'node:crypto';
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { ActionSource, ActionStatus, Surface } from '../../domain/vocabulary.js';
import type { ActionsTable, Database } from '../schema.js';

/** One tracker row as read: the action, the names it points to, its latest history entry and its evidence. */
export interface TrackerRow {
  id: string;
  reference: string;
  title: string;
  description: string;
  source: ActionSource;
  sourceRef: string | null;
  area: { id: string; name: string } | null;
  owner: { id: string; name: string } | null;
  agency: { id: string; name: string } | null;
  forum: { id: string; name: string } | null;
  dueDate: string | null;
  status: ActionStatus;
  percentComplete: number;
  lastUpdate: { at: Date; by: { id: string; name: string } | null; comment: string | null } | null;
  evidence: { id: string; url: string; title: string }[];
  completionProposed: { at: Date; by: { id: string; name: string } | null } | null;
  signedOff: { at: Date; by: { id: string; name: string } | null } | null;
  version: number;
  updatedAt: Date;
}

/** Who may see which actions without action.read_all: their own, their agency's, their forums'. */
export interface OwnScope {
  personId: string;
  agencyId: string | null;
}

/** An action's stored values, locked for a change. */
export interface LockedTrackerAction {
  id: string;
  reference: string;
  title: string;
  description: string;
  areaId: string | null;
  ownerPersonId: string | null;
  agencyId: string | null;
  forumId: string | null;
  forumChairId: string | null;
  dueDate: string | null;
  status: ActionStatus;
  percentComplete: number;
  completionProposedById: string | null;
  version: number;
  evidenceCount: number;
}

export interface HistoryRecord {
  id: string;
  at: Date;
  by: { id: string; name: string } | null;
  surface: Surface;
  changes: Record<string, unknown>;
  comment: string | null;
}

const named = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

/**
 * The tracker's SQL. Construct it on a transaction to run in that transaction: each change
 * writes the action, its history and the audit log together.
 */
export class ActionTrackerRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Every action of the partnership (or those in `scope`) in one statement: the tab sorts, filters
   * and groups client-side, so the list must stay one round trip however long the plan grows.
   */
  async list(partnershipId: string, options: { scope?: OwnScope; actionId?: string } = {}): Promise<TrackerRow[]> {
    let q = this.db
      .selectFrom('actions as a')
      .leftJoin('checklist_areas as ar', 'ar.id', 'a.area_id')
      .leftJoin('people as o', 'o.id', 'a.owner_person_id')
      .leftJoin('agencies as ag', 'ag.id', 'a.agency_id')
      .leftJoin('forums as f', 'f.id', 'a.forum_id')
      .leftJoin('people as pp', 'pp.id', 'a.completion_proposed_by_id')
      .leftJoin('people as so', 'so.id', 'a.signed_off_by_id')
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('action_history as h')
            .leftJoin('people as hp', 'hp.id', 'h.actor_id')
            .select(['h.at', 'h.comment', 'h.actor_id', 'hp.display_name as actor_name'])
            .whereRef('h.action_id', '=', 'a.id')
            .orderBy('h.at', 'desc')
            .orderBy('h.seq', 'desc')
            .limit(1)
            .as('lu'),
        (join) => join.onTrue(),
      )
      .select([
        'a.id',
        'a.reference',
        'a.title',
        'a.description',
        'a.source',
        'a.source_ref',
        'a.area_id',
        'ar.title as area_name',
        'a.owner_person_id',
        'o.display_name as owner_name',
        'a.agency_id',
        'ag.name as agency_name',
        'a.forum_id',
        'f.name as forum_name',
        'a.due_date',
        'a.status',
        'a.percent_complete',
        'a.completion_proposed_by_id',
        'pp.display_name as proposed_by_name',
        'a.completion_proposed_at',
        'a.signed_off_by_id',
        'so.display_name as signed_off_by_name',
        'a.signed_off_at',
        'a.version',
        'a.updated_at',
        'lu.at as last_at',
        'lu.comment as last_comment',
        'lu.actor_id as last_actor_id',
        'lu.actor_name as last_actor_name',
        sql<{ id: string; url: string; title: string }[]>`coalesce((
          SELECT json_agg(json_build_object('id', e.id, 'url', e.url, 'title', e.title) ORDER BY e.added_at, e.id)
          FROM action_evidence e WHERE e.action_id = a.id), '[]'::json)`.as('evidence'),
      ])
      .where('a.partnership_id', '=', partnershipId);
    if (options.actionId) q = q.where('a.id', '=', options.actionId);
    const scope = options.scope;
    if (scope) {
      q = q.where((eb) =>
        eb.or([
          eb('a.owner_person_id', '=', scope.personId),
          eb('f.chair_person_id', '=', scope.personId),
          ...(scope.agencyId ? [eb('a.agency_id', '=', scope.agencyId)] : []),
        ]),
      );
    }
    const rows = await q.orderBy('a.reference').execute();
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      description: r.description,
      source: r.source,
      sourceRef: r.source_ref,
      area: named(r.area_id, r.area_name),
      owner: named(r.owner_person_id, r.owner_name),
      agency: named(r.agency_id, r.agency_name),
      forum: named(r.forum_id, r.forum_name),
      dueDate: r.due_date,
      status: r.status,
      percentComplete: r.percent_complete,
      lastUpdate: r.last_at ? { at: r.last_at, by: named(r.last_actor_id, r.last_actor_name), comment: r.last_comment } : null,
      evidence: typeof r.evidence === 'string' ? JSON.parse(r.evidence) : r.evidence,
      completionProposed: r.completion_proposed_at ? { at: r.completion_proposed_at, by: named(r.completion_proposed_by_id, r.proposed_by_name) } : null,
      signedOff: r.signed_off_at ? { at: r.signed_off_at, by: named(r.signed_off_by_id, r.signed_off_by_name) } : null,
      version: r.version,
      updatedAt: r.updated_at,
    }));
  }

  /** The action's stored values, locked until the transaction ends, so two changes apply one after the other. */
  async lock(partnershipId: string, actionId: string): Promise<LockedTrackerAction | undefined> {
    const r = await this.db
      .selectFrom('actions as a')
      .leftJoin('forums as f', 'f.id', 'a.forum_id')
      .select((eb) => [
        'a.id',
        'a.reference',
        'a.title',
        'a.description',
        'a.area_id',
        'a.owner_person_id',
        'a.agency_id',
        'a.forum_id',
        'f.chair_person_id',
        'a.due_date',
        'a.status',
        'a.percent_complete',
        'a.completion_proposed_by_id',
        'a.version',
        eb.selectFrom('action_evidence as e').select((x) => x.fn.countAll<number>().as('n')).whereRef('e.action_id', '=', 'a.id').as('evidence_count'),
      ])
      .where('a.partnership_id', '=', partnershipId)
      .where('a.id', '=', actionId)
      .forUpdate('a')
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      id: r.id,
      reference: r.reference,
      title: r.title,
      description: r.description,
      areaId: r.area_id,
      ownerPersonId: r.owner_person_id,
      agencyId: r.agency_id,
      forumId: r.forum_id,
      forumChairId: r.chair_person_id,
      dueDate: r.due_date,
      status: r.status,
      percentComplete: r.percent_complete,
      completionProposedById: r.completion_proposed_by_id,
      version: r.version,
      evidenceCount: Number(r.evidence_count ?? 0),
    };
  }

  /** Who created an action with this id, if one exists: a retried create finds its own. */
  async findId(actionId: string): Promise<{ partnershipId: string } | undefined> {
    const r = await this.db.selectFrom('actions').select('partnership_id').where('id', '=', actionId).executeTakeFirst();
    return r && { partnershipId: r.partnership_id };
  }

  async referenceTaken(partnershipId: string, reference: string): Promise<boolean> {
    const r = await this.db.selectFrom('actions').select('id').where('partnership_id', '=', partnershipId).where('reference', '=', reference).executeTakeFirst();
    return r !== undefined;
  }

  /** The highest number used after `prefix` (SCR-07 → 7), for the next reference. */
  async highestReferenceNumber(partnershipId: string, prefix: string): Promise<number> {
    const rows = await this.db
      .selectFrom('actions')
      .select('reference')
      .where('partnership_id', '=', partnershipId)
      .where('reference', 'like', `${prefix}%`)
      .execute();
    let max = 0;
    for (const { reference } of rows) {
      const n = /^\d+$/.test(reference.slice(prefix.length)) ? Number(reference.slice(prefix.length)) : 0;
      if (n > max) max = n;
    }
    return max;
  }

  async insert(values: Insertable<ActionsTable>): Promise<void> {
    await this.db.insertInto('actions').values(values).execute();
  }

  async update(partnershipId: string, actionId: string, set: Updateable<ActionsTable>): Promise<void> {
    await this.db.updateTable('actions').set(set).where('partnership_id', '=', partnershipId).where('id', '=', actionId).execute();
  }

  async addHistory(h: { partnershipId: string; actionId: string; actorId: string | null; surface: Surface; changes: Record<string, unknown>; comment: string | null; at: Date }): Promise<void> {
    await this.db
      .insertInto('action_history')
      .values({ id: randomUUID(), partnership_id: h.partnershipId, action_id: h.actionId, actor_id: h.actorId, surface: h.surface, changes: JSON.stringify(h.changes), comment: h.comment, at: h.at })
      .execute();
  }

  async history(partnershipId: string, actionId: string): Promise<HistoryRecord[]> {
    const rows = await this.db
      .selectFrom('action_history as h')
      .leftJoin('people as p', 'p.id', 'h.actor_id')
      .select(['h.id', 'h.at', 'h.actor_id', 'p.display_name', 'h.surface', 'h.changes', 'h.comment'])
      .where('h.partnership_id', '=', partnershipId)
      .where('h.action_id', '=', actionId)
      .orderBy('h.at', 'desc')
      .orderBy('h.seq', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      by: named(r.actor_id, r.display_name),
      surface: r.surface,
      changes: (typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes) as Record<string, unknown>,
      comment: r.comment,
    }));
  }

  /** The evidence link already on the action with this URL, if any. */
  async findEvidence(partnershipId: string, actionId: string, url: string): Promise<{ id: string } | undefined> {
    return this.db.selectFrom('action_evidence').select('id').where('partnership_id', '=', partnershipId).where('action_id', '=', actionId).where('url', '=', url).executeTakeFirst();
  }

  async addEvidence(e: { partnershipId: string; actionId: string; url: string; title: string; addedBy: string | null; at: Date }): Promise<string> {
    const id = randomUUID();
    await this.db
      .insertInto('action_evidence')
      .values({ id, partnership_id: e.partnershipId, action_id: e.actionId, url: e.url, title: e.title, added_by_id: e.addedBy, added_at: e.at })
      .execute();
    return id;
  }

  // ---- what an action may point to: each must belong to the partnership (names for the history) ----

  async activePerson(partnershipId: string, personId: string): Promise<{ id: string; name: string; agencyId: string | null } | undefined> {
    const r = await this.db
      .selectFrom('people')
      .select(['id', 'display_name', 'agency_id'])
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', personId)
      .where('is_active', '=', true)
      .executeTakeFirst();
    return r && { id: r.id, name: r.display_name, agencyId: r.agency_id };
  }

  async agencyName(partnershipId: string, agencyId: string): Promise<string | undefined> {
    return (await this.db.selectFrom('agencies').select('name').where('partnership_id', '=', partnershipId).where('id', '=', agencyId).executeTakeFirst())?.name;
  }

  async areaName(partnershipId: string, areaId: string): Promise<string | undefined> {
    return (await this.db.selectFrom('checklist_areas').select('title').where('partnership_id', '=', partnershipId).where('id', '=', areaId).executeTakeFirst())?.title;
  }

  async forumName(partnershipId: string, forumId: string): Promise<string | undefined> {
    return (await this.db.selectFrom('forums').select('name').where('partnership_id', '=', partnershipId).where('id', '=', forumId).executeTakeFirst())?.name;
  }
}
