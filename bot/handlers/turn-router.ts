import type { TurnHandler } from '../turn.js';
import { conversationEventsHandler, type ConversationStore } from './conversation-events.js';
import { handleTurn, type CommandHandlers } from './message-handler.js';
import type { BotServices } from './bot-services.js';
import { challengeActionsHandler } from './challenge-actions.js';
import { evidenceActionsHandler, isEvidenceVerb } from './evidence-actions.js';
import { answerMyActions, answerMyChallenges } from './my-commands.js';

/** Sends each incoming activity to the handler for its kind. */
export function createTurnHandler(deps: { conversations: ConversationStore; now?: () => Date; services?: BotServices }): TurnHandler {
  const events = conversationEventsHandler(deps.conversations, deps.now);
  const services = deps.services;
  const cardActions = services && challengeActionsHandler(services);
  const evidenceActions = services && evidenceActionsHandler(services);
  const commands: CommandHandlers = services
    ? { 'my challenges': (t) => answerMyChallenges(t, services), 'my actions': (t) => answerMyActions(t, services) }
    : {};
  return async (turn) => {
    if (turn.activityType === 'installationUpdate' || turn.activityType === 'conversationUpdate') {
      await events(turn);
      return;
    }
    if (turn.activityType === 'invoke') {
      if (turn.name === 'adaptiveCard/action' && evidenceActions && isEvidenceVerb(turn)) await evidenceActions(turn);
      else if (turn.name === 'adaptiveCard/action' && cardActions) await cardActions(turn);
      return;
    }
    await handleTurn(turn, commands);
  };
}
