import type { AdaptiveCard } from '../turn.js';

export const BOT_COMMANDS = [
  { command: 'my actions', description: 'The actions you own, with their due dates and RAG.' },
  { command: 'my challenges', description: 'Challenges addressed to you or raised by you.' },
  { command: 'help', description: 'What Line of Sight can do here.' },
] as const;

/** The help card: what the bot does and the commands it answers. Pure: no I/O. */
export function helpCard(options: { notUnderstood?: string } = {}): AdaptiveCard {
  const body: unknown[] = [];
  if (options.notUnderstood) {
    // Their words are shown literally (a TextRun is not read as markdown).
    body.push({
      type: 'RichTextBlock',
      inlines: [{ type: 'TextRun', text: `I didn't understand "${options.notUnderstood.slice(0, 80)}".`, color: 'Attention' }],
    });
  }
  body.push(
    { type: 'TextBlock', text: 'Line of Sight', weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
    {
      type: 'TextBlock',
      text: 'Independent scrutiny for your safeguarding children partnership. I bring challenges and evidence requests to you here, and you can answer them in the card.',
      wrap: true,
    },
    {
      type: 'FactSet',
      facts: BOT_COMMANDS.map((c) => ({ title: c.command, value: c.description })),
    },
  );
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body };
}
