import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Challenge } from '../../src/contract/challenges.js';
import type { Actor } from '../../src/services/actor.js';
import { ServiceError } from '../../src/services/errors.js';
import { CHALLENGE_INPUTS, CHALLENGE_VERBS, challengeCard, type ChallengeCardOptions, type ChallengeVerb, type ChallengeViewer } from '../cards/challenge-card.js';
import type { AdaptiveCard, BotTurn } from '../turn.js';
import { actorsOf, NOT_LINKED, type BotServices } from './bot-services.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The verbs this handler accepts (turn-router sends it every adaptiveCard/action invoke); any other is refused. */
export const HANDLED_VERBS: readonly ChallengeVerb[] = Object.values(CHALLENGE_VERBS);
/** What every action's data must carry for this handler: the challenge it is about. Other fields pass through. */
export const ChallengeActionData = z.looseObject({ challengeId: z.string().regex(UUID) });
/** The input whose value (merged into the data by Teams) each responding verb reads. */
export const VERB_INPUTS = {
  [CHALLENGE_VERBS.answer]: CHALLENGE_INPUTS.answer,
  [CHALLENGE_VERBS.followUp]: CHALLENGE_INPUTS.followUp,
  [CHALLENGE_VERBS.accept]: CHALLENGE_INPUTS.outcome,
  [CHALLENGE_VERBS.escalate]: CHALLENGE_INPUTS.reason,
} as const;

/** The invoke response bodies Teams expects for a Universal Action (adaptiveCard/action). */
const cardResponse = (card: AdaptiveCard) => ({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });
const errorResponse = (statusCode: number, code: string, message: string) => ({ statusCode, type: 'application/vnd.microsoft.error', value: { code, message } });

interface ExecuteValue {
  action?: { type?: string; verb?: string; data?: Record<string, unknown> };
}

/**
 * Handles the challenge card's Universal Actions. The invoke is answered with the card as this
 * user should now see it (Teams puts it in place of theirs); after a response, the message's
 * base card is updated too, so that everyone else sees the new answer.
 */
export function challengeActionsHandler(services: BotServices) {
  return async (turn: BotTurn): Promise<void> => {
    const action = (turn.value as ExecuteValue | undefined)?.action;
    const verb = action?.verb;
    const data = action?.data ?? {};
    const parsed = ChallengeActionData.safeParse(data);
    const challengeId = parsed.success ? parsed.data.challengeId : undefined;
    if (!verb || !challengeId || !HANDLED_VERBS.includes(verb as ChallengeVerb)) {
      return turn.replyInvoke(200, errorResponse(400, 'BadRequest', 'This card action is not one Line of Sight knows.'));
    }
    const actors = await actorsOf(turn, services.people);
    if (actors.length === 0) return turn.replyInvoke(200, errorResponse(403, 'NotLinked', NOT_LINKED));
    const found = await findChallenge(services, actors, challengeId);
    if (!found) return turn.replyInvoke(200, errorResponse(404, 'NotFound', 'This challenge was not found, or is not yours to see.'));
    let { actor, challenge } = found;

    const view = async (c: Challenge, extra: Partial<ChallengeCardOptions> = {}) =>
      challengeCard(c, { viewer: viewerOf(c, actor), refreshUserIds: await refreshUserIds(services, actor.partnershipId, c, turn), responseId: randomUUID(), ...extra });

    if (verb === CHALLENGE_VERBS.refresh) return turn.replyInvoke(200, cardResponse(await view(challenge)));

    if (verb === CHALLENGE_VERBS.answer || verb === CHALLENGE_VERBS.followUp) {
      const input = data[VERB_INPUTS[verb]];
      const responseId = typeof data.responseId === 'string' && UUID.test(data.responseId) ? data.responseId : randomUUID();
      try {
        challenge = await services.challenges.respond(actor, challengeId, typeof input === 'string' ? input : '', responseId);
      } catch (error) {
        if (!(error instanceof ServiceError) || error.kind === 'not_found') throw error;
        return turn.replyInvoke(200, cardResponse(await view(challenge, { notice: { text: refusal(error, 'Nothing was sent'), tone: 'attention' } })));
      }
      await updateSharedCard(services, actor, challenge, turn);
      const sent = verb === CHALLENGE_VERBS.answer ? 'Your answer was sent.' : 'Your follow-up was sent.';
      return turn.replyInvoke(200, cardResponse(await view(challenge, { notice: { text: sent, tone: 'good' } })));
    }

    // Accept or escalate: the scrutineer's decision closes the challenge for everyone.
    const text = (id: string) => (typeof data[id] === 'string' ? (data[id] as string) : '');
    const decisionId = typeof data.responseId === 'string' && UUID.test(data.responseId) ? data.responseId : randomUUID();
    const kind = verb === CHALLENGE_VERBS.accept ? 'accept' : 'escalate';
    try {
      challenge = await services.challenges.decide(actor, challengeId, { kind, outcome: text(VERB_INPUTS[kind === 'accept' ? CHALLENGE_VERBS.accept : CHALLENGE_VERBS.escalate]), impact: text(CHALLENGE_INPUTS.impact) }, decisionId);
    } catch (error) {
      if (!(error instanceof ServiceError) || error.kind === 'not_found') throw error;
      return turn.replyInvoke(200, cardResponse(await view(challenge, { notice: { text: refusal(error, 'Nothing was recorded'), tone: 'attention' } })));
    }
    await updateSharedCard(services, actor, challenge, turn);
    const done = kind === 'accept' ? 'Accepted: the outcome was recorded and the challenge is closed.' : 'Escalated: the escalations log has a new entry.';
    return turn.replyInvoke(200, cardResponse(await view(challenge, { notice: { text: done, tone: 'good' } })));
  };
}

/** Everyone else's card: best effort, as the invoke has already succeeded for this user. */
async function updateSharedCard(services: BotServices, actor: Actor, challenge: Challenge, turn: BotTurn): Promise<void> {
  if (!turn.replyToId) return;
  const shared = challengeCard(challenge, { viewer: 'other', refreshUserIds: await refreshUserIds(services, actor.partnershipId, challenge, turn) });
  await turn.updateCard(turn.replyToId, shared).catch(() => undefined);
}

/** The challenge and the sender as a person of its partnership (they may serve several). */
async function findChallenge(services: BotServices, actors: Actor[], challengeId: string): Promise<{ actor: Actor; challenge: Challenge } | undefined> {
  for (const actor of actors) {
    const challenge = (await services.challenges.list(actor).catch(() => [])).find((c) => c.id === challengeId);
    if (challenge) return { actor, challenge };
  }
  return undefined;
}

function viewerOf(c: Challenge, actor: Actor): ChallengeViewer {
  if (c.addressee.personId === actor.personId) return 'addressee';
  if (c.raisedBy.id === actor.personId) return 'scrutineer';
  return 'other';
}

/**
 * Teams names users in refresh.userIds by MRI: the addressee's and the scrutineer's from their
 * Entra object ids ("8:orgid:…"), and the sender's as Teams gave it, when they are one of the two.
 */
async function refreshUserIds(services: BotServices, partnershipId: string, c: Challenge, turn: BotTurn): Promise<string[]> {
  const parties = [c.raisedBy.id, ...(c.addressee.personId ? [c.addressee.personId] : [])];
  const oids = await services.teamsUsers.entraObjectIds(partnershipId, parties);
  const ids = [...oids.values()].map((oid) => `8:orgid:${oid}`);
  if (turn.from.aadObjectId && [...oids.values()].includes(turn.from.aadObjectId) && turn.from.id) ids.push(turn.from.id);
  return [...new Set(ids)];
}

function refusal(error: ServiceError, nothing: string): string {
  if (error.kind === 'validation_failed') return `${nothing}: your text ${error.details?.[0]?.message ?? 'was refused.'}`;
  return error.message;
}
