import { ACTION_STATUS_LABELS, CHAIR_SETTABLE_STATUSES } from '../../src/domain/evidence-links.js';
import { type EvidenceActionView, evidenceInputId, type EvidenceRequestView } from '../../src/services/evidence-request-view.js';
import type { AdaptiveCard } from '../turn.js';
import { CARD_SCHEMA, cardDate, heading, noticeText, plainText } from './card-text.js';

/** The verbs of an evidence request card's Universal Actions, handled in bot/handlers/evidence-actions.ts. */
export const EVIDENCE_VERBS = { submit: 'evidence.submit' } as const;
export type EvidenceVerb = (typeof EVIDENCE_VERBS)[keyof typeof EVIDENCE_VERBS];

export interface EvidenceRequestCardOptions {
  /** A fresh id for the submission this card may send, so that Teams' repeated invoke records it once. */
  submissionId: string;
  /** 0 for the request itself, n for its n-th reminder. */
  reminder?: number;
  /** A line for the chair: the confirmation, or why nothing was saved; `lines` detail it. */
  notice?: { text: string; tone: 'good' | 'attention'; lines?: string[] };
  /** Why an input was refused, by input id ("evidence:<action id>"). */
  problems?: Record<string, string>;
  /** What the chair typed, by input id, to give back after a refusal. */
  values?: Record<string, string>;
}

const CHOICE_TITLES: Record<(typeof CHAIR_SETTABLE_STATUSES)[number], string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  proposed_complete: 'Proposed complete (for sign-off)',
};

/** Red text the card itself writes about something the chair typed: literal, as a TextRun. */
const attention = (text: string) => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, color: 'Attention' }] });

/**
 * The card asking a subgroup chair to update their actions (Adaptive Card 1.5, Universal Actions).
 * Pure: no I/O. For each action the chair may still update: a status (never "complete": that is
 * sign-off), per cent done, a comment and a SharePoint link; one Action.Execute sends them all.
 */
export function evidenceRequestCard(view: EvidenceRequestView, options: EvidenceRequestCardOptions): AdaptiveCard {
  const reminder = options.reminder ?? 0;
  const dueSoon = view.trigger === 'due_soon' ? view.actions[0] : undefined;
  // Headings are TextBlocks (read as markdown): they hold only the card's own words.
  const title = dueSoon?.dueDate ? 'an action is due soon' : 'evidence update requested';
  const body: unknown[] = [heading(reminder > 0 ? `Reminder ${reminder}: ${title}` : title.charAt(0).toUpperCase() + title.slice(1))];

  const what = dueSoon?.dueDate ? `${dueSoon.reference} is due on ${cardDate(dueSoon.dueDate)}. Please update it` : 'Please update your open actions';
  body.push(
    plainText(`${view.chairName}: ${what} by ${cardDate(view.answerBy)}, with where each stands, a comment, and a link to the evidence in SharePoint.`),
    plainText('You can propose completion here; the scrutineer or business manager signs it off.', { subtle: true }),
  );
  if (reminder > 0) body.push(plainText(`First asked on ${cardDate(view.askedOn)}.`, { subtle: true }));

  if (options.notice) {
    body.push(noticeText(options.notice.text, options.notice.tone, { bold: true }));
    for (const line of options.notice.lines ?? []) body.push(plainText(line));
  }

  for (const a of view.actions) body.push(actionSection(view, a, options));

  const editable = view.actions.some((a) => a.editable);
  if (!editable) body.push(plainText('None of these actions is open to you any more: nothing to update here.', { subtle: true, spacing: 'Medium' }));
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    fallbackText: `Line of Sight: please update your actions by ${cardDate(view.answerBy)}.`,
    body,
    ...(editable
      ? {
          actions: [
            {
              type: 'Action.Execute',
              title: 'Send update',
              verb: EVIDENCE_VERBS.submit,
              style: 'positive',
              associatedInputs: 'auto',
              data: { verb: EVIDENCE_VERBS.submit, requestId: view.id, submissionId: options.submissionId },
            },
          ],
        }
      : {}),
  };
}

function actionSection(view: EvidenceRequestView, a: EvidenceActionView, options: EvidenceRequestCardOptions) {
  const overdue = a.dueDate !== null && a.dueDate < view.today && a.status !== 'complete' && a.status !== 'withdrawn';
  const due = a.dueDate ? `due ${cardDate(a.dueDate)}${overdue ? ' (overdue)' : ''}` : 'no due date';
  const items: unknown[] = [
    plainText(`${a.reference}: ${a.title}`),
    plainText(`${a.forumName ? `${a.forumName}, ` : ''}${due}: ${ACTION_STATUS_LABELS[a.status]}, ${a.percentComplete}% done`, { subtle: true }),
  ];
  if (a.evidence.length > 0) items.push(plainText(`Evidence so far: ${a.evidence.map((e) => e.title).join('; ')}`, { subtle: true }));
  if (!a.editable) {
    items.push(plainText('Signed off, withdrawn, or no longer yours: nothing to update.', { subtle: true }));
    return { type: 'Container', separator: true, spacing: 'Large', items };
  }

  const id = (f: Parameters<typeof evidenceInputId>[0]) => evidenceInputId(f, a.id);
  const typed = (f: Parameters<typeof evidenceInputId>[0]) => options.values?.[id(f)];
  const problem = (f: Parameters<typeof evidenceInputId>[0]) => (options.problems?.[id(f)] ? [attention(options.problems[id(f)]!)] : []);
  const status = typed('status') ?? a.status;
  const percent = Number(typed('percent') ?? a.percentComplete);
  items.push(
    {
      type: 'Input.ChoiceSet',
      id: id('status'),
      label: `Status of ${a.reference}`,
      style: 'compact',
      isRequired: true,
      errorMessage: 'Choose where this action stands.',
      ...((CHAIR_SETTABLE_STATUSES as readonly string[]).includes(status) ? { value: status } : {}),
      choices: CHAIR_SETTABLE_STATUSES.map((s) => ({ title: CHOICE_TITLES[s], value: s })),
    },
    ...problem('status'),
    {
      type: 'Input.Number',
      id: id('percent'),
      label: `Per cent done (${a.reference})`,
      min: 0,
      max: 100,
      ...(Number.isFinite(percent) ? { value: percent } : {}),
      errorMessage: 'A whole number from 0 to 100.',
    },
    ...problem('percent'),
    {
      type: 'Input.Text',
      id: id('comment'),
      label: `Comment on ${a.reference}`,
      isMultiline: true,
      maxLength: 2000,
      placeholder: 'What has been done, and what happens next',
      ...(typed('comment') ? { value: typed('comment') } : {}),
    },
    ...problem('comment'),
    {
      type: 'Input.Text',
      id: id('evidence'),
      label: `Link to the evidence in SharePoint (${a.reference})`,
      style: 'Url',
      maxLength: 2000,
      placeholder: 'https://yourorganisation.sharepoint.com/…',
      ...(typed('evidence') ? { value: typed('evidence') } : {}),
    },
    ...problem('evidence'),
  );
  return { type: 'Container', separator: true, spacing: 'Large', items };
}
