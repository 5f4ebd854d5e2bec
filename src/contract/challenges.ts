import { z } from 'zod';
import { CHALLENGE_STATUSES } from '../domain/vocabulary.js';
import { IsoDate, IsoDateTime, UserText, Uuid } from './values.js';

export const ChallengeResponse = z.object({
  id: Uuid,
  authorName: z.string(),
  kind: z.enum(['answer', 'follow_up', 'decision']),
  body: z.string(),
  createdAt: IsoDateTime,
});

export const Challenge = z.object({
  id: Uuid,
  question: z.string(),
  status: z.enum(CHALLENGE_STATUSES),
  dueDate: IsoDate.nullable(),
  overdue: z.boolean(),
  raisedAt: IsoDateTime,
  raisedBy: z.object({ id: Uuid, name: z.string() }),
  addressee: z.object({ personId: Uuid.nullable(), name: z.string(), agencyName: z.string().nullable() }),
  observationId: Uuid.nullable(),
  forumId: Uuid.nullable(),
  forumName: z.string().nullable(),
  outcome: z.string().nullable(),
  impact: z.string().nullable(),
  responses: z.array(ChallengeResponse),
});
export type Challenge = z.infer<typeof Challenge>;

/** A challenge raised in the tab; the id is made by the client so a retry never raises it twice. */
export const NewChallenge = z.strictObject({
  id: Uuid,
  question: UserText(10000),
  addresseePersonId: Uuid,
  dueDate: IsoDate,
  observationId: Uuid.nullable().optional(),
  forumId: Uuid.nullable().optional(),
  /**
   * The scrutineer has seen the passages the child-identifier guard flagged and confirms that the
   * question may leave the private workspace as written. Without it, flagged text is refused (422).
   */
  identifiersConfirmed: z.boolean().optional(),
});
export type NewChallenge = z.infer<typeof NewChallenge>;
