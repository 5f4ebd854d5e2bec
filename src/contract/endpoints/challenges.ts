import { z } from 'zod';
import { Challenge, NewChallenge } from '../challenges.js';
import { endpoint, none, partnershipParams } from '../endpoint.js';
import { PersonSummary } from '../resources.js';

/** Challenges raised by the scrutineer, and the people they can be addressed to. */
export const challengeEndpoints = {
  listChallenges: endpoint({
    name: 'listChallenges',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/challenges',
    // Everyone signed in sees the challenges they may: all of them, or those addressed to them (the service decides).
    access: 'signed_in',
    params: partnershipParams,
    query: none,
    body: none,
    response: z.object({ challenges: z.array(Challenge) }),
  }),
  raiseChallenge: endpoint({
    name: 'raiseChallenge',
    method: 'POST',
    path: '/api/v1/partnerships/:partnershipId/challenges',
    access: 'challenge.create',
    params: partnershipParams,
    query: none,
    body: NewChallenge,
    response: Challenge,
    status: 201,
  }),
  listPeople: endpoint({
    name: 'listPeople',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/people',
    access: 'people.read',
    params: partnershipParams,
    query: none,
    body: none,
    response: z.object({ people: z.array(PersonSummary) }),
  }),
} as const;
