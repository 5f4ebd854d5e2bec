/**
 * What a bot handler sees of one incoming activity, and how it answers.
 * Our own small shape, so that handlers do not depend on botbuilder
 * (archived upstream): a move to the Teams SDK changes adapter.ts only.
 */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

export interface TurnMember {
  id: string;
  name?: string;
  aadObjectId?: string;
}

export interface BotTurn {
  activityType: string;
  /** Message text with any @mention of the bot removed, trimmed. */
  text: string;
  from: { id: string; name?: string; aadObjectId?: string };
  conversation: { id: string; conversationType?: string; tenantId?: string };
  tenantId?: string;
  /** Where to reach this conversation later (proactive messages). */
  serviceUrl?: string;
  /** The bot as addressed in this conversation (the activity's recipient). */
  bot?: { id: string; name?: string };
  /** installationUpdate: 'add' or 'remove' (Teams also sends 'add-upgrade' and 'remove-upgrade'). */
  action?: string;
  /** conversationUpdate: who joined or left; the bot itself among them when it was added or removed. */
  membersAdded?: TurnMember[];
  membersRemoved?: TurnMember[];
  /** Teams' channelData: the event, and the team and channel of the conversation. */
  teams?: { eventType?: string; teamId?: string; channelId?: string };
  /** invoke: its name (e.g. 'adaptiveCard/action') and value (for a Universal Action: { action: { verb, data } }). */
  name?: string;
  value?: unknown;
  replyText(text: string): Promise<void>;
  replyCard(card: AdaptiveCard, fallbackText: string): Promise<void>;
  /** The message this activity answers; for a card's invoke, the message that carries the card. */
  replyToId?: string;
  /** Answers an invoke: the HTTP response to Teams, with this status and body. */
  replyInvoke(status: number, body: unknown): Promise<void>;
  /** Replaces the card of a message the bot sent in this conversation (what everyone else sees). */
  updateCard(activityId: string, card: AdaptiveCard): Promise<void>;
}

export type TurnHandler = (turn: BotTurn) => Promise<void>;
