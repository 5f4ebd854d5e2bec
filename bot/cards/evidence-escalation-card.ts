import { ACTION_STATUS_LABELS } from '../../src/domain/evidence-links.js';
import type { EvidenceRequestView } from '../../src/services/evidence-request-view.js';
import type { AdaptiveCard } from '../turn.js';
import { CARD_SCHEMA, cardDate, heading, plainText } from './card-text.js';

/**
 * To a business manager: a subgroup chair has not answered an evidence request after its
 * reminders, or could not be reached in Teams at all. Pure; it asks nothing of its reader.
 */
export function evidenceEscalationCard(view: EvidenceRequestView, options: { chairReached: boolean }): AdaptiveCard {
  const reminders = `${view.remindersSent} reminder${view.remindersSent === 1 ? '' : 's'}`;
  const why = options.chairReached
    ? `${view.chairName} has not answered the evidence request of ${cardDate(view.askedOn)}, after ${reminders}.`
    : `${view.chairName} could not be reached about the evidence request of ${cardDate(view.askedOn)}: they have not installed Line of Sight in Teams, or have blocked it.`;
  const body: unknown[] = [
    heading('Evidence request not answered'),
    plainText(why),
    plainText('Their actions still to report on:', { spacing: 'Medium', subtle: true }),
  ];
  for (const a of view.actions.filter((x) => x.editable)) {
    const due = a.dueDate ? `due ${cardDate(a.dueDate)}${a.dueDate < view.today ? ' (overdue)' : ''}` : 'no due date';
    body.push({
      type: 'Container',
      separator: true,
      items: [plainText(`${a.reference}: ${a.title}`), plainText(`${a.forumName ? `${a.forumName}, ` : ''}${due}: ${ACTION_STATUS_LABELS[a.status]}, ${a.percentComplete}% done`, { subtle: true })],
    });
  }
  body.push(plainText('Chase them directly, or update the tracker with what you know.', { spacing: 'Medium' }));
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', fallbackText: `Line of Sight: ${view.chairName} has not answered an evidence request.`, body };
}
