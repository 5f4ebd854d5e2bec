import type { OwnedAction } from '../../src/storage/repositories/actions-repository.js';
import type { AdaptiveCard } from '../turn.js';
import { CARD_SCHEMA, cardDate, heading, plainText } from './card-text.js';

const STATUS = { not_started: 'not started', in_progress: 'in progress', proposed_complete: 'proposed complete', complete: 'complete', withdrawn: 'withdrawn' } as const;

/** The answer to "my actions": the person's open actions, soonest due first. Pure. */
export function myActionsCard(actions: OwnedAction[], today: string): AdaptiveCard {
  const body: unknown[] = [heading('My actions')];
  if (actions.length === 0) {
    body.push({ type: 'TextBlock', wrap: true, text: 'You own no open actions. Actions assigned to you in the tracker appear here, with their due dates.' });
  }
  for (const a of actions) {
    const overdue = a.dueDate !== null && a.dueDate < today;
    const due = a.dueDate ? `due ${cardDate(a.dueDate)}${overdue ? ' (overdue)' : ''}` : 'no due date';
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [plainText(`${a.reference}: ${a.title}`), plainText(`${STATUS[a.status]}, ${a.percentComplete}% done, ${due}`, { subtle: true })],
    });
  }
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', body };
}
