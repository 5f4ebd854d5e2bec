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

export interface BotTurn {
  activityType: string;
  /** Message text with any @mention of the bot removed, trimmed. */
  text: string;
  from: { id: string; name?: string; aadObjectId?: string };
  conversation: { id: string; conversationType?: string; tenantId?: string };
  tenantId?: string;
  replyText(text: string): Promise<void>;
  replyCard(card: AdaptiveCard, fallbackText: string): Promise<void>;
}

export type TurnHandler = (turn: BotTurn) => Promise<void>;
