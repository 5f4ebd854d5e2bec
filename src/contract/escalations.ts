import { z } from 'zod';
import { CHALLENGE_STATUSES, ESCALATION_STATUSES } from '../domain/vocabulary.js';
import { IsoDateTime, UserText, Uuid } from './values.js';

export const EscalationStatusSchema = z.enum(ESCALATION_STATUSES, { error: `must be one of ${ESCALATION_STATUSES.join(', ')}` });

/** A disagreement between agencies that the scrutineer helps resolve. */
export const Escalation = z.object({
  id: Uuid,
  title: z.string(),
  issue: z.string(),
  status: z.enum(ESCALATION_STATUSES),
  resolution: z.string().nullable(),
  raisedAt: IsoDateTime,
  /** When it was resolved or closed; null while open or in resolution. */
  resolvedAt: IsoDateTime.nullable(),
  /** The agencies in disagreement. */
  parties: z.array(z.object({ agencyId: Uuid, name: z.string() })),
  /** The challenge whose escalation opened this entry, if one did. */
  challenge: z.object({ id: Uuid, question: z.string(), status: z.enum(CHALLENGE_STATUSES) }).nullable(),
});
export type Escalation = z.infer<typeof Escalation>;

const PartyAgencyIds = z
  .array(Uuid)
  .min(1, { error: 'must name at least one agency' })
  .max(20, { error: 'must name at most 20 agencies' })
  .refine((ids) => new Set(ids).size === ids.length, { error: 'must name each agency once' });

export const NewEscalation = z.strictObject({
  title: UserText(200),
  issue: UserText(10000),
  partyAgencyIds: PartyAgencyIds,
  challengeId: Uuid.nullable().optional(),
  /** The text has been seen with the child-identifier guard's flags and may be logged as written. */
  identifiersConfirmed: z.boolean().optional(),
});
export type NewEscalation = z.infer<typeof NewEscalation>;

export const EscalationPatch = z
  .strictObject({
    title: UserText(200).optional(),
    issue: UserText(10000).optional(),
    status: EscalationStatusSchema.optional(),
    /** How it was resolved; required to mark it resolved. null clears it. */
    resolution: UserText(10000).nullable().optional(),
    partyAgencyIds: PartyAgencyIds.optional(),
    identifiersConfirmed: z.boolean().optional(),
  })
  .refine((p) => [p.title, p.issue, p.status, p.resolution, p.partyAgencyIds].some((v) => v !== undefined), {
    error: 'must change something: title, issue, status, resolution or partyAgencyIds',
  });
export type EscalationPatch = z.infer<typeof EscalationPatch>;

export const EscalationQuery = z.strictObject({ status: EscalationStatusSchema.optional() });
export type EscalationQuery = z.infer<typeof EscalationQuery>;
