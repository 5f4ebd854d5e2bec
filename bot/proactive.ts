import type { ConversationRef } from '../src/storage/repositories/bot-conversations-repository.js';

/**
 * Sending a message into a conversation the bot was not just spoken to in. Our own shape,
 * so the outbox worker does not depend on botbuilder: adapter.ts implements it.
 *
 * `clientActivityId` is the outbox message's own id, sent as the activity's id: the same
 * message carries the same id on every attempt (see outbox-worker.ts for why).
 */
export type ProactiveSend = (
  reference: ConversationRef,
  activity: Record<string, unknown>,
  clientActivityId: string,
  options?: ProactiveSendOptions,
) => Promise<{ activityId: string }>;

export interface ProactiveSendOptions {
  /**
   * Awaited just before the request goes on the wire (after the connector client is built and
   * the request signed), so that a rate limiter counts the send when the connector will see it.
   * Throwing stops the send.
   */
  beforeWire?: () => Promise<void>;
}

/** The connector refused or failed a send. `status` is absent when no HTTP answer came. */
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
