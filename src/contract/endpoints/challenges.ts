import { z } from 'zod';
import { Challenge, NewChallenge } from '../challenges.js';
import { endpoint, none, partnershipParams } from '../endpoint.js';
import { apiRoutes } from '../routes.js';
import { PersonSummary } from '../resources.js';

/** Challenges raised by the scrutineer, and the people they can be addressed to. */
export const challengeEndpoints = {
  listChallenges: endpoint({
    ...apiRoutes.listChallenges,
    params: partnershipParams,
    query: none,
    body: none,
    response: z.object({ challenges: z.array(Challenge) }),
  }),
  raiseChallenge: endpoint({
    ...apiRoutes.raiseChallenge,
    params: partnershipParams,
    query: none,
    body: NewChallenge,
    response: Challenge,
  }),
  listPeople: endpoint({
    ...apiRoutes.listPeople,
    params: partnershipParams,
    query: none,
    body: none,
    response: z.object({ people: z.array(PersonSummary) }),
  }),
} as const;
