import type { ChallengeService } from '../../src/services/challenge-service.js';
import type { EvidenceSubmissionService } from '../../src/services/evidence-submission-service.js';
import type { Actor } from '../../src/services/actor.js';
import type { ActionsRepository } from '../../src/storage/repositories/actions-repository.js';
import type { PeopleRepository } from '../../src/storage/repositories/people-repository.js';
import type { TeamsUsersRepository } from '../../src/storage/repositories/teams-users-repository.js';
import type { BotTurn } from '../turn.js';

/** What the bot's commands and card actions use: the same services as the tab. */
export interface BotServices {
  people: Pick<PeopleRepository, 'findByEntraIdentity'>;
  challenges: Pick<ChallengeService, 'list' | 'respond' | 'decide'>;
  actions: Pick<ActionsRepository, 'openForOwner'>;
  teamsUsers: Pick<TeamsUsersRepository, 'entraObjectIds'>;
  /** Subgroup chairs' answers to evidence requests (absent: the card's verb is refused). */
  evidenceRequests?: Pick<EvidenceSubmissionService, 'view' | 'submit'>;
  now: () => Date;
}

/**
 * The Line of Sight people the sender is, by Entra object id and tenant (a partner from another
 * tenant included), one per partnership they belong to; none when their account is not linked.
 */
export async function actorsOf(turn: BotTurn, people: BotServices['people']): Promise<Actor[]> {
  const oid = turn.from.aadObjectId;
  const tenantId = turn.tenantId ?? turn.conversation.tenantId;
  if (!oid || !tenantId) return [];
  const found = await people.findByEntraIdentity(tenantId, oid);
  return found.map((p) => ({ personId: p.id, partnershipId: p.partnershipId, role: p.role, displayName: p.displayName, surface: 'bot' }));
}

export const NOT_LINKED =
  'I could not find you in Line of Sight. Ask your partnership\u2019s business manager to add you with your Microsoft 365 account, then try again.';
