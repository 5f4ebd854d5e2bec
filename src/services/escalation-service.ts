import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Escalation, EscalationPatch, EscalationQuery, NewEscalation } from '../contract/escalations.js';
import type { EscalationStatus } from '../domain/vocabulary.js';
import { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import { type EscalationRecord, EscalationsRepository } from '../storage/repositories/escalations-repository.js';
import type { Database } from '../storage/schema.js';
import { type Actor, auditActor, authorize } from './actor.js';
import { conflict, invalid, notFound } from './errors.js';
import { checkChildIdentifiers } from './identifier-check.js';

/** An entry in one of these is settled: it carries the date it was settled. */
const SETTLED: EscalationStatus[] = ['resolved', 'closed'];

const toContract = (e: EscalationRecord): Escalation => ({
  id: e.id,
  title: e.title,
  issue: e.issue,
  status: e.status,
  resolution: e.resolution,
  raisedAt: e.raisedAt.toISOString(),
  resolvedAt: e.resolvedAt?.toISOString() ?? null,
  parties: e.parties,
  challenge: e.challenge,
});

/**
 * The escalations and disagreements log: disagreements between agencies that the scrutineer helps
 * resolve. Entries come from here, or from escalating a challenge (ChallengeService.decide), which
 * links back to it. The partnership's readers see the log; the scrutineer and the business manager
 * keep it. Every write is in the audit log. The log is shared, so its text passes the child-identifier
 * guard first.
 */
export class EscalationService {
  private readonly repo: EscalationsRepository;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new EscalationsRepository(db);
  }

  async list(actor: Actor, query: EscalationQuery): Promise<Escalation[]> {
    authorize(actor, 'escalation.read');
    return (await this.repo.list(actor.partnershipId, { status: query.status })).map(toContract);
  }

  async create(actor: Actor, input: NewEscalation): Promise<Escalation> {
    authorize(actor, 'escalation.manage');
    await this.refuseUnknownAgencies(actor.partnershipId, input.partyAgencyIds);
    const challengeId = input.challengeId ?? null;
    if (challengeId) {
      const link = await this.repo.challengeLink(actor.partnershipId, challengeId);
      if (!link.exists) throw invalid('challengeId', 'names no challenge of this partnership.');
      if (link.escalationId) throw conflict('This challenge already has an entry in the escalations log.');
    }
    const flagged = checkChildIdentifiers({ title: input.title, issue: input.issue }, input.identifiersConfirmed);
    const id = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      const repo = new EscalationsRepository(trx);
      await repo.insert(actor.partnershipId, { id, title: input.title, issue: input.issue, challengeId, raisedAt: this.now() });
      await repo.replaceParties(actor.partnershipId, id, input.partyAgencyIds);
      await new AuditLogRepository(trx).append({
        ...auditActor(actor),
        action: 'escalation.create',
        entityType: 'escalation',
        entityId: id,
        detail: { parties: input.partyAgencyIds, challengeId, identifiersConfirmed: flagged },
      });
    });
    return toContract((await this.repo.find(actor.partnershipId, id))!);
  }

  async update(actor: Actor, escalationId: string, patch: EscalationPatch): Promise<Escalation> {
    authorize(actor, 'escalation.manage');
    const before = await this.repo.find(actor.partnershipId, escalationId);
    if (!before) throw notFound('The escalation');
    if (patch.partyAgencyIds) await this.refuseUnknownAgencies(actor.partnershipId, patch.partyAgencyIds);
    const status = patch.status ?? before.status;
    const resolution = patch.resolution !== undefined ? patch.resolution : before.resolution;
    if (status === 'resolved' && !resolution) throw invalid('resolution', 'must say how the disagreement was resolved before it is marked resolved.');
    const flagged = checkChildIdentifiers({ title: patch.title, issue: patch.issue, resolution: patch.resolution }, patch.identifiersConfirmed);
    // Settling stamps the day it was settled (once); reopening clears it.
    const resolvedAt = SETTLED.includes(status) ? (before.resolvedAt ?? this.now()) : null;
    await this.db.transaction().execute(async (trx) => {
      const repo = new EscalationsRepository(trx);
      const changed = await repo.update(actor.partnershipId, escalationId, { title: patch.title, issue: patch.issue, status: patch.status, resolution: patch.resolution, resolvedAt });
      if (!changed) throw notFound('The escalation');
      if (patch.partyAgencyIds) await repo.replaceParties(actor.partnershipId, escalationId, patch.partyAgencyIds);
      await new AuditLogRepository(trx).append({
        ...auditActor(actor),
        action: 'escalation.update',
        entityType: 'escalation',
        entityId: escalationId,
        detail: {
          changed: (['title', 'issue', 'status', 'resolution', 'partyAgencyIds'] as const).filter((k) => patch[k] !== undefined),
          ...(patch.status && patch.status !== before.status ? { from: before.status, to: patch.status } : {}),
          identifiersConfirmed: flagged,
        },
      });
    });
    return toContract((await this.repo.find(actor.partnershipId, escalationId))!);
  }

  private async refuseUnknownAgencies(partnershipId: string, agencyIds: string[]): Promise<void> {
    const known = await this.repo.knownAgencies(partnershipId, agencyIds);
    const unknown = agencyIds.find((a) => !known.has(a));
    if (unknown) throw invalid('partyAgencyIds', `names an agency that is not in this partnership (${unknown}).`);
  }
}
