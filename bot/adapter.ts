import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
  TurnContext as TurnContextStatic,
} from 'botbuilder';
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

export function createBotEndpoint(handler: TurnHandler, options: BotEndpointOptions = {}) {
  const c = options.credentials;
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
  const adapter = new CloudAdapter(auth);
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

function toTurn(context: TurnContext): BotTurn {
  const a = context.activity;
  const text = a.text ? TurnContextStatic.removeRecipientMention(a) ?? a.text : '';
  const channelData = (a.channelData ?? {}) as { tenant?: { id?: string } };
  return {
    activityType: a.type,
    text: (text ?? '').replace(/<at>.*?<\/at>/g, '').trim(),
    from: { id: a.from?.id, name: a.from?.name, aadObjectId: a.from?.aadObjectId },
    conversation: { id: a.conversation?.id, conversationType: a.conversation?.conversationType, tenantId: a.conversation?.tenantId },
    tenantId: channelData.tenant?.id ?? a.conversation?.tenantId,
    async replyText(t) {
      await context.sendActivity(t);
    },
    async replyCard(card, fallbackText) {
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)], text: undefined, summary: fallbackText });
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
