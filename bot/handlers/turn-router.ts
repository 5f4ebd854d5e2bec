import type { TurnHandler } from '../turn.js';
import { conversationEventsHandler, type ConversationStore } from './conversation-events.js';
import { handleTurn } from './message-handler.js';

/** Sends each incoming activity to the handler for its kind. */
export function createTurnHandler(deps: { conversations: ConversationStore; now?: () => Date }): TurnHandler {
  const events = conversationEventsHandler(deps.conversations, deps.now);
  return async (turn) => {
    if (turn.activityType === 'installationUpdate' || turn.activityType === 'conversationUpdate') {
      await events(turn);
      return;
    }
    await handleTurn(turn);
  };
}
