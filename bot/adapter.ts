import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
  TurnContext as TurnContextStatic,
} from 'botbuilder';
import type { ConversationRef } from '../src/storage/repositories/bot-conversations-repository.js';
import { ConnectorError, type ProactiveSend, type ProactiveSendOptions } from './proactive.js';
import type { BotTurn, TurnHandler } from './turn.js';

/**
 * The only module that imports botbuilder. It turns an HTTP request on
 * /api/messages into a BotTurn for our handlers, and their replies into activities.
 */
export interface BotCredentialsInput {
  appId: string;
  password?: string;
  type: 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
}

export interface BotEndpointOptions {
  /** Absent in dev mode: the adapter then accepts unauthenticated activities (local tools only). */
  credentials?: BotCredentialsInput;
  onError?: (error: unknown) => void;
}

function createAdapter(c: BotCredentialsInput | undefined): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    c
      ? {
          MicrosoftAppId: c.appId,
          MicrosoftAppPassword: c.password ?? '',
          MicrosoftAppType: c.type,
          MicrosoftAppTenantId: c.tenantId ?? '',
        }
      : {},
  );
  return new CloudAdapter(auth);
}

export function createBotEndpoint(handler: TurnHandler, options: BotEndpointOptions = {}) {
  const adapter = createAdapter(options.credentials);
  adapter.onTurnError = async (context, error) => {
    options.onError?.(error);
    await context.sendActivity('Sorry, something went wrong on our side. Please try again.').catch(() => undefined);
  };

  return async (req: IncomingMessage & { body: unknown }, res: ServerResponse): Promise<void> => {
    await adapter.process(
      { body: req.body as Record<string, unknown>, headers: req.headers as Record<string, string>, method: req.method },
      responseShim(res),
      (context) => handler(toTurn(context)),
    );
  };
}

/** Our turn for one botbuilder context (exported for handler tests on botbuilder's TestAdapter). */
export function turnFromContext(context: TurnContext): BotTurn {
  return toTurn(context);
}

type TeamsChannelData = { tenant?: { id?: string }; eventType?: string; team?: { id?: string }; channel?: { id?: string } };
const member = (m: { id: string; name?: string; aadObjectId?: string }) => ({ id: m.id, name: m.name, aadObjectId: m.aadObjectId });

function toTurn(context: TurnContext): BotTurn {
  const a = context.activity;
  const text = a.text ? TurnContextStatic.removeRecipientMention(a) ?? a.text : '';
  const channelData = (a.channelData ?? {}) as TeamsChannelData;
  return {
    activityType: a.type,
    text: (text ?? '').replace(/<at>.*?<\/at>/g, '').trim(),
    from: { id: a.from?.id, name: a.from?.name, aadObjectId: a.from?.aadObjectId },
    conversation: { id: a.conversation?.id, conversationType: a.conversation?.conversationType, tenantId: a.conversation?.tenantId },
    tenantId: channelData.tenant?.id ?? a.conversation?.tenantId,
    serviceUrl: a.serviceUrl,
    bot: a.recipient ? { id: a.recipient.id, name: a.recipient.name } : undefined,
    action: a.action,
    membersAdded: a.membersAdded?.map(member),
    membersRemoved: a.membersRemoved?.map(member),
    teams: { eventType: channelData.eventType, teamId: channelData.team?.id, channelId: channelData.channel?.id },
    async replyText(t) {
      await context.sendActivity(t);
    },
    async replyCard(card, fallbackText) {
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)], text: undefined, summary: fallbackText });
    },
    name: a.name,
    value: a.value,
    replyToId: a.replyToId,
    async replyInvoke(status, body) {
      // botbuilder answers the invoke's HTTP request with this activity's value.
      await context.sendActivity({ type: 'invokeResponse', value: { status, body } });
    },
    async updateCard(activityId, card) {
      await context.updateActivity({ type: 'message', id: activityId, attachments: [CardFactory.adaptiveCard(card)] });
    },
  };
}

/** botbuilder writes through status/header/send/end; plain Node responses lack the first three. */
function responseShim(res: ServerResponse) {
  let status = 200;
  return {
    socket: res.socket,
    status(code: number) {
      status = code;
      return this;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return this;
    },
    send(body?: unknown) {
      if (res.headersSent) return this;
      if (body === undefined) {
        res.writeHead(status);
        return this;
      }
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      if (!res.getHeader('content-type')) res.setHeader('content-type', 'application/json; charset=utf-8');
      res.writeHead(status);
      res.write(text);
      return this;
    },
    end() {
      if (!res.headersSent) res.writeHead(status);
      res.end();
      return this;
    },
  };
}

/**
 * Sends proactive messages (the outbox's). The activity goes out with the outbox message's id
 * as its own (botbuilder's sendActivity drops a caller's id, so the connector client is called
 * directly), and connector failures come back as ConnectorError with the status and Retry-After.
 */
export function createProactiveSender(options: { credentials?: BotCredentialsInput } = {}): ProactiveSend {
  const adapter = createAdapter(options.credentials);
  const appId = options.credentials?.appId ?? '';
  return async (ref: ConversationRef, activity: Record<string, unknown>, clientActivityId: string, sendOptions: ProactiveSendOptions = {}) => {
    let activityId = '';
    const reference = {
      channelId: 'msteams',
      serviceUrl: ref.serviceUrl,
      bot: { id: ref.botId, name: '' },
      conversation: { id: ref.conversationId, conversationType: ref.conversationType, tenantId: ref.tenantId, isGroup: ref.conversationType !== 'personal', name: '' },
    };
    try {
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        const client = context.turnState.get(adapter.ConnectorClientKey) as {
          conversations: { sendToConversation(id: string, activity: Record<string, unknown>): Promise<{ id?: string }> };
          client?: { pipeline?: Pipeline };
        };
        const pipeline = client.client?.pipeline;
        // No retries inside the connector client (it would retry 429s itself, outside our rate
        // limits and unseen): the outbox decides when to try again.
        pipeline?.removePolicy({ phase: 'Retry' });
        const beforeWire = sendOptions.beforeWire;
        if (beforeWire) {
          if (!pipeline) throw new Error('the connector client has no pipeline to rate-limit');
          pipeline.addPolicy({ name: 'losBeforeWire', sendRequest: async (request, next) => (await beforeWire(), next(request)) });
        }
        const outgoing = {
          ...activity,
          type: (activity.type as string | undefined) ?? 'message',
          id: clientActivityId,
          channelId: 'msteams',
          serviceUrl: ref.serviceUrl,
          from: reference.bot,
          conversation: reference.conversation,
          channelData: { ...((activity.channelData as object | undefined) ?? {}), tenant: { id: ref.tenantId } },
        };
        const r = await client.conversations.sendToConversation(ref.conversationId, outgoing);
        activityId = r.id ?? '';
      });
    } catch (error) {
      throw toConnectorError(error);
    }
    return { activityId };
  };
}

/** The part of @azure/core-rest-pipeline's Pipeline we use (the connector client's own). */
interface Pipeline {
  removePolicy(o: { phase: string }): unknown;
  addPolicy(policy: { name: string; sendRequest(request: unknown, next: (request: unknown) => Promise<unknown>): Promise<unknown> }): void;
}

function toConnectorError(error: unknown): ConnectorError {
  const e = error as { statusCode?: number; message?: string; response?: { headers?: { get?(n: string): string | undefined } | Record<string, string> } };
  const headers = e.response?.headers;
  const raw = headers && typeof (headers as { get?: unknown }).get === 'function'
    ? (headers as { get(n: string): string | undefined }).get('retry-after')
    : (headers as Record<string, string> | undefined)?.['retry-after'];
  return new ConnectorError(e.message ?? String(error), e.statusCode, parseRetryAfter(raw));
}

/** Retry-After is seconds or an HTTP date. */
function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
