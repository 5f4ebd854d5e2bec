import type { Challenge } from '../../src/contract/challenges.js';
import type { AdaptiveCard } from '../turn.js';
import { CARD_SCHEMA, cardDate, heading, plainText } from './card-text.js';

export interface MyChallenge {
  challenge: Challenge;
  /** How the person stands to it: it is addressed to them, or they raised it. */
  as: 'addressee' | 'scrutineer';
}

const LONG = 300;
const STATUS = { open: 'waiting for an answer', answered: 'answered', follow_up: 'follow-up asked', accepted: 'accepted', escalated: 'escalated', closed: 'closed' } as const;

/** The answer to "my challenges": the open challenges addressed to the person or raised by them. Pure. */
export function myChallengesCard(items: MyChallenge[]): AdaptiveCard {
  const body: unknown[] = [heading('My challenges')];
  if (items.length === 0) {
    body.push({
      type: 'TextBlock',
      wrap: true,
      text: 'You have no open challenges. When the scrutineer sends you one, it appears here and in this chat, and you can answer it in the card.',
    });
  }
  for (const { challenge: c, as } of items) {
    const question = c.question.length > LONG ? `${c.question.slice(0, LONG - 1)}…` : c.question;
    const who = as === 'addressee' ? `From ${c.raisedBy.name}` : `To ${c.addressee.name}`;
    const due = c.dueDate ? `, due ${cardDate(c.dueDate)}${c.overdue ? ' (overdue)' : ''}` : '';
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [plainText(question), plainText(`${who}${due}: ${STATUS[c.status]}`, { subtle: true })],
    });
  }
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', body };
}
