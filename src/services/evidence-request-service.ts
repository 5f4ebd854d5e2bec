import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { addDays, currentPeriod, type EvidenceRequestSettings } from '../domain/evidence-schedule.js';
import { ukCalendarDay } from '../domain/uk-date.js';
import { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import { BotConversationsRepository } from '../storage/repositories/bot-conversations-repository.js';
import { ASKED_STATUSES, type EvidenceRequestRow, EvidenceRequestsRepository } from '../storage/repositories/evidence-requests-repository.js';
import { OutboxRepository } from '../storage/repositories/outbox-repository.js';
import type { Database } from '../storage/schema.js';
import type { EvidenceMessages, EvidenceRequestView } from './evidence-request-view.js';
import { OutboxService } from './outbox-service.js';

const DAY_MS = 86_400_000;
/** A request whose step failed is put aside this long, so that it cannot hold up the others. */
const RETRY_FAILED_STEP_MS = 3_600_000;
const BOT = { actorPersonId: null, actorLabel: 'Line of Sight evidence requests', surface: 'system' as const };

export interface EvidenceRequestServiceOptions {
  db: Kysely<Database>;
  messages: EvidenceMessages;
  settings: EvidenceRequestSettings;
  now?: () => Date;
  /** The outbox on a transaction: a message is enqueued in the same transaction as the step that sends it. */
  outboxOn?: (trx: Kysely<Database>) => Pick<OutboxService, 'enqueueToPerson'>;
  onError?: (error: unknown, requestId: string) => void;
}

export interface EvidenceTickReport {
  created: number;
  steps: number;
  failed: number;
}

/**
 * Asks subgroup chairs for evidence: makes the requests (on the schedule, and when an action
 * nears its due date), sends them, reminds, and tells the business managers when reminders go
 * unanswered. Every message goes through the outbox.
 *
 * Several instances may run this at once, and it may stop at any point:
 * - making a request is idempotent through a unique key per chair and occasion
 *   (evidence_requests.trigger_key), so a second instance's insert does nothing;
 * - each step (send, remind, escalate) claims its request with FOR UPDATE SKIP LOCKED and
 *   enqueues the message in the same transaction that records the step, so a step is taken
 *   once or not at all; the outbox's idempotency key (request id and reminder number) makes
 *   a repeated enqueue return the first message even so.
 */
export class EvidenceRequestService {
  private readonly now: () => Date;
  private readonly outboxOn: (trx: Kysely<Database>) => Pick<OutboxService, 'enqueueToPerson'>;

  constructor(private readonly o: EvidenceRequestServiceOptions) {
    this.now = o.now ?? (() => new Date());
    this.outboxOn =
      o.outboxOn ?? ((trx) => new OutboxService(new OutboxRepository(trx), new BotConversationsRepository(trx), new AuditLogRepository(trx), this.now));
  }

  /** One pass of the scheduler: make what is due, then take every step that is due. */
  async tick(): Promise<EvidenceTickReport> {
    const created = (await this.createScheduled()) + (await this.createDueSoon());
    const { steps, failed } = await this.advanceDue();
    return { created, steps, failed };
  }

  /** This period's request for every subgroup chair with actions still to do. Returns how many were made. */
  async createScheduled(): Promise<number> {
    const now = this.now();
    const key = `schedule:${currentPeriod(this.o.settings.schedule, now)}`;
    const repo = new EvidenceRequestsRepository(this.o.db);
    const asked = await repo.chairsWithKeys([key]);
    let created = 0;
    for (const chair of await repo.activeChairs()) {
      if (asked.has(`${chair.partnershipId}/${chair.personId}/${key}`)) continue;
      const made = await this.o.db.transaction().execute(async (trx) => {
        const r = new EvidenceRequestsRepository(trx);
        const actionIds = await r.actionIdsOfChair(chair.partnershipId, chair.personId, ASKED_STATUSES);
        if (actionIds.length === 0) return false;
        return this.create(trx, { partnershipId: chair.partnershipId, chairPersonId: chair.personId, forumId: null, trigger: 'schedule', triggerKey: key }, actionIds, now);
      });
      if (made) created++;
    }
    return created;
  }

  /** A request for each action still to do that falls due within EVIDENCE_REQUEST_DUE_SOON_DAYS: once per action, chair and due date. */
  async createDueSoon(): Promise<number> {
    const days = this.o.settings.dueSoonDays;
    if (days <= 0) return 0;
    const now = this.now();
    const today = ukCalendarDay(now);
    const repo = new EvidenceRequestsRepository(this.o.db);
    const due = await repo.dueBetween(today, addDays(today, days));
    const keyOf = (d: (typeof due)[number]) => `due:${d.actionId}:${d.dueDate}`;
    const asked = await repo.chairsWithKeys(due.map(keyOf));
    let created = 0;
    for (const d of due) {
      if (asked.has(`${d.partnershipId}/${d.chairPersonId}/${keyOf(d)}`)) continue;
      const made = await this.o.db.transaction().execute((trx) =>
        this.create(trx, { partnershipId: d.partnershipId, chairPersonId: d.chairPersonId, forumId: d.forumId, trigger: 'due_soon', triggerKey: keyOf(d) }, [d.actionId], now),
      );
      if (made) created++;
    }
    return created;
  }

  /** Takes every step that is due (send, remind, escalate), one request per transaction. */
  async advanceDue(limit = 500): Promise<{ steps: number; failed: number }> {
    const now = this.now();
    let steps = 0;
    let failed = 0;
    while (steps + failed < limit) {
      let claimed: string | undefined;
      try {
        const took = await this.o.db.transaction().execute(async (trx) => {
          const row = await new EvidenceRequestsRepository(trx).claimNextDue(now);
          if (!row) return false;
          claimed = row.id;
          await this.step(trx, row, now);
          return true;
        });
        if (!took) break;
        steps++;
      } catch (error) {
        if (!claimed) throw error;
        failed++;
        this.o.onError?.(error, claimed);
        await new EvidenceRequestsRepository(this.o.db).update(claimed, { next_step_at: new Date(now.getTime() + RETRY_FAILED_STEP_MS) });
      }
    }
    return { steps, failed };
  }

  private async create(
    trx: Kysely<Database>,
    r: { partnershipId: string; chairPersonId: string; forumId: string | null; trigger: 'schedule' | 'due_soon'; triggerKey: string },
    actionIds: string[],
    now: Date,
  ): Promise<boolean> {
    const id = await new EvidenceRequestsRepository(trx).create({ ...r, dueAt: this.afterInterval(now), now }, actionIds);
    if (!id) return false;
    await new AuditLogRepository(trx).append({
      partnershipId: r.partnershipId,
      ...BOT,
      action: 'evidence_request.create',
      entityType: 'evidence_request',
      entityId: id,
      detail: { chairPersonId: r.chairPersonId, trigger: r.trigger, triggerKey: r.triggerKey, actions: actionIds.length },
    });
    return true;
  }

  /** The request's next step, in the transaction that holds its row. */
  private async step(trx: Kysely<Database>, row: EvidenceRequestRow, now: Date): Promise<void> {
    const repo = new EvidenceRequestsRepository(trx);
    const audit = new AuditLogRepository(trx);
    const outbox = this.outboxOn(trx);
    const entry = (action: string, detail: Record<string, unknown>) =>
      audit.append({ partnershipId: row.partnershipId, ...BOT, action, entityType: 'evidence_request', entityId: row.id, detail });
    const key = (what: string) => `evidence-request:${row.id}:${what}`;
    const next = this.afterInterval(now);
    const view = await loadEvidenceView(repo, { ...row, dueAt: next }, now);

    // Nothing left to ask about (done, proposed complete, withdrawn, or no longer theirs): stop chasing.
    if (!view.actions.some((a) => a.editable && (ASKED_STATUSES as readonly string[]).includes(a.status))) {
      await repo.update(row.id, { status: 'cancelled', next_step_at: null });
      await entry('evidence_request.cancel', { reason: 'no actions left to do' });
      return;
    }

    const toChair = async (what: string, reminder: number) => {
      const activity = this.o.messages.request(view, { reminder, submissionId: randomUUID() });
      return outbox.enqueueToPerson({ partnershipId: row.partnershipId, personId: row.chairPersonId, idempotencyKey: key(what), activity });
    };

    if (row.status === 'scheduled') {
      const sent = await toChair('request', 0);
      await repo.update(row.id, { status: 'sent', sent_at: sent ? now : null, due_at: next, next_step_at: next });
      await entry('evidence_request.send', { delivered: sent !== undefined, outboxMessageId: sent?.message.id ?? null });
      return;
    }

    if (row.remindersSent < this.o.settings.remindersBeforeEscalation) {
      const n = row.remindersSent + 1;
      const sent = await toChair(`reminder:${n}`, n);
      await repo.update(row.id, { reminders_sent: n, sent_at: row.sentAt ?? (sent ? now : null), due_at: next, next_step_at: next });
      await entry('evidence_request.remind', { reminder: n, delivered: sent !== undefined, outboxMessageId: sent?.message.id ?? null });
      return;
    }

    const notified: string[] = [];
    const unreachable: string[] = [];
    const escalation = this.o.messages.escalation(view, { chairReached: row.sentAt !== null });
    for (const bm of await repo.businessManagers(row.partnershipId)) {
      const sent = await outbox.enqueueToPerson({ partnershipId: row.partnershipId, personId: bm.id, idempotencyKey: key(`escalation:${bm.id}`), activity: escalation });
      (sent ? notified : unreachable).push(bm.id);
    }
    await repo.update(row.id, { status: 'escalated', escalated_at: now, next_step_at: null });
    await entry('evidence_request.escalate', { remindersSent: row.remindersSent, chairReached: row.sentAt !== null, notified, unreachable });
  }

  private afterInterval(now: Date): Date {
    return new Date(now.getTime() + this.o.settings.reminderDays * DAY_MS);
  }
}

/** A request and its actions as they stand, for a card. */
export async function loadEvidenceView(repo: EvidenceRequestsRepository, row: EvidenceRequestRow, now: Date): Promise<EvidenceRequestView> {
  return {
    id: row.id,
    partnershipId: row.partnershipId,
    chairPersonId: row.chairPersonId,
    chairName: row.chairName,
    trigger: row.trigger,
    status: row.status,
    askedOn: ukCalendarDay(row.createdAt),
    answerBy: ukCalendarDay(row.dueAt),
    sentOn: row.sentAt ? ukCalendarDay(row.sentAt) : null,
    remindersSent: row.remindersSent,
    today: ukCalendarDay(now),
    actions: await repo.actionsOf(row),
  };
}
