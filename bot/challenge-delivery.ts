import { randomUUID } from 'node:crypto';
import type { Challenge } from '../src/contract/challenges.js';
import type { ChallengeService } from '../src/services/challenge-service.js';
import type { OutboxService } from '../src/services/outbox-service.js';
import type { AuditLogRepository } from '../src/storage/repositories/audit-log-repository.js';
import type { BotConversationsRepository } from '../src/storage/repositories/bot-conversations-repository.js';
import type { TeamsUsersRepository } from '../src/storage/repositories/teams-users-repository.js';
import { challengeCard, type ChallengeCardOptions } from './cards/challenge-card.js';
import { cardDate } from './cards/card-text.js';
import type { AdaptiveCard } from './turn.js';
import { ukCalendarDay } from '../src/domain/uk-date.js';

export interface ChallengeDeliveryDeps {
  challenges: Pick<ChallengeService, 'forDelivery' | 'awaitingAnswerDueBy' | 'raisedSince'>;
  outbox: Pick<OutboxService, 'enqueue' | 'enqueueToPerson' | 'isQueued'>;
  conversations: Pick<BotConversationsRepository, 'channelOfForum'>;
  teamsUsers: Pick<TeamsUsersRepository, 'entraObjectIds'>;
  auditLog: Pick<AuditLogRepository, 'append'>;
  now: () => Date;
  /** Days before the due date that the addressee is reminded (default 2). */
  dueSoonDays?: number;
}

export type Delivery = 'channel' | 'personal' | 'unreachable';

/** How far back the sweep looks for a challenge whose card was never queued. */
const SWEEP_DAYS = 14;
const cardKey = (challengeId: string) => `challenge-card:${challengeId}`;

const asMessage = (card: AdaptiveCard, summary: string) => ({
  type: 'message',
  summary,
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
});

/**
 * Puts challenge cards where the addressee will see them, through the outbox: the forum's channel when
 * the bot is in its team, otherwise the addressee's personal chat. Then reminds the addressee as the due
 * date nears and once it has passed.
 *
 * Every message has an idempotency key that names it (the challenge, and which reminder for which due
 * date), so the periodic sweep can run on every server instance, and again after a restart, without a
 * message going twice; and a challenge whose card was not queued when it was raised (a crash in between)
 * is queued by the next sweep.
 */
export class ChallengeDelivery {
  private readonly dueSoonDays: number;

  constructor(private readonly d: ChallengeDeliveryDeps) {
    this.dueSoonDays = d.dueSoonDays ?? 2;
  }

  /**
   * Queues the card of a newly raised challenge. When nobody can be reached, the audit log says so once
   * (on raising); the sweep tries again quietly, in case the addressee installs the app later.
   */
  async deliver(partnershipId: string, challengeId: string, options: { auditUnreachable?: boolean } = {}): Promise<Delivery | undefined> {
    const c = await this.d.challenges.forDelivery(partnershipId, challengeId);
    if (!c) return undefined;
    const key = cardKey(c.id);
    const summary = `Challenge from ${c.raisedBy.name}`;
    const channel = c.forumId ? await this.d.conversations.channelOfForum(partnershipId, c.forumId) : undefined;
    if (channel) {
      // In a channel everyone sees the shared view; the two parties get their own through refresh.
      const card = await this.card(partnershipId, c, { viewer: 'other' });
      await this.d.outbox.enqueue({ partnershipId, idempotencyKey: key, conversationRef: channel, activity: asMessage(card, summary) });
      return 'channel';
    }
    if (c.addressee.personId) {
      const card = await this.card(partnershipId, c, { viewer: 'addressee', responseId: randomUUID() });
      const queued = await this.d.outbox.enqueueToPerson({ partnershipId, idempotencyKey: key, personId: c.addressee.personId, activity: asMessage(card, summary) });
      if (queued) return 'personal';
    }
    if (options.auditUnreachable === false) return 'unreachable';
    await this.d.auditLog.append({
      partnershipId,
      actorPersonId: null,
      actorLabel: 'Line of Sight',
      surface: 'system',
      action: 'challenge.undeliverable',
      entityType: 'challenge',
      entityId: c.id,
      detail: { reason: 'The addressee has not installed the app, and the forum has no channel with the bot in it.' },
    });
    return 'unreachable';
  }

  /** The periodic sweep: cards not yet queued, then reminders that are due. */
  async sweep(): Promise<{ delivered: number; reminded: number }> {
    const now = this.d.now();
    let delivered = 0;
    for (const r of await this.d.challenges.raisedSince(new Date(now.getTime() - SWEEP_DAYS * 24 * 3_600_000))) {
      if (await this.d.outbox.isQueued(cardKey(r.challengeId))) continue;
      const result = await this.deliver(r.partnershipId, r.challengeId, { auditUnreachable: false });
      if (result === 'channel' || result === 'personal') delivered += 1;
    }
    const today = ukCalendarDay(now);
    let reminded = 0;
    for (const { partnershipId, challenge: c } of await this.d.challenges.awaitingAnswerDueBy(today, this.dueSoonDays)) {
      const overdue = c.dueDate! < today;
      const key = `challenge-reminder:${c.id}:${overdue ? 'overdue' : 'due-soon'}:${c.dueDate}`;
      // Each reminder goes once: skip building a card that the outbox would refuse as a repeat.
      if (await this.d.outbox.isQueued(key)) continue;
      const text = overdue ? `Reminder: this challenge was due on ${cardDate(c.dueDate!)} and is waiting for your answer.` : `Reminder: this challenge is due on ${cardDate(c.dueDate!)}.`;
      const card = await this.card(partnershipId, c, { viewer: 'addressee', responseId: randomUUID(), notice: { text, tone: 'attention' } });
      const queued = await this.d.outbox.enqueueToPerson({
        partnershipId,
        idempotencyKey: key,
        personId: c.addressee.personId!,
        activity: asMessage(card, overdue ? 'Overdue challenge' : 'Challenge due soon'),
      });
      if (queued?.created) reminded += 1;
    }
    return { delivered, reminded };
  }

  private async card(partnershipId: string, c: Challenge, options: Omit<ChallengeCardOptions, 'refreshUserIds'>): Promise<AdaptiveCard> {
    const parties = [c.raisedBy.id, ...(c.addressee.personId ? [c.addressee.personId] : [])];
    const oids = await this.d.teamsUsers.entraObjectIds(partnershipId, parties);
    return challengeCard(c, { ...options, refreshUserIds: [...oids.values()].map((oid) => `8:orgid:${oid}`) });
  }
}
