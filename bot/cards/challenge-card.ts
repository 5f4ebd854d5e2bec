import type { Challenge } from '../../src/contract/challenges.js';
import type { ChallengeStatus } from '../../src/domain/vocabulary.js';
import type { AdaptiveCard } from '../turn.js';
import { CARD_SCHEMA, cardDate, cardDateTime, escapeMarkdown, heading, noticeText, plainText } from './card-text.js';

/** The verbs of a challenge card's Universal Actions (Action.Execute), each handled in bot/handlers/challenge-actions.ts. */
export const CHALLENGE_VERBS = {
  answer: 'challenge.answer',
  followUp: 'challenge.followUp',
  accept: 'challenge.accept',
  escalate: 'challenge.escalate',
  refresh: 'challenge.refresh',
} as const;
export type ChallengeVerb = (typeof CHALLENGE_VERBS)[keyof typeof CHALLENGE_VERBS];

/** The ids of the card's inputs, which come back in the invoke's data. */
export const CHALLENGE_INPUTS = { answer: 'answer', followUp: 'followUp', outcome: 'outcome', impact: 'impact', reason: 'escalationReason' } as const;

export type ChallengeViewer = 'addressee' | 'scrutineer' | 'other';

export interface ChallengeCardOptions {
  /** Whose view this is: the addressee and the scrutineer get controls, everyone else reads. */
  viewer: ChallengeViewer;
  /** Teams user ids (MRIs) who get their own view on refresh: the addressee's and the scrutineer's. */
  refreshUserIds: string[];
  /** A fresh id for the response this view may submit, so that Teams' retries record it once. */
  responseId?: string;
  /** A line for this viewer only, e.g. "Your answer was sent." or why a submission was refused. */
  notice?: { text: string; tone: 'good' | 'attention' };
}

const STATUS_LABELS: Record<ChallengeStatus, string> = {
  open: 'Waiting for an answer',
  answered: 'Answered',
  follow_up: 'Follow-up asked',
  accepted: 'Accepted',
  escalated: 'Escalated',
  closed: 'Closed',
};
const KIND_LABELS = { answer: 'answered', follow_up: 'asked a follow-up', decision: 'decided' } as const;
const CLOSED: readonly ChallengeStatus[] = ['accepted', 'escalated', 'closed'];

/**
 * The card for one challenge (Adaptive Card 1.5, Universal Actions). Pure: no I/O.
 * Everyone in the conversation sees the question and the answers so far; the addressee and the
 * scrutineer are listed in refresh.userIds, so Teams asks the bot for their own view, with controls.
 */
export function challengeCard(c: Challenge, options: ChallengeCardOptions): AdaptiveCard {
  const data = (verb: ChallengeVerb, extra: Record<string, unknown> = {}) => ({ verb, challengeId: c.id, ...extra });
  const open = !CLOSED.includes(c.status);
  const body: unknown[] = [
    heading('Challenge'),
    {
      type: 'FactSet',
      facts: [
        { title: 'From', value: escapeMarkdown(c.raisedBy.name) },
        { title: 'To', value: escapeMarkdown(c.addressee.agencyName && c.addressee.personId ? `${c.addressee.name} (${c.addressee.agencyName})` : c.addressee.name) },
        ...(c.dueDate ? [{ title: 'Due', value: `${cardDate(c.dueDate)}${c.overdue ? ' (overdue)' : ''}` }] : []),
        ...(c.forumName ? [{ title: 'Forum', value: escapeMarkdown(c.forumName) }] : []),
        { title: 'Status', value: STATUS_LABELS[c.status] },
      ],
    },
    plainText(c.question, { spacing: 'Medium' }),
  ];
  if (c.outcome) body.push({ type: 'TextBlock', text: 'Outcome', weight: 'Bolder', wrap: true, spacing: 'Medium' }, plainText(c.outcome));
  if (c.impact) body.push({ type: 'TextBlock', text: 'Impact', weight: 'Bolder', wrap: true }, plainText(c.impact));

  if (c.responses.length > 0) {
    body.push({ type: 'TextBlock', text: `Responses (${c.responses.length})`, weight: 'Bolder', wrap: true, spacing: 'Medium', style: 'heading' });
    for (const r of c.responses) {
      body.push({
        type: 'Container',
        separator: true,
        items: [plainText(`${r.authorName} ${KIND_LABELS[r.kind]}, ${cardDateTime(r.createdAt)}`, { subtle: true }), plainText(r.body)],
      });
    }
  } else {
    body.push({ type: 'TextBlock', text: 'No answer yet.', isSubtle: true, wrap: true, spacing: 'Medium' });
  }

  if (options.notice) {
    body.push(noticeText(options.notice.text, options.notice.tone));
  }

  const actions: unknown[] = [];
  const responseId = options.responseId ? { responseId: options.responseId } : {};
  if (open && options.viewer === 'addressee') {
    body.push({
      type: 'Input.Text',
      id: CHALLENGE_INPUTS.answer,
      label: 'Your answer',
      isMultiline: true,
      isRequired: true,
      maxLength: 10000,
      errorMessage: 'Write your answer before sending it.',
      spacing: 'Medium',
    });
    actions.push({ type: 'Action.Execute', title: 'Send answer', verb: CHALLENGE_VERBS.answer, style: 'positive', associatedInputs: 'auto', data: data(CHALLENGE_VERBS.answer, responseId) });
  }
  if (open && options.viewer === 'scrutineer') {
    body.push({
      type: 'Input.Text',
      id: CHALLENGE_INPUTS.followUp,
      label: 'Follow-up question',
      isMultiline: true,
      maxLength: 10000,
      spacing: 'Medium',
    });
    // Each decision asks for its own words on a sub-card, so a stray click decides nothing.
    const decisionCard = (inputs: unknown[], title: string, verb: ChallengeVerb, style: string) => ({
      type: 'AdaptiveCard',
      body: inputs,
      actions: [{ type: 'Action.Execute', title, verb, style, associatedInputs: 'auto', data: data(verb, responseId) }],
    });
    actions.push(
      { type: 'Action.Execute', title: 'Ask a follow-up', verb: CHALLENGE_VERBS.followUp, associatedInputs: 'auto', data: data(CHALLENGE_VERBS.followUp, responseId) },
      {
        type: 'Action.ShowCard',
        title: 'Accept…',
        card: decisionCard(
          [
            { type: 'Input.Text', id: CHALLENGE_INPUTS.outcome, label: 'Outcome: what the answer showed, or what will change', isMultiline: true, isRequired: true, maxLength: 4000, errorMessage: 'Say what the outcome is before accepting.' },
            { type: 'Input.Text', id: CHALLENGE_INPUTS.impact, label: 'Impact on children and families, if known', isMultiline: true, maxLength: 4000 },
          ],
          'Accept and close',
          CHALLENGE_VERBS.accept,
          'positive',
        ),
      },
      {
        type: 'Action.ShowCard',
        title: 'Escalate…',
        card: decisionCard(
          [{ type: 'Input.Text', id: CHALLENGE_INPUTS.reason, label: 'Why it is escalated', isMultiline: true, isRequired: true, maxLength: 4000, errorMessage: 'Say why before escalating.' }],
          'Escalate',
          CHALLENGE_VERBS.escalate,
          'destructive',
        ),
      },
    );
  }

  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    fallbackText: `Challenge from ${c.raisedBy.name}: ${c.question.slice(0, 200)}`,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    refresh: {
      action: { type: 'Action.Execute', title: 'Refresh', verb: CHALLENGE_VERBS.refresh, data: data(CHALLENGE_VERBS.refresh) },
      userIds: options.refreshUserIds,
    },
  };
}
