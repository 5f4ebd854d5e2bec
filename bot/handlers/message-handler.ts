import { helpCard } from '../cards/help-card.js';
import type { BotTurn } from '../turn.js';

/** A chat command beyond help ("my actions", "my challenges"), by its words in lower case. */
export type CommandHandlers = Record<string, (turn: BotTurn) => Promise<void>>;

/** Decides what to answer to a message (the @mention of the bot is already removed from its text). */
export async function handleTurn(turn: BotTurn, commands: CommandHandlers = {}): Promise<void> {
  if (turn.activityType !== 'message') return;
  const command = turn.text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (command === '' || command === 'help' || command === '?') {
    await turn.replyCard(helpCard(), 'Line of Sight: help');
    return;
  }
  const handler = Object.hasOwn(commands, command) ? commands[command] : undefined;
  if (handler) {
    await handler(turn);
    return;
  }
  await turn.replyCard(helpCard({ notUnderstood: turn.text }), 'Line of Sight: help');
}
