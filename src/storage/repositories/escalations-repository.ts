import type { Kysely } from 'kysely';
import type { ChallengeStatus, EscalationStatus } from '../../domain/vocabulary.js';
import type { Database } from '../schema.js';

export interface EscalationRecord {
  id: string;
  title: string;
  issue: string;
  status: EscalationStatus;
  resolution: string | null;
  raisedAt: Date;
  resolvedAt: Date | null;
  parties: { agencyId: string; name: string }[];
  challenge: { id: string; question: string; status: ChallengeStatus } | null;
}

export interface EscalationChange {
  title?: string;
  issue?: string;
  status?: EscalationStatus;
  resolution?: string | null;
  resolvedAt?: Date | null;
}

/** The escalations log and its parties (escalations, escalation_parties). */
export class EscalationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Entries newest first, with parties and the challenge they came from (two queries in all). */
  async list(partnershipId: string, filter: { status?: EscalationStatus; id?: string } = {}): Promise<EscalationRecord[]> {
    let q = this.db
      .selectFrom('escalations as e')
      .leftJoin('challenges as c', 'c.id', 'e.challenge_id')
      .select(['e.id', 'e.title', 'e.issue', 'e.status', 'e.resolution', 'e.raised_at', 'e.resolved_at', 'e.challenge_id', 'c.question', 'c.status as challenge_status'])
      .where('e.partnership_id', '=', partnershipId);
    if (filter.status) q = q.where('e.status', '=', filter.status);
    if (filter.id) q = q.where('e.id', '=', filter.id);
    const rows = await q.orderBy('e.raised_at', 'desc').orderBy('e.id').execute();
    if (rows.length === 0) return [];
    const parties = await this.db
      .selectFrom('escalation_parties as p')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .select(['p.escalation_id', 'p.agency_id', 'a.name'])
      .where('p.partnership_id', '=', partnershipId)
      .where('p.escalation_id', 'in', rows.map((r) => r.id))
      .orderBy('a.name')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      issue: r.issue,
      status: r.status,
      resolution: r.resolution,
      raisedAt: r.raised_at,
      resolvedAt: r.resolved_at,
      parties: parties.filter((p) => p.escalation_id === r.id).map((p) => ({ agencyId: p.agency_id, name: p.name })),
      challenge: r.challenge_id && r.question && r.challenge_status ? { id: r.challenge_id, question: r.question, status: r.challenge_status } : null,
    }));
  }

  async find(partnershipId: string, id: string): Promise<EscalationRecord | undefined> {
    return (await this.list(partnershipId, { id }))[0];
  }

  /** Which of these agencies are the partnership's. */
  async knownAgencies(partnershipId: string, agencyIds: string[]): Promise<Set<string>> {
    if (agencyIds.length === 0) return new Set();
    const rows = await this.db.selectFrom('agencies').select('id').where('partnership_id', '=', partnershipId).where('id', 'in', agencyIds).execute();
    return new Set(rows.map((r) => r.id));
  }

  /** The challenge, if it is the partnership's, and the escalation already opened from it, if any. */
  async challengeLink(partnershipId: string, challengeId: string): Promise<{ exists: boolean; escalationId: string | null }> {
    const row = await this.db
      .selectFrom('challenges as c')
      .leftJoin('escalations as e', 'e.challenge_id', 'c.id')
      .select(['c.id', 'e.id as escalation_id'])
      .where('c.partnership_id', '=', partnershipId)
      .where('c.id', '=', challengeId)
      .executeTakeFirst();
    return { exists: row !== undefined, escalationId: row?.escalation_id ?? null };
  }

  async insert(partnershipId: string, e: { id: string; title: string; issue: string; challengeId: string | null; raisedAt: Date }): Promise<void> {
    await this.db
      .insertInto('escalations')
      .values({ id: e.id, partnership_id: partnershipId, title: e.title, issue: e.issue, resolution: null, raised_at: e.raisedAt, resolved_at: null, challenge_id: e.challengeId })
      .execute();
  }

  /** False when the entry is not in this partnership. */
  async update(partnershipId: string, id: string, change: EscalationChange): Promise<boolean> {
    const set = Object.fromEntries(
      Object.entries({ title: change.title, issue: change.issue, status: change.status, resolution: change.resolution, resolved_at: change.resolvedAt }).filter(([, v]) => v !== undefined),
    );
    if (Object.keys(set).length === 0) return (await this.find(partnershipId, id)) !== undefined;
    const row = await this.db.updateTable('escalations').set(set).where('partnership_id', '=', partnershipId).where('id', '=', id).returning('id').executeTakeFirst();
    return row !== undefined;
  }

  async replaceParties(partnershipId: string, escalationId: string, agencyIds: string[]): Promise<void> {
    await this.db.deleteFrom('escalation_parties').where('partnership_id', '=', partnershipId).where('escalation_id', '=', escalationId).execute();
    if (agencyIds.length === 0) return;
    await this.db
      .insertInto('escalation_parties')
      .values(agencyIds.map((agencyId) => ({ partnership_id: partnershipId, escalation_id: escalationId, agency_id: agencyId })))
      .execute();
  }
}
