import type { Kysely, Updateable } from 'kysely';
import { ACTION_STATUS_LABELS, checkEvidenceLink, isChairSettable, OPEN_ACTION_STATUSES } from '../domain/evidence-links.js';
import { can } from '../domain/permissions.js';
import { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import { EvidenceRequestsRepository, type LockedAction } from '../storage/repositories/evidence-requests-repository.js';
import type { ActionsTable, Database } from '../storage/schema.js';
import { type Actor, auditActor, authorize } from './actor.js';
import { conflict, forbidden, invalid, notFound, ServiceError } from './errors.js';
import { loadEvidenceView } from './evidence-request-service.js';
import { type EvidenceActionChange, type EvidenceField, evidenceInputId, type EvidenceRequestView, type EvidenceSubmissionSummary } from './evidence-request-view.js';

/** What the chair typed for one action (absent or blank: unchanged). */
export type EvidenceInput = Partial<Record<EvidenceField, string>>;

export interface EvidenceSubmissionResult {
  view: EvidenceRequestView;
  summary: EvidenceSubmissionSummary;
  /** The same submission came again (Teams repeats invokes): nothing more was changed. */
  repeated: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_COMMENT = 2000;

interface Plan {
  action: LockedAction;
  change: EvidenceActionChange;
  set: Updateable<ActionsTable>;
  comment: string | null;
}

/**
 * A subgroup chair's answer to an evidence request: where each action stands, a comment, and a
 * link to the evidence. Everything is checked first, then the tracker, its history, the evidence
 * and the audit log change in one transaction, or nothing does.
 */
export class EvidenceSubmissionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The chair's own request, as it stands; anyone else's is not found. */
  async view(actor: Actor, requestId: string): Promise<EvidenceRequestView> {
    authorize(actor, 'evidence_request.respond');
    const repo = new EvidenceRequestsRepository(this.db);
    const row = UUID.test(requestId) ? await repo.findForChair(actor.partnershipId, requestId, actor.personId) : undefined;
    if (!row) throw notFound('The evidence request');
    return loadEvidenceView(repo, row, this.now());
  }

  /**
   * Records one submission. `submissionId` comes from the card, so a repeated invoke returns the
   * first one's summary and changes nothing more.
   */
  async submit(actor: Actor, requestId: string, submissionId: string, inputs: Record<string, EvidenceInput>): Promise<EvidenceSubmissionResult> {
    authorize(actor, 'evidence_request.respond');
    if (!UUID.test(submissionId)) throw invalid('submissionId', 'must be a UUID.');
    if (!UUID.test(requestId)) throw notFound('The evidence request');
    const at = this.now();
    const outcome = await this.db.transaction().execute(async (trx) => {
      const repo = new EvidenceRequestsRepository(trx);
      // The request's row lock puts a repeated invoke behind the first, which it then finds recorded.
      const row = await repo.findForChair(actor.partnershipId, requestId, actor.personId, true);
      if (!row) throw notFound('The evidence request');
      const earlier = await repo.findSubmission(submissionId);
      if (earlier) {
        if (earlier.requestId !== requestId || earlier.personId !== actor.personId) throw conflict('This submission id is already in use.');
        return { summary: earlier.summary, repeated: true };
      }
      if (row.status === 'cancelled') throw conflict('This evidence request was withdrawn: nothing was changed.');

      const asked = new Set(await repo.requestActionIds(actor.partnershipId, requestId));
      const ids = Object.keys(inputs);
      if (ids.some((id) => !asked.has(id))) throw forbidden('You may update only the actions this request asks you about. Nothing was changed.');
      const locked = await repo.lockActions(actor.partnershipId, ids);
      const notTheirs = locked.filter((a) => a.ownerPersonId !== actor.personId && a.forumChairId !== actor.personId);
      if (notTheirs.length > 0) {
        throw forbidden(`${notTheirs.map((a) => a.reference).join(', ')}: you neither own this action nor chair its forum any more, so you may not update it. Nothing was changed.`);
      }

      const problems: { path: string; message: string }[] = [];
      const plans = locked.map((a) => plan(a, inputs[a.id] ?? {}, actor, at, problems)).filter((p): p is Plan => p !== undefined);
      if (problems.length > 0) throw new ServiceError('validation_failed', `Nothing was saved. ${problems.map((p) => p.message).join(' ')}`, problems);

      const changes: EvidenceActionChange[] = [];
      for (const p of plans) {
        if (p.change.evidence) {
          const added = await repo.addEvidence({ partnershipId: actor.partnershipId, actionId: p.action.id, ...p.change.evidence, addedBy: actor.personId, at });
          if (!added) delete p.change.evidence;
        }
        const { status, percentComplete, evidence } = p.change;
        if (!status && percentComplete === undefined && !evidence && !p.comment) continue;
        await repo.updateAction(actor.partnershipId, p.action.id, { ...p.set, updated_at: at });
        await repo.addHistory({
          partnershipId: actor.partnershipId,
          actionId: p.action.id,
          actorId: actor.personId,
          surface: actor.surface,
          changes: { ...(status && { status }), ...(percentComplete && { percentComplete }), ...(evidence && { evidenceAdded: evidence }), via: { evidenceRequestId: requestId, submissionId } },
          comment: p.comment,
          at,
        });
        changes.push(p.change);
      }
      const summary: EvidenceSubmissionSummary = { submittedAt: at.toISOString(), changes };
      if (!(await repo.insertSubmission({ id: submissionId, partnershipId: actor.partnershipId, requestId, personId: actor.personId, summary, at }))) {
        throw conflict('This update was sent twice at once; the first was recorded.');
      }
      // Any answer is an answer, "no change" included: reminders stop.
      await repo.update(requestId, { status: 'answered', answered_at: row.answeredAt ?? at, next_step_at: null });
      await new AuditLogRepository(trx).append({
        ...auditActor(actor),
        action: 'evidence_request.submit',
        entityType: 'evidence_request',
        entityId: requestId,
        detail: { submissionId, changes: changes.map((c) => ({ ...c, comment: c.comment === true })) },
      });
      return { summary, repeated: false };
    });
    return { ...outcome, view: await this.view(actor, requestId) };
  }
}

/** What the chair's input would change on one action; problems are collected, nothing is written. */
function plan(a: LockedAction, input: EvidenceInput, actor: Actor, at: Date, problems: { path: string; message: string }[]): Plan | undefined {
  const value = (f: keyof EvidenceInput) => input[f]?.trim() ?? '';
  const problem = (field: EvidenceField, message: string) => problems.push({ path: evidenceInputId(field, a.id), message: `${a.reference}: ${message}` });
  const change: EvidenceActionChange = { actionId: a.id, reference: a.reference };
  const set: Updateable<ActionsTable> = {};

  if (!(OPEN_ACTION_STATUSES as readonly string[]).includes(a.status)) {
    const touched = value('percent') || value('comment') || value('evidence') || (value('status') && value('status') !== a.status);
    if (touched) problem('status', `it is ${ACTION_STATUS_LABELS[a.status]} and can no longer be changed here.`);
    return undefined;
  }

  const status = value('status');
  if (status && status !== a.status) {
    if (status === 'complete') problem('status', 'a subgroup chair may not mark an action complete. Propose completion; the scrutineer or business manager signs it off.');
    else if (!isChairSettable(status)) problem('status', `"${status.slice(0, 40)}" is not a status you can set.`);
    else if (status === 'proposed_complete' && !can(actor.role, 'action.propose_complete')) problem('status', 'you may not propose completion.');
    else {
      change.status = { from: a.status, to: status };
      set.status = status;
      if (status === 'proposed_complete') Object.assign(set, { completion_proposed_by_id: actor.personId, completion_proposed_at: at });
      else if (a.status === 'proposed_complete') Object.assign(set, { completion_proposed_by_id: null, completion_proposed_at: null });
    }
  }

  const percent = value('percent');
  if (percent) {
    const n = Number(percent);
    if (!Number.isInteger(n) || n < 0 || n > 100) problem('percent', 'per cent done must be a whole number from 0 to 100.');
    else if (n !== a.percentComplete) {
      change.percentComplete = { from: a.percentComplete, to: n };
      set.percent_complete = n;
    }
  }

  const comment = value('comment');
  if (comment.length > MAX_COMMENT) problem('comment', `the comment must be at most ${MAX_COMMENT} characters.`);
  else if (comment) change.comment = true;

  const link = value('evidence');
  if (link) {
    const checked = checkEvidenceLink(link);
    if (!checked.ok) problem('evidence', `the evidence link ${checked.reason}`);
    else change.evidence = { url: checked.url, title: checked.title };
  }
  // No action is signed off without evidence, so none is proposed for sign-off without it either.
  if (change.status?.to === 'proposed_complete' && a.evidenceCount === 0 && !link) {
    problem('evidence', 'link the evidence in SharePoint before proposing completion.');
  }
  return { action: a, change, set, comment: comment || null };
}
