import type { TrackerAction } from '../contract/actions.js';
import { actionRag, isOverdue, type RagThresholds } from '../domain/action-rag.js';
import { can } from '../domain/permissions.js';
import type { ActionTrackerRepository, OwnScope, TrackerRow } from '../storage/repositories/action-tracker-repository.js';
import { type Actor, authorize, SYSTEM_PERSON_ID } from './actor.js';
import { notFound } from './errors.js';

/** A tracker row as the API returns it, with its RAG computed for `today` (a UK calendar day). */
export function toTrackerAction(r: TrackerRow, today: string, thresholds: RagThresholds): TrackerAction {
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    description: r.description,
    source: r.source,
    sourceRef: r.sourceRef,
    area: r.area,
    owner: r.owner,
    agency: r.agency,
    forum: r.forum,
    dueDate: r.dueDate,
    status: r.status,
    percentComplete: r.percentComplete,
    rag: actionRag(r, today, thresholds),
    overdue: isOverdue(r.dueDate, today) && r.status !== 'complete' && r.status !== 'withdrawn',
    lastUpdate: r.lastUpdate && { at: r.lastUpdate.at.toISOString(), by: r.lastUpdate.by, comment: r.lastUpdate.comment },
    evidence: { count: r.evidence.length, links: r.evidence },
    completionProposed: r.completionProposed && { at: r.completionProposed.at.toISOString(), by: r.completionProposed.by },
    signedOff: r.signedOff && { at: r.signedOff.at.toISOString(), by: r.signedOff.by },
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * Which actions the actor may see: all of them (undefined) with action.read_all; with
 * action.read_own, those they own, those addressed to their agency, and those of forums they
 * chair (which the bot's evidence requests ask them about). Anyone else is refused.
 */
export async function visibilityScope(actor: Actor, repo: ActionTrackerRepository): Promise<OwnScope | undefined> {
  if (can(actor.role, 'action.read_all')) return undefined;
  authorize(actor, 'action.read_own');
  const me = await repo.activePerson(actor.partnershipId, actor.personId);
  return { personId: actor.personId, agencyId: me?.agencyId ?? null };
}

/** One action as the actor may see it; one they may not see is not found, as one that does not exist. */
export async function visibleAction(actor: Actor, repo: ActionTrackerRepository, actionId: string): Promise<TrackerRow> {
  const scope = await visibilityScope(actor, repo);
  const row = (await repo.list(actor.partnershipId, { actionId, scope }))[0];
  if (!row) throw notFound('The action');
  return row;
}

/** The person to record in an action's history: the CLI's operator is no person of the partnership. */
export const historyActorId = (actor: Actor): string | null => (actor.personId === SYSTEM_PERSON_ID ? null : actor.personId);
