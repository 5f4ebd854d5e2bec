import { helpCard } from '../cards/help-card.js';
import type { BotTurn } from '../turn.js';

/** Decides what to answer to a message. The commands beyond help arrive with the bot issue. */
export async function handleTurn(turn: BotTurn): Promise<void> {
  if (turn.activityType !== 'message') return;
  const command = turn.text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (command === '' || command === 'help' || command === '?') {
    await turn.replyCard(helpCard(), 'Line of Sight: help');
    return;
  }
  await turn.replyCard(helpCard({ notUnderstood: turn.text }), 'Line of Sight: help');
}
