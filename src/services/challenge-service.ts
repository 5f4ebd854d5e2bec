import { randomUUID } from 'node:crypto';
import { FLAG_LABELS, findChildIdentifiers } from '../guard/index.js';
import { type Kysely, sql } from 'kysely';
import type { Challenge, NewChallenge } from '../contract/challenges.js';
import type { PersonSummary } from '../contract/resources.js';
import { can } from '../domain/permissions.js';
import { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import type { ChallengeStatus } from '../domain/vocabulary.js';
import type { Database } from '../storage/schema.js';
import { type Actor, auditActor, authorize } from './actor.js';
import { conflict, forbidden, invalid, notFound, ServiceError } from './errors.js';
import { ukCalendarDay } from '../domain/uk-date.js';

/** A challenge in one of these takes no more answers or decisions. */
const CLOSED_STATUSES: ChallengeStatus[] = ['accepted', 'escalated', 'closed'];

/** How the scrutineer closes a challenge; for an escalation, `outcome` is the reason. */
export interface ChallengeDecision {
  kind: 'accept' | 'escalate';
  outcome: string;
  impact?: string;
}


/**
 * Challenges: questions from the scrutineer to a named partner. The scrutineer and the
 * partnership's readers see all of them; a partner sees those addressed to them or to
 * their agency. The bot delivers them (bot/challenge-delivery.ts), told through `onRaised`.
 */
export class ChallengeService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly auditLog: AuditLogRepository,
    private readonly now: () => Date = () => new Date(),
    /** Told of each newly raised challenge (the bot queues its card). A failure here never fails the raise. */
    private readonly onRaised?: (partnershipId: string, challengeId: string) => Promise<unknown>,
  ) {}

  async raise(actor: Actor, input: NewChallenge): Promise<Challenge> {
    authorize(actor, 'challenge.create');
    const addressee = await this.db
      .selectFrom('people')
      .select(['id', 'agency_id'])
      .where('partnership_id', '=', actor.partnershipId)
      .where('id', '=', input.addresseePersonId)
      .where('is_active', '=', true)
      .executeTakeFirst();
    if (!addressee) throw invalid('addresseePersonId', 'names nobody in this partnership.');
    if (input.dueDate < ukCalendarDay(this.now())) throw invalid('dueDate', 'must not be in the past.');
    // A challenge leaves the private workspace: anything that may identify a child is shown first.
    const flags = findChildIdentifiers(input.question);
    if (flags.length > 0 && !input.identifiersConfirmed) {
      throw new ServiceError(
        'child_identifiers_flagged',
        `The question may identify a child (${flags.map((f) => FLAG_LABELS[f.kind].toLowerCase()).join(', ')}). Edit it, or confirm that it may be sent as written.`,
        flags.map((f) => ({ path: 'body.question', message: `${FLAG_LABELS[f.kind]}: “${f.text}” (characters ${f.start + 1}–${f.end})` })),
      );
    }
    if (input.observationId) {
      const obs = await this.db
        .selectFrom('observations')
        .select('author_id')
        .where('partnership_id', '=', actor.partnershipId)
        .where('id', '=', input.observationId)
        .executeTakeFirst();
      // A challenge may grow from the scrutineer's own observation only: others' private notes stay unseen.
      if (!obs || obs.author_id !== actor.personId) throw invalid('observationId', 'names no observation of yours.');
    }
    if (input.forumId) {
      const forum = await this.db.selectFrom('forums').select('id').where('partnership_id', '=', actor.partnershipId).where('id', '=', input.forumId).executeTakeFirst();
      if (!forum) throw invalid('forumId', 'names no forum of this partnership.');
    }
    // The challenge and its audit entry are one transaction: a crash between them would leave a challenge
    // nobody is recorded as raising, and a retry (the row already there) would never add the entry.
    const inserted = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('challenges')
        .values({
          id: input.id,
          partnership_id: actor.partnershipId,
          raised_by_id: actor.personId,
          observation_id: input.observationId ?? null,
          forum_id: input.forumId ?? null,
          addressee_person_id: addressee.id,
          addressee_agency_id: addressee.agency_id,
          question: input.question,
          due_date: input.dueDate,
          outcome: null,
          impact: null,
          closed_at: null,
          raised_at: this.now(),
          updated_at: this.now(),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) await new AuditLogRepository(trx).append({ ...auditActor(actor), action: 'challenge.raise', entityType: 'challenge', entityId: input.id, detail: { addressee: addressee.id, identifiersConfirmed: flags.length } });
      return row;
    });
    const stored = (await this.query(actor.partnershipId).where('c.id', '=', input.id).execute())[0];
    if (!stored || stored.raised_by_id !== actor.personId) {
      throw conflict('This challenge id is already in use. Raise the challenge again with a new id.');
    }
    if (inserted) {
      // The challenge is saved; if its card cannot be queued now, the bot's sweep queues it later.
      await this.onRaised?.(actor.partnershipId, input.id).catch(() => undefined);
    }
    return (await this.toContract([stored]))[0]!;
  }

  async list(actor: Actor): Promise<Challenge[]> {
    let q = this.query(actor.partnershipId);
    if (!can(actor.role, 'challenge.read_all')) {
      authorize(actor, 'challenge.read_own');
      const me = await this.db.selectFrom('people').select('agency_id').where('id', '=', actor.personId).executeTakeFirst();
      q = q.where((eb) =>
        me?.agency_id
          ? eb.or([eb('c.addressee_person_id', '=', actor.personId), eb('c.addressee_agency_id', '=', me.agency_id)])
          : eb('c.addressee_person_id', '=', actor.personId),
      );
    }
    const rows = await q.orderBy('c.raised_at', 'desc').execute();
    await this.auditLog.append({ ...auditActor(actor), action: 'challenge.list', entityType: 'challenge', entityId: null, detail: { count: rows.length } });
    return this.toContract(rows);
  }

  /**
   * Records an answer from the addressee, or a follow-up from the scrutineer who raised it
   * (the bot's card and the tab both call this). The response id is made by the client, so a
   * retried submission (Teams repeats invokes) records it once.
   */
  async respond(actor: Actor, challengeId: string, body: string, responseId: string = randomUUID()): Promise<Challenge> {
    authorize(actor, 'challenge.respond');
    const text = body.trim();
    if (text.length === 0) throw invalid('body', 'must not be empty.');
    if (text.length > 10000) throw invalid('body', 'must be at most 10000 characters.');
    const c = await this.stored(actor, challengeId);
    const kind = c.addressee_person_id === actor.personId ? 'answer' : c.raised_by_id === actor.personId ? 'follow_up' : undefined;
    // Others may read a challenge in a shared channel, but only its two parties speak in it.
    if (!kind) throw forbidden('Only the person the challenge is addressed to, or the scrutineer who raised it, may respond.');
    const existing = await this.db.selectFrom('challenge_responses').select(['challenge_id', 'author_id']).where('id', '=', responseId).executeTakeFirst();
    if (existing) {
      if (existing.challenge_id !== challengeId || existing.author_id !== actor.personId) throw conflict('This response id is already in use.');
    } else {
      if (CLOSED_STATUSES.includes(c.status)) throw conflict('This challenge is closed and takes no more responses.');
      const at = this.now();
      await this.db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('challenge_responses')
          .values({ id: responseId, partnership_id: actor.partnershipId, challenge_id: challengeId, author_id: actor.personId, kind, body: text, surface: actor.surface, created_at: at })
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) return;
        await trx
          .updateTable('challenges')
          .set({ status: kind === 'answer' ? 'answered' : 'follow_up', updated_at: at })
          .where('partnership_id', '=', actor.partnershipId)
          .where('id', '=', challengeId)
          .execute();
        // In the same transaction, as for raising: a crash cannot keep a response nobody is recorded as giving.
        await new AuditLogRepository(trx).append({ ...auditActor(actor), action: 'challenge.respond', entityType: 'challenge', entityId: challengeId, detail: { kind, responseId } });
      });
    }
    return (await this.toContract(await this.query(actor.partnershipId).where('c.id', '=', challengeId).execute()))[0]!;
  }

  /**
   * The scrutineer closes a challenge: accepts the answer, recording the outcome and the impact on
   * children and families, or escalates it, which opens an entry in the escalations log with the
   * addressee's agency as a party. One transaction; the decision id is made by the card, so a repeated
   * invoke records it once.
   */
  async decide(actor: Actor, challengeId: string, decision: ChallengeDecision, decisionId: string = randomUUID()): Promise<Challenge> {
    authorize(actor, 'challenge.decide');
    const outcome = decision.outcome.trim();
    const impact = decision.impact?.trim() || null;
    const field = decision.kind === 'accept' ? 'outcome' : 'reason';
    if (outcome.length === 0) throw invalid(field, decision.kind === 'accept' ? 'must say what the answer showed or what will change.' : 'must say why the challenge is escalated.');
    if (outcome.length > 4000) throw invalid(field, 'must be at most 4000 characters.');
    if (impact && impact.length > 4000) throw invalid('impact', 'must be at most 4000 characters.');
    const c = await this.stored(actor, challengeId);
    const existing = await this.db.selectFrom('challenge_responses').select(['challenge_id', 'author_id']).where('id', '=', decisionId).executeTakeFirst();
    if (existing) {
      if (existing.challenge_id !== challengeId || existing.author_id !== actor.personId) throw conflict('This decision id is already in use.');
    } else {
      if (CLOSED_STATUSES.includes(c.status)) throw conflict('This challenge has already been decided.');
      const at = this.now();
      const status = decision.kind === 'accept' ? 'accepted' : 'escalated';
      await this.db.transaction().execute(async (trx) => {
        // Only an open challenge changes: of two scrutineers deciding at once, the first wins.
        const changed = await trx
          .updateTable('challenges')
          .set({ status, outcome, impact, closed_at: at, updated_at: at })
          .where('partnership_id', '=', actor.partnershipId)
          .where('id', '=', challengeId)
          .where('status', 'not in', CLOSED_STATUSES)
          .returning('id')
          .executeTakeFirst();
        if (!changed) throw conflict('This challenge has already been decided.');
        const body = decision.kind === 'accept' ? `Accepted. ${outcome}` : `Escalated. ${outcome}`;
        await trx
          .insertInto('challenge_responses')
          .values({ id: decisionId, partnership_id: actor.partnershipId, challenge_id: challengeId, author_id: actor.personId, kind: 'decision', body, surface: actor.surface, created_at: at })
          .execute();
        let escalationId: string | null = null;
        if (decision.kind === 'escalate') {
          escalationId = randomUUID();
          await trx
            .insertInto('escalations')
            .values({ id: escalationId, partnership_id: actor.partnershipId, title: `Challenge: ${c.question.slice(0, 150)}`, issue: outcome, resolution: null, raised_at: at, resolved_at: null, challenge_id: challengeId })
            .execute();
          if (c.addressee_agency_id) {
            await trx.insertInto('escalation_parties').values({ partnership_id: actor.partnershipId, escalation_id: escalationId, agency_id: c.addressee_agency_id }).execute();
          }
        }
        await new AuditLogRepository(trx).append({
          ...auditActor(actor),
          action: decision.kind === 'accept' ? 'challenge.accept' : 'challenge.escalate',
          entityType: 'challenge',
          entityId: challengeId,
          detail: { decisionId, impactRecorded: impact !== null, escalationId },
        });
      });
    }
    return (await this.toContract(await this.query(actor.partnershipId).where('c.id', '=', challengeId).execute()))[0]!;
  }

  async people(actor: Actor): Promise<PersonSummary[]> {
    authorize(actor, 'people.read');
    const rows = await this.db
      .selectFrom('people as p')
      .leftJoin('agencies as a', 'a.id', 'p.agency_id')
      .select(['p.id', 'p.display_name', 'p.role', 'p.job_title', 'a.name as agency_name'])
      .where('p.partnership_id', '=', actor.partnershipId)
      .where('p.is_active', '=', true)
      .orderBy('p.display_name')
      .execute();
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role, jobTitle: r.job_title, agencyName: r.agency_name }));
  }

  // The bot's deliveries and reminders act for the system, not for a signed-in person.

  /** One challenge as its card shows it, for delivery. */
  async forDelivery(partnershipId: string, challengeId: string): Promise<Challenge | undefined> {
    return (await this.toContract(await this.query(partnershipId).where('c.id', '=', challengeId).execute()))[0];
  }

  /**
   * Challenges still waiting for their addressee whose due date is within `days` after `today`, or passed
   * within `daysPast` before it (UK calendar days), with their partnership, for reminders. One read per
   * partnership, not per challenge.
   */
  async awaitingAnswerDueBy(today: string, days: number, daysPast = 7): Promise<{ partnershipId: string; challenge: Challenge }[]> {
    const rows = await this.db
      .selectFrom('challenges')
      .select(['id', 'partnership_id'])
      .where('status', 'in', ['open', 'follow_up'])
      .where('addressee_person_id', 'is not', null)
      .where(sql<boolean>`due_date between ${today}::date - ${daysPast}::int and ${today}::date + ${days}::int`)
      .orderBy('due_date')
      .limit(1000)
      .execute();
    const byPartnership = new Map<string, string[]>();
    for (const r of rows) byPartnership.set(r.partnership_id, [...(byPartnership.get(r.partnership_id) ?? []), r.id]);
    const out: { partnershipId: string; challenge: Challenge }[] = [];
    for (const [partnershipId, ids] of byPartnership) {
      const challenges = await this.toContract(await this.query(partnershipId).where('c.id', 'in', ids).execute());
      for (const challenge of challenges) out.push({ partnershipId, challenge });
    }
    return out;
  }

  /** Open challenges raised since `since`, for a sweep that delivers any whose card was never queued. */
  async raisedSince(since: Date): Promise<{ partnershipId: string; challengeId: string }[]> {
    const rows = await this.db.selectFrom('challenges').select(['id', 'partnership_id']).where('raised_at', '>=', since).where('status', 'not in', CLOSED_STATUSES).execute();
    return rows.map((r) => ({ partnershipId: r.partnership_id, challengeId: r.id }));
  }

  /** The challenge's own row, for a change to it; absent from the actor's partnership is not found. */
  private async stored(actor: Actor, challengeId: string) {
    const c = await this.db
      .selectFrom('challenges')
      .select(['id', 'question', 'status', 'raised_by_id', 'addressee_person_id', 'addressee_agency_id'])
      .where('partnership_id', '=', actor.partnershipId)
      .where('id', '=', challengeId)
      .executeTakeFirst();
    if (!c) throw notFound('The challenge');
    return c;
  }

  private query(partnershipId: string) {
    return this.db
      .selectFrom('challenges as c')
      .innerJoin('people as rb', 'rb.id', 'c.raised_by_id')
      .leftJoin('people as ap', 'ap.id', 'c.addressee_person_id')
      .leftJoin('agencies as ag', 'ag.id', 'c.addressee_agency_id')
      .leftJoin('forums as f', 'f.id', 'c.forum_id')
      .where('c.partnership_id', '=', partnershipId)
      .select([
        'c.id',
        'c.question',
        'c.status',
        'c.due_date',
        'c.raised_at',
        'c.raised_by_id',
        'rb.display_name as raised_by_name',
        'c.addressee_person_id',
        'ap.display_name as addressee_name',
        'ag.name as agency_name',
        'c.observation_id',
        'c.forum_id',
        'f.name as forum_name',
        'c.outcome',
        'c.impact',
      ]);
  }

  private async toContract(rows: Awaited<ReturnType<ReturnType<ChallengeService['query']>['execute']>>): Promise<Challenge[]> {
    if (rows.length === 0) return [];
    const responses = await this.db
      .selectFrom('challenge_responses as r')
      .innerJoin('people as p', 'p.id', 'r.author_id')
      .select(['r.id', 'r.challenge_id', 'p.display_name', 'r.kind', 'r.body', 'r.created_at'])
      .where('r.challenge_id', 'in', rows.map((r) => r.id))
      .orderBy('r.created_at')
      .execute();
    const today = ukCalendarDay(this.now());
    return rows.map((r) => ({
      id: r.id,
      question: r.question,
      status: r.status,
      dueDate: r.due_date,
      overdue: r.due_date !== null && r.due_date < today && ['open', 'follow_up'].includes(r.status),
      raisedAt: r.raised_at.toISOString(),
      raisedBy: { id: r.raised_by_id, name: r.raised_by_name },
      addressee: { personId: r.addressee_person_id, name: r.addressee_name ?? r.agency_name ?? 'Unknown', agencyName: r.agency_name },
      observationId: r.observation_id,
      forumId: r.forum_id,
      forumName: r.forum_name,
      outcome: r.outcome,
      impact: r.impact,
      responses: responses
        .filter((x) => x.challenge_id === r.id)
        .map((x) => ({ id: x.id, authorName: x.display_name, kind: x.kind, body: x.body, createdAt: x.created_at.toISOString() })),
    }));
  }
}
