import type { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import type { BotConversationsRepository, ConversationRef } from '../storage/repositories/bot-conversations-repository.js';
import type { OutboxMessage, OutboxRepository } from '../storage/repositories/outbox-repository.js';
import { invalid } from './errors.js';

export interface EnqueueInput {
  partnershipId: string;
  /** Names the message, not the attempt: the same reminder for the same person and day has the same key. */
  idempotencyKey: string;
  conversationRef: ConversationRef;
  /** A Bot Framework activity (a message with text and/or an Adaptive Card attachment). */
  activity: Record<string, unknown>;
  notBefore?: Date;
}

/**
 * Every proactive message goes through here into the outbox; the worker (bot/outbox-worker.ts)
 * sends it. Enqueueing is idempotent on the key: a second enqueue returns the first message.
 */
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly conversations: BotConversationsRepository,
    private readonly audit: AuditLogRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async enqueue(input: EnqueueInput): Promise<{ message: OutboxMessage; created: boolean }> {
    if (input.idempotencyKey.length < 1 || input.idempotencyKey.length > 300) throw invalid('idempotencyKey', 'must be 1 to 300 characters');
    const type = input.activity.type ?? 'message';
    if (type !== 'message') throw invalid('activity.type', 'must be message');
    const r = input.conversationRef;
    if (!r.conversationId || !r.serviceUrl || !r.tenantId || !r.botId) throw invalid('conversationRef', 'needs conversationId, serviceUrl, tenantId and botId');
    return this.outbox.enqueue(
      { partnershipId: input.partnershipId, idempotencyKey: input.idempotencyKey, reference: r, activity: { ...input.activity, type }, notBefore: input.notBefore },
      this.now(),
    );
  }

  /** A message to one person's personal chat; `undefined` when they have not installed the app. */
  async enqueueToPerson(input: Omit<EnqueueInput, 'conversationRef'> & { personId: string }): Promise<{ message: OutboxMessage; created: boolean } | undefined> {
    const chat = await this.conversations.personalChatOf(input.partnershipId, input.personId);
    if (!chat) return undefined;
    return this.enqueue({ ...input, conversationRef: refOf(chat) });
  }

  /** Whether a message with this key was ever queued (whatever became of it). */
  async isQueued(idempotencyKey: string): Promise<boolean> {
    return (await this.outbox.findByKey(idempotencyKey)) !== undefined;
  }

  /** Messages that could not be delivered, for the business manager. */
  async undelivered(partnershipId: string): Promise<OutboxMessage[]> {
    return this.outbox.listUndelivered(partnershipId);
  }

  // The worker's side: claim, then record exactly one outcome per claim.

  claim(workerId: string, leaseMs: number, limit: number): Promise<OutboxMessage[]> {
    return this.outbox.claimDue(workerId, this.now(), leaseMs, limit);
  }

  recordSent(m: OutboxMessage, workerId: string, activityId: string): Promise<boolean> {
    return this.outbox.markSent(m.id, workerId, activityId, this.now());
  }

  recordRetry(m: OutboxMessage, workerId: string, delayMs: number, error: string): Promise<boolean> {
    const now = this.now();
    return this.outbox.reschedule(m.id, workerId, new Date(now.getTime() + delayMs), error, now);
  }

  /** Put back untried (the rate limits would hold it longer than its lease). */
  recordDeferred(m: OutboxMessage, workerId: string, delayMs: number): Promise<boolean> {
    const now = this.now();
    return this.outbox.defer(m.id, workerId, new Date(now.getTime() + delayMs), now);
  }

  async recordFailed(m: OutboxMessage, workerId: string, error: string): Promise<boolean> {
    const done = await this.outbox.markFailed(m.id, workerId, error, this.now());
    if (done) await this.notice(m, 'bot.message_failed', error);
    return done;
  }

  /**
   * 403: the app is not installed there, or the bot is blocked. The message is kept, marked
   * unreachable, where the business manager's list shows it, and the audit log says who could
   * not be reached.
   */
  async recordUnreachable(m: OutboxMessage, workerId: string, error: string): Promise<boolean> {
    const done = await this.outbox.markUnreachable(m.id, workerId, error, this.now());
    if (done) await this.notice(m, 'bot.recipient_unreachable', error);
    return done;
  }

  private async notice(m: OutboxMessage, action: string, error: string): Promise<void> {
    const rows = await this.conversations.findByConversation(m.reference.conversationId);
    const personId = rows.find((r) => r.partnershipId === m.partnershipId)?.personId ?? null;
    await this.audit.append({
      partnershipId: m.partnershipId,
      actorPersonId: null,
      actorLabel: 'Line of Sight bot',
      surface: 'bot',
      action,
      entityType: 'outbox_message',
      entityId: m.id,
      detail: {
        idempotencyKey: m.idempotencyKey,
        personId,
        conversationId: m.reference.conversationId,
        conversationType: m.reference.conversationType,
        attempts: m.attempts,
        error: error.slice(0, 500),
      },
    });
  }
}

export function refOf(c: ConversationRef): ConversationRef {
  return {
    conversationId: c.conversationId,
    conversationType: c.conversationType,
    tenantId: c.tenantId,
    serviceUrl: c.serviceUrl,
    botId: c.botId,
    botConversationId: c.botConversationId,
  };
}
