import type { EvidenceMessages } from '../src/services/evidence-request-view.js';
import { cardDate } from './cards/card-text.js';
import { evidenceEscalationCard } from './cards/evidence-escalation-card.js';
import { evidenceRequestCard } from './cards/evidence-request-card.js';
import type { AdaptiveCard } from './turn.js';

/** A message carrying one Adaptive Card, as the outbox sends it (the attachment botbuilder's CardFactory makes). */
const cardMessage = (card: AdaptiveCard, summary: string) => ({
  type: 'message',
  summary,
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
});

/** The evidence request scheduler's messages: the cards, wrapped for the outbox. */
export const evidenceRequestMessages: EvidenceMessages = {
  request(view, { reminder, submissionId }) {
    const summary = `${reminder > 0 ? 'Reminder: p' : 'P'}lease update your actions by ${cardDate(view.answerBy)}`;
    return cardMessage(evidenceRequestCard(view, { reminder, submissionId }), summary);
  },
  escalation(view, options) {
    return cardMessage(evidenceEscalationCard(view, options), `${view.chairName} has not answered an evidence request`);
  },
};
