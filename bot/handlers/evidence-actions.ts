import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../../src/services/actor.js';
import { ServiceError } from '../../src/services/errors.js';
import { EVIDENCE_FIELDS, type EvidenceField, type EvidenceRequestView, type EvidenceSubmissionSummary } from '../../src/services/evidence-request-view.js';
import type { EvidenceInput } from '../../src/services/evidence-submission-service.js';
import { ACTION_STATUS_LABELS } from '../../src/domain/evidence-links.js';
import { cardDateTime } from '../cards/card-text.js';
import { EVIDENCE_VERBS, evidenceRequestCard, type EvidenceRequestCardOptions, type EvidenceVerb } from '../cards/evidence-request-card.js';
import type { AdaptiveCard, BotTurn } from '../turn.js';
import { actorsOf, NOT_LINKED, type BotServices } from './bot-services.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INPUT = new RegExp(`^(${EVIDENCE_FIELDS.join('|')}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`, 'i');

/** The verbs this handler accepts; turn-router sends it every adaptiveCard/action invoke whose verb is one of them. */
export const EVIDENCE_HANDLED_VERBS: readonly EvidenceVerb[] = Object.values(EVIDENCE_VERBS);
/** What every action's data must carry for this handler. The inputs ("status:<action id>"…) come merged in beside it. */
export const EvidenceActionData = z.looseObject({ requestId: z.string().regex(UUID), submissionId: z.string().regex(UUID) });

export const isEvidenceVerb = (turn: BotTurn) => EVIDENCE_HANDLED_VERBS.includes((turn.value as ExecuteValue | undefined)?.action?.verb as EvidenceVerb);

const cardResponse = (card: AdaptiveCard) => ({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });
const errorResponse = (statusCode: number, code: string, message: string) => ({ statusCode, type: 'application/vnd.microsoft.error', value: { code, message } });

interface ExecuteValue {
  action?: { type?: string; verb?: string; data?: Record<string, unknown> };
}

/**
 * Handles the evidence request card's "Send update". The invoke is answered with the card as it
 * now stands, with a confirmation (Teams shows it in place of the chair's), and the message's own
 * card is updated too; a refusal comes back on the card, with what the chair typed.
 */
export function evidenceActionsHandler(services: BotServices) {
  return async (turn: BotTurn): Promise<void> => {
    const evidence = services.evidenceRequests;
    const action = (turn.value as ExecuteValue | undefined)?.action;
    const data = action?.data ?? {};
    const parsed = EvidenceActionData.safeParse(data);
    if (!evidence || !parsed.success || !EVIDENCE_HANDLED_VERBS.includes(action?.verb as EvidenceVerb)) {
      return turn.replyInvoke(200, errorResponse(400, 'BadRequest', 'This card action is not one Line of Sight knows.'));
    }
    const { requestId, submissionId } = parsed.data;
    const actors = await actorsOf(turn, services.people);
    if (actors.length === 0) return turn.replyInvoke(200, errorResponse(403, 'NotLinked', NOT_LINKED));
    const found = await findRequest(evidence, actors, requestId);
    if (!found) return turn.replyInvoke(200, errorResponse(404, 'NotFound', 'This evidence request was not found, or is not yours to answer.'));
    const { actor } = found;
    const { inputs, typed } = inputsOf(data);

    let card: AdaptiveCard;
    try {
      const result = await evidence.submit(actor, requestId, submissionId, inputs);
      card = evidenceRequestCard(result.view, { submissionId: randomUUID(), notice: confirmation(result.summary) });
    } catch (error) {
      if (!(error instanceof ServiceError) || error.kind === 'not_found') throw error;
      const view = await evidence.view(actor, requestId);
      return turn.replyInvoke(200, cardResponse(evidenceRequestCard(view, { submissionId, ...refusal(error), values: typed })));
    }
    // The message itself, for when the chat is opened again: best effort, as the invoke has succeeded.
    if (turn.replyToId) await turn.updateCard(turn.replyToId, card).catch(() => undefined);
    return turn.replyInvoke(200, cardResponse(card));
  };
}

/** The request and the sender as its chair (someone may serve several partnerships). */
async function findRequest(evidence: NonNullable<BotServices['evidenceRequests']>, actors: Actor[], requestId: string): Promise<{ actor: Actor; view: EvidenceRequestView } | undefined> {
  for (const actor of actors) {
    const view = await evidence.view(actor, requestId).catch((e: unknown) => {
      if (e instanceof ServiceError && (e.kind === 'not_found' || e.kind === 'forbidden')) return undefined;
      throw e;
    });
    if (view) return { actor, view };
  }
  return undefined;
}

/** The inputs Teams merged into the data ("status:<action id>": value), by action; and as typed, by input id. */
function inputsOf(data: Record<string, unknown>): { inputs: Record<string, EvidenceInput>; typed: Record<string, string> } {
  const inputs: Record<string, EvidenceInput> = {};
  const typed: Record<string, string> = {};
  for (const [key, raw] of Object.entries(data)) {
    const m = INPUT.exec(key);
    if (!m || (typeof raw !== 'string' && typeof raw !== 'number')) continue;
    const value = String(raw);
    const actionId = m[2]!.toLowerCase();
    (inputs[actionId] ??= {})[m[1]!.toLowerCase() as EvidenceField] = value;
    typed[key] = value;
  }
  return { inputs, typed };
}

function confirmation(summary: EvidenceSubmissionSummary): NonNullable<EvidenceRequestCardOptions['notice']> {
  const lines = summary.changes.map((c) => {
    const parts: string[] = [];
    if (c.status) parts.push(`${ACTION_STATUS_LABELS[c.status.from]} \u2192 ${ACTION_STATUS_LABELS[c.status.to]}`);
    if (c.percentComplete) parts.push(`${c.percentComplete.from}% \u2192 ${c.percentComplete.to}% done`);
    if (c.comment) parts.push('comment added');
    if (c.evidence) parts.push(`evidence linked (${c.evidence.title})`);
    return `${c.reference}: ${parts.join('; ')}.`;
  });
  const at = cardDateTime(summary.submittedAt);
  return lines.length > 0
    ? { text: `Thank you: your update was recorded in the tracker (${at}).`, tone: 'good', lines }
    : { text: `Thank you: no changes, so your actions stand as they were (${at}).`, tone: 'good' };
}

function refusal(error: ServiceError): Pick<EvidenceRequestCardOptions, 'notice' | 'problems'> {
  if (error.kind === 'validation_failed' && error.details?.length) {
    return { notice: { text: 'Nothing was saved: please correct what is marked below and send again.', tone: 'attention' }, problems: Object.fromEntries(error.details.map((d) => [d.path, d.message])) };
  }
  return { notice: { text: error.message, tone: 'attention' } };
}
