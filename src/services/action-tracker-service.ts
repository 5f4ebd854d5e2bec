import type { Kysely } from 'kysely';
import type { ActionHistory, ActionList, ActionPatch, NewAction, TrackerAction } from '../contract/actions.js';
import { DEFAULT_RAG_THRESHOLDS, describeRagRule, type RagThresholds } from '../domain/action-rag.js';
import { ukCalendarDay } from '../domain/uk-date.js';
import type { ActionSource } from '../domain/vocabulary.js';
import { ActionTrackerRepository, type LockedTrackerAction, type TrackerRow } from '../storage/repositories/action-tracker-repository.js';
import { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import type { ActionsTable, Database } from '../storage/schema.js';
import type { Updateable } from 'kysely';
import { type Actor, auditActor, authorize } from './actor.js';
import { historyActorId, toTrackerAction, visibilityScope, visibleAction } from './action-view.js';
import { conflict, invalid, notFound, ServiceError } from './errors.js';

/** Made references start with the source's letters, as partnerships' own trackers do: SCR-07, AUD-12. */
const REFERENCE_PREFIX: Record<ActionSource, string> = {
  scrutiny: 'SCR-',
  challenge: 'CH-',
  minutes: 'MIN-',
  case_review: 'CR-',
  audit: 'AUD-',
  section_11: 'S11-',
};

type Named = { id: string; name: string } | null;

/**
 * The composite action plan: every action from scrutiny, challenges, minutes, case reviews, audits
 * and Section 11 in one list, created and edited inline. Each change writes the action, its history
 * (field → from/to, who, surface, why) and the audit log in one transaction. Completion goes through
 * ActionSignOffService.
 */
export class ActionTrackerService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly rag: RagThresholds = DEFAULT_RAG_THRESHOLDS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Every action the actor may see, in one response: the tab sorts, filters, groups and searches itself. */
  async list(actor: Actor): Promise<ActionList> {
    const repo = new ActionTrackerRepository(this.db);
    const scope = await visibilityScope(actor, repo);
    const rows = await repo.list(actor.partnershipId, { scope });
    const today = ukCalendarDay(this.now());
    await new AuditLogRepository(this.db).append({ ...auditActor(actor), action: 'action.list', entityType: 'action', entityId: null, detail: { count: rows.length } });
    return {
      actions: rows.map((r) => toTrackerAction(r, today, this.rag)),
      today,
      ragRule: { ...this.rag, description: describeRagRule(this.rag) },
    };
  }

  async history(actor: Actor, actionId: string): Promise<ActionHistory> {
    const repo = new ActionTrackerRepository(this.db);
    const action = await visibleAction(actor, repo, actionId);
    const entries = await repo.history(actor.partnershipId, actionId);
    return { actionId, reference: action.reference, entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })) };
  }

  /** Creates an action; the id is the client's, so a retry returns the action it made the first time. */
  async create(actor: Actor, input: NewAction): Promise<TrackerAction> {
    authorize(actor, 'action.create');
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tryCreate(actor, input);
      } catch (error) {
        // Two creates took the same made-up reference at once: the loser takes the next one.
        if (isUniqueViolation(error) && !input.reference && attempt < 3) continue;
        if (isUniqueViolation(error)) throw conflict(`This reference or id is already in use. Try again${input.reference ? ' with another reference' : ''}.`);
        throw error;
      }
    }
  }

  private async tryCreate(actor: Actor, input: NewAction): Promise<TrackerAction> {
    const at = this.now();
    return this.db.transaction().execute(async (trx) => {
      const repo = new ActionTrackerRepository(trx);
      const existing = await repo.findId(input.id);
      if (existing) {
        if (existing.partnershipId !== actor.partnershipId) throw conflict('This action id is already in use. Create the action again with a new id.');
        return this.view(repo, actor.partnershipId, input.id);
      }
      const owner = input.ownerPersonId ? await repo.activePerson(actor.partnershipId, input.ownerPersonId) : undefined;
      if (input.ownerPersonId && !owner) throw invalid('ownerPersonId', 'names nobody active in this partnership.');
      const agencyId = input.agencyId !== undefined ? input.agencyId : (owner?.agencyId ?? null);
      await this.checkReferences(repo, actor.partnershipId, { areaId: input.areaId, agencyId, forumId: input.forumId });
      let reference = input.reference;
      if (reference) {
        if (await repo.referenceTaken(actor.partnershipId, reference)) throw conflict(`${reference} is already the reference of another action. Choose another, or leave it blank to have one made.`);
      } else {
        const prefix = REFERENCE_PREFIX[input.source];
        reference = `${prefix}${String((await repo.highestReferenceNumber(actor.partnershipId, prefix)) + 1).padStart(2, '0')}`;
      }
      const status = input.status ?? 'not_started';
      const percentComplete = input.percentComplete ?? 0;
      await repo.insert({
        id: input.id,
        partnership_id: actor.partnershipId,
        reference,
        title: input.title,
        description: input.description ?? '',
        source: input.source,
        source_ref: input.sourceRef ?? null,
        area_id: input.areaId ?? null,
        owner_person_id: owner?.id ?? null,
        agency_id: agencyId,
        forum_id: input.forumId ?? null,
        challenge_id: null,
        due_date: input.dueDate ?? null,
        status,
        percent_complete: percentComplete,
        completion_proposed_by_id: null,
        completion_proposed_at: null,
        signed_off_by_id: null,
        signed_off_at: null,
        created_at: at,
        updated_at: at,
      });
      await repo.addHistory({ partnershipId: actor.partnershipId, actionId: input.id, actorId: historyActorId(actor), surface: actor.surface, changes: { created: { reference, status, percentComplete } }, comment: null, at });
      await new AuditLogRepository(trx).append({ ...auditActor(actor), action: 'action.create', entityType: 'action', entityId: input.id, detail: { reference, source: input.source } });
      return this.view(repo, actor.partnershipId, input.id);
    });
  }

  /**
   * An inline edit. The editor sends the version they saw; if the action changed meanwhile (in the
   * tab, from the bot, by an import) nothing is written and 409 edit_conflict says who changed it.
   */
  async update(actor: Actor, actionId: string, patch: ActionPatch): Promise<TrackerAction> {
    authorize(actor, 'action.update');
    const at = this.now();
    return this.db.transaction().execute(async (trx) => {
      const repo = new ActionTrackerRepository(trx);
      const locked = await repo.lock(actor.partnershipId, actionId);
      if (!locked) throw notFound('The action');
      if (locked.version !== patch.version) throw await editConflict(repo, actor.partnershipId, locked);
      if (locked.status === 'complete') {
        throw new ServiceError('action_closed', `${locked.reference} is signed off (complete) and can no longer be edited.`);
      }
      if (patch.status !== undefined && patch.status !== locked.status && locked.status === 'proposed_complete') {
        throw new ServiceError('awaiting_sign_off', `${locked.reference} is proposed complete: the scrutineer or business manager signs it off, or declines it with a reason, before its status can change.`);
      }
      const before = (await repo.list(actor.partnershipId, { actionId }))[0]!;
      const { set, changes } = await this.plan(repo, actor.partnershipId, locked, before, patch);
      if (Object.keys(changes).length === 0) return toTrackerAction(before, ukCalendarDay(at), this.rag);
      await repo.update(actor.partnershipId, actionId, { ...set, updated_at: at });
      await repo.addHistory({ partnershipId: actor.partnershipId, actionId, actorId: historyActorId(actor), surface: actor.surface, changes, comment: patch.comment ?? null, at });
      await new AuditLogRepository(trx).append({ ...auditActor(actor), action: 'action.update', entityType: 'action', entityId: actionId, detail: { reference: locked.reference, fields: Object.keys(changes) } });
      return this.view(repo, actor.partnershipId, actionId);
    });
  }

  /** What the patch changes: the columns to set, and for the history each field's old and new value (names, not ids). */
  private async plan(repo: ActionTrackerRepository, partnershipId: string, a: LockedTrackerAction, before: TrackerRow, patch: ActionPatch) {
    const set: Updateable<ActionsTable> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const change = (field: string, from: unknown, to: unknown) => (changes[field] = { from, to });

    if (patch.title !== undefined && patch.title !== a.title) change('title', a.title, (set.title = patch.title));
    if (patch.description !== undefined && patch.description !== a.description) change('description', a.description, (set.description = patch.description));
    if (patch.dueDate !== undefined && patch.dueDate !== a.dueDate) change('dueDate', a.dueDate, (set.due_date = patch.dueDate));
    if (patch.status !== undefined && patch.status !== a.status) change('status', a.status, (set.status = patch.status));
    if (patch.percentComplete !== undefined && patch.percentComplete !== a.percentComplete) {
      change('percentComplete', a.percentComplete, (set.percent_complete = patch.percentComplete));
    }
    if (patch.areaId !== undefined && patch.areaId !== a.areaId) {
      const name = patch.areaId ? await repo.areaName(partnershipId, patch.areaId) : null;
      if (name === undefined) throw invalid('areaId', 'names no checklist area of this partnership.');
      set.area_id = patch.areaId;
      change('area', before.area, named(patch.areaId, name));
    }
    if (patch.ownerPersonId !== undefined && patch.ownerPersonId !== a.ownerPersonId) {
      const owner = patch.ownerPersonId ? await repo.activePerson(partnershipId, patch.ownerPersonId) : null;
      if (owner === undefined) throw invalid('ownerPersonId', 'names nobody active in this partnership.');
      set.owner_person_id = patch.ownerPersonId;
      change('owner', before.owner, owner && { id: owner.id, name: owner.name });
    }
    if (patch.agencyId !== undefined && patch.agencyId !== a.agencyId) {
      const name = patch.agencyId ? await repo.agencyName(partnershipId, patch.agencyId) : null;
      if (name === undefined) throw invalid('agencyId', 'names no agency of this partnership.');
      set.agency_id = patch.agencyId;
      change('agency', before.agency, named(patch.agencyId, name));
    }
    return { set, changes };
  }

  private async checkReferences(repo: ActionTrackerRepository, partnershipId: string, r: { areaId?: string | null; agencyId?: string | null; forumId?: string | null }) {
    if (r.areaId && (await repo.areaName(partnershipId, r.areaId)) === undefined) throw invalid('areaId', 'names no checklist area of this partnership.');
    if (r.agencyId && (await repo.agencyName(partnershipId, r.agencyId)) === undefined) throw invalid('agencyId', 'names no agency of this partnership.');
    if (r.forumId && (await repo.forumName(partnershipId, r.forumId)) === undefined) throw invalid('forumId', 'names no forum of this partnership.');
  }

  private async view(repo: ActionTrackerRepository, partnershipId: string, actionId: string): Promise<TrackerAction> {
    const row = (await repo.list(partnershipId, { actionId }))[0];
    if (!row) throw notFound('The action');
    return toTrackerAction(row, ukCalendarDay(this.now()), this.rag);
  }
}

const named = (id: string | null, name: string | null): Named => (id && name !== null ? { id, name } : null);

/** The refusal of a stale edit, naming who changed the action last and when (UK time). */
async function editConflict(repo: ActionTrackerRepository, partnershipId: string, a: LockedTrackerAction): Promise<ServiceError> {
  const last = (await repo.history(partnershipId, a.id))[0];
  const when = last ? last.at.toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' }) : undefined;
  const who = last ? ` by ${last.by?.name ?? 'the system'} (${last.surface}) on ${when}` : '';
  return new ServiceError('edit_conflict', `${a.reference} was changed${who} after you opened it. Nothing was saved: reload it to see the change, then make your edit again.`, [
    { path: 'body.version', message: `is ${a.version} now` },
  ]);
}

/** A UNIQUE constraint refused the row (PostgreSQL and PGlite both report SQLSTATE 23505). */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
