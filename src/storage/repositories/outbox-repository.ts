import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Updateable } from 'kysely';
import type { Database, OutboxMessagesTable, OutboxStatus } from '../schema.js';
import type { ConversationRef } from './bot-conversations-repository.js';

export interface OutboxMessage {
  id: string;
  partnershipId: string;
  idempotencyKey: string;
  reference: ConversationRef;
  activity: Record<string, unknown>;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  lastError: string | null;
  sentActivityId: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

export interface NewOutboxMessage {
  partnershipId: string;
  idempotencyKey: string;
  reference: ConversationRef;
  activity: Record<string, unknown>;
  notBefore?: Date;
}

/**
 * The outbox's SQL. Every state change after a claim is conditional on the claiming
 * worker still holding the lease, so a worker that lost its lease cannot overwrite
 * the outcome recorded by the one that took over.
 */
export class OutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts the message unless its key is already there; either way returns the stored row. */
  async enqueue(m: NewOutboxMessage, now: Date): Promise<{ message: OutboxMessage; created: boolean }> {
    const id = randomUUID();
    const inserted = await this.db
      .insertInto('outbox_messages')
      .values({
        id,
        partnership_id: m.partnershipId,
        idempotency_key: m.idempotencyKey,
        bot_conversation_id: m.reference.botConversationId ?? null,
        conversation_id: m.reference.conversationId,
        tenant_id: m.reference.tenantId,
        reference: JSON.stringify(m.reference),
        payload: JSON.stringify(m.activity),
        next_attempt_at: m.notBefore ?? now,
        locked_until: null,
        locked_by: null,
        last_error: null,
        sent_activity_id: null,
        sent_at: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    const message = await this.findByKey(m.idempotencyKey);
    if (!message) throw new Error(`outbox message ${m.idempotencyKey} vanished after enqueue`);
    return { message, created: inserted !== undefined };
  }

  async findByKey(idempotencyKey: string): Promise<OutboxMessage | undefined> {
    const row = await this.db.selectFrom('outbox_messages').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
    return row && toMessage(row);
  }

  /**
   * Takes up to `limit` due messages for one worker: pending ones whose time has come, and
   * ones left 'sending' by a worker whose lease ran out (it crashed). SKIP LOCKED lets several
   * instances claim side by side without waiting on, or taking, each other's rows.
   */
  async claimDue(workerId: string, now: Date, leaseMs: number, limit: number): Promise<OutboxMessage[]> {
    const lockedUntil = new Date(now.getTime() + leaseMs);
    return this.db.transaction().execute(async (trx) => {
      const due = await sql<{ id: string }>`
        SELECT id FROM outbox_messages
        WHERE status IN ('pending','sending') AND next_attempt_at <= ${now}
          AND (locked_until IS NULL OR locked_until <= ${now})
        ORDER BY next_attempt_at, created_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED`.execute(trx);
      if (due.rows.length === 0) return [];
      const rows = await trx
        .updateTable('outbox_messages')
        .set((eb) => ({ status: 'sending', locked_until: lockedUntil, locked_by: workerId, attempts: eb('attempts', '+', 1), updated_at: now }))
        .where('id', 'in', due.rows.map((r) => r.id))
        .returningAll()
        .execute();
      return rows.map(toMessage).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
    });
  }

  async markSent(id: string, workerId: string, activityId: string, now: Date): Promise<boolean> {
    return this.finish(id, workerId, { status: 'sent', sent_activity_id: activityId, sent_at: now, last_error: null, updated_at: now });
  }

  /** Back to pending, to be tried again at `at`. */
  async reschedule(id: string, workerId: string, at: Date, error: string, now: Date): Promise<boolean> {
    return this.finish(id, workerId, { status: 'pending', next_attempt_at: at, last_error: error, updated_at: now });
  }

  /** Back to pending untried: the attempt the claim counted is given back. */
  async defer(id: string, workerId: string, at: Date, now: Date): Promise<boolean> {
    const r = await this.db
      .updateTable('outbox_messages')
      .set({ status: 'pending', next_attempt_at: at, attempts: sql<number>`greatest(attempts - 1, 0)`, locked_until: null, locked_by: null, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async markFailed(id: string, workerId: string, error: string, now: Date): Promise<boolean> {
    return this.finish(id, workerId, { status: 'failed', last_error: error, updated_at: now });
  }

  async markUnreachable(id: string, workerId: string, error: string, now: Date): Promise<boolean> {
    return this.finish(id, workerId, { status: 'unreachable', last_error: error, updated_at: now });
  }

  /** Messages that could not be delivered, newest first: what the business manager is shown. */
  async listUndelivered(partnershipId: string, limit = 200): Promise<OutboxMessage[]> {
    const rows = await this.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('partnership_id', '=', partnershipId)
      .where('status', 'in', ['unreachable', 'failed'])
      .orderBy('updated_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toMessage);
  }

  async countByStatus(partnershipId?: string): Promise<Record<OutboxStatus, number>> {
    let q = this.db.selectFrom('outbox_messages').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status');
    if (partnershipId) q = q.where('partnership_id', '=', partnershipId);
    const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, unreachable: 0 };
    for (const r of await q.execute()) counts[r.status] = Number(r.n);
    return counts;
  }

  private async finish(id: string, workerId: string, set: Updateable<OutboxMessagesTable>): Promise<boolean> {
    const r = await this.db
      .updateTable('outbox_messages')
      .set({ ...set, locked_until: null, locked_by: null })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}

function toMessage(r: {
  id: string;
  partnership_id: string;
  idempotency_key: string;
  reference: unknown;
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Date;
  locked_until: Date | null;
  last_error: string | null;
  sent_activity_id: string | null;
  sent_at: Date | null;
  created_at: Date;
}): OutboxMessage {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    idempotencyKey: r.idempotency_key,
    reference: r.reference as ConversationRef,
    activity: r.payload as Record<string, unknown>,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lockedUntil: r.locked_until,
    lastError: r.last_error,
    sentActivityId: r.sent_activity_id,
    sentAt: r.sent_at,
    createdAt: r.created_at,
  };
}
