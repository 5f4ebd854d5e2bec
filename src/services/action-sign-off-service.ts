import type { Kysely, Transaction, Updateable } from 'kysely';
import type { DeclineSignOff, NewActionEvidence, ProposeCompletion, SignOff, TrackerAction } from '../contract/actions.js';
import { DEFAULT_RAG_THRESHOLDS, type RagThresholds } from '../domain/action-rag.js';
import { checkEvidenceLink } from '../domain/evidence-links.js';
import { can } from '../domain/permissions.js';
import { ukCalendarDay } from '../domain/uk-date.js';
import { ActionTrackerRepository, type LockedTrackerAction } from '../storage/repositories/action-tracker-repository.js';
import { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import type { ActionsTable, Database } from '../storage/schema.js';
import { type Actor, auditActor, authorize } from './actor.js';
import { historyActorId, toTrackerAction, visibleAction } from './action-view.js';
import { forbidden, invalid, notFound, ServiceError } from './errors.js';

/** A change to one action: what to set, what the history records, and the audit entry's name. */
interface Step {
  set?: Updateable<ActionsTable>;
  changes: Record<string, unknown>;
  comment: string | null;
  audit: string;
  detail?: Record<string, unknown>;
}

/**
 * No action is signed off without evidence. Evidence is a SharePoint link (the same rule as the
 * bot's evidence requests: https on *.sharepoint.com, the partnership's or a partner tenant's, where
 * their access rules apply), added by the owner, the scrutineer or the business manager. The owner
 * proposes completion once evidence is attached; the scrutineer or business manager, never the
 * owner or the proposer, signs it off or declines it with a reason. Each step writes the action,
 * its history and the audit log in one transaction.
 */
export class ActionSignOffService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly rag: RagThresholds = DEFAULT_RAG_THRESHOLDS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Adds a link to the evidence; the same link twice is kept once. */
  async addEvidence(actor: Actor, actionId: string, input: NewActionEvidence): Promise<TrackerAction> {
    const checked = checkEvidenceLink(input.url);
    return this.step(actor, actionId, async (a, repo, at) => {
      if (!can(actor.role, 'action.update') && !(can(actor.role, 'action.propose_complete') && answersFor(actor, a))) {
        throw forbidden('Only the action\'s owner, the scrutineer or the business manager may add evidence to it.');
      }
      if (a.status === 'complete' || a.status === 'withdrawn') {
        throw new ServiceError('action_closed', `${a.reference} is ${a.status === 'complete' ? 'signed off' : 'withdrawn'}: evidence can no longer be added to it.`);
      }
      if (!checked.ok) throw invalid('url', checked.reason);
      if (await repo.findEvidence(actor.partnershipId, a.id, checked.url)) return undefined;
      const title = input.title || checked.title;
      await repo.addEvidence({ partnershipId: actor.partnershipId, actionId: a.id, url: checked.url, title, addedBy: historyActorId(actor), at });
      return { changes: { evidenceAdded: { url: checked.url, title } }, comment: input.comment ?? null, audit: 'action.add_evidence' };
    });
  }

  /** The owner (or the chair of the action's forum) says it is done; evidence must be attached first. */
  async proposeComplete(actor: Actor, actionId: string, input: ProposeCompletion): Promise<TrackerAction> {
    authorize(actor, 'action.propose_complete');
    return this.step(actor, actionId, async (a, _repo, at) => {
      if (!answersFor(actor, a)) throw forbidden(`Only the owner of ${a.reference} (or the chair of its forum) may propose it complete.`);
      if (a.status === 'proposed_complete') return undefined;
      if (a.status === 'complete' || a.status === 'withdrawn') {
        throw new ServiceError('action_closed', `${a.reference} is ${a.status === 'complete' ? 'already signed off' : 'withdrawn'}.`);
      }
      if (a.evidenceCount === 0) throw evidenceRequired(a, 'proposing it complete');
      return {
        set: { status: 'proposed_complete', completion_proposed_by_id: historyActorId(actor), completion_proposed_at: at },
        changes: { status: { from: a.status, to: 'proposed_complete' } },
        comment: input.comment ?? null,
        audit: 'action.propose_complete',
      };
    });
  }

  /** The scrutineer or business manager accepts the evidence: the action is complete. */
  async signOff(actor: Actor, actionId: string, input: SignOff): Promise<TrackerAction> {
    authorize(actor, 'action.sign_off');
    return this.step(actor, actionId, async (a, _repo, at) => {
      if (a.status !== 'proposed_complete') throw notProposed(a);
      // Independence: whoever owns the action or proposed it cannot also be the one who signs it off.
      if (a.ownerPersonId === actor.personId || a.completionProposedById === actor.personId) {
        throw forbidden(`You ${a.ownerPersonId === actor.personId ? 'own' : 'proposed'} ${a.reference}: someone else, the scrutineer or a business manager, must sign it off.`);
      }
      if (a.evidenceCount === 0) throw evidenceRequired(a, 'it can be signed off');
      return {
        set: { status: 'complete', percent_complete: 100, signed_off_by_id: historyActorId(actor), signed_off_at: at },
        changes: {
          status: { from: 'proposed_complete', to: 'complete' },
          ...(a.percentComplete !== 100 && { percentComplete: { from: a.percentComplete, to: 100 } }),
          signOff: 'signed_off',
        },
        comment: input.comment ?? null,
        audit: 'action.sign_off',
      };
    });
  }

  /** The evidence does not show the action done: back to in progress, the reason kept in the history. */
  async declineSignOff(actor: Actor, actionId: string, input: DeclineSignOff): Promise<TrackerAction> {
    authorize(actor, 'action.sign_off');
    return this.step(actor, actionId, async (a) => {
      if (a.status !== 'proposed_complete') throw notProposed(a);
      return {
        set: { status: 'in_progress', completion_proposed_by_id: null, completion_proposed_at: null },
        changes: { status: { from: 'proposed_complete', to: 'in_progress' }, signOff: 'declined' },
        comment: input.reason,
        audit: 'action.decline_sign_off',
      };
    });
  }

  /**
   * Locks the action (one the actor may not see is not found), lets `decide` check and plan the
   * change, then writes it with its history and audit entry. `decide` returning nothing means
   * there is nothing to do (a repeated request): the action is returned as it stands.
   */
  private async step(
    actor: Actor,
    actionId: string,
    decide: (a: LockedTrackerAction, repo: ActionTrackerRepository, at: Date) => Promise<Step | undefined>,
  ): Promise<TrackerAction> {
    const at = this.now();
    return this.db.transaction().execute(async (trx: Transaction<Database>) => {
      const repo = new ActionTrackerRepository(trx);
      await visibleAction(actor, repo, actionId);
      const a = await repo.lock(actor.partnershipId, actionId);
      if (!a) throw notFound('The action');
      const step = await decide(a, repo, at);
      if (step) {
        if (step.set) await repo.update(actor.partnershipId, actionId, { ...step.set, updated_at: at });
        await repo.addHistory({ partnershipId: actor.partnershipId, actionId, actorId: historyActorId(actor), surface: actor.surface, changes: step.changes, comment: step.comment, at });
        await new AuditLogRepository(trx).append({ ...auditActor(actor), action: step.audit, entityType: 'action', entityId: actionId, detail: { reference: a.reference, ...step.detail } });
      }
      const row = (await repo.list(actor.partnershipId, { actionId }))[0]!;
      return toTrackerAction(row, ukCalendarDay(at), this.rag);
    });
  }
}

/** The owner, or the chair of the forum the action sits with (as the bot's evidence requests allow). */
const answersFor = (actor: Actor, a: LockedTrackerAction) => a.ownerPersonId === actor.personId || a.forumChairId === actor.personId;

const evidenceRequired = (a: LockedTrackerAction, before: string) =>
  new ServiceError('evidence_required', `${a.reference} has no evidence attached. Add a link to the evidence in SharePoint before ${before}: no action is signed off without evidence.`, [
    { path: 'evidence', message: 'none attached' },
  ]);

const notProposed = (a: LockedTrackerAction) =>
  new ServiceError(
    'not_proposed',
    a.status === 'complete'
      ? `${a.reference} is already signed off.`
      : `${a.reference} has not been proposed complete. Its owner proposes completion, with evidence attached, before it can be signed off or declined.`,
  );
