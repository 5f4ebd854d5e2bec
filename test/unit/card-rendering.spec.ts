// @vitest-environment jsdom
/**
 * Every card the bot sends, read by Microsoft's Adaptive Cards renderer (adaptivecards 3.0.6): no parse
 * warnings, nothing the renderer's validation refuses, every input with an id, and every action one the
 * bot routes, carrying the data its handler reads (the handler's own verbs and data schema).
 */
import { describe, expect, it } from 'vitest';
import { challengeCard, type ChallengeCardOptions, type ChallengeViewer } from '../../bot/cards/challenge-card.js';
import { BOT_COMMANDS, helpCard } from '../../bot/cards/help-card.js';
import { myActionsCard } from '../../bot/cards/my-actions-card.js';
import { myChallengesCard } from '../../bot/cards/my-challenges-card.js';
import { ChallengeActionData, HANDLED_VERBS, VERB_INPUTS } from '../../bot/handlers/challenge-actions.js';
import { evidenceEscalationCard } from '../../bot/cards/evidence-escalation-card.js';
import { evidenceRequestCard } from '../../bot/cards/evidence-request-card.js';
import { EVIDENCE_HANDLED_VERBS, EvidenceActionData } from '../../bot/handlers/evidence-actions.js';
import { sampleEvidenceAction, sampleEvidenceRequest } from '../support/evidence-fixtures.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import type { Challenge } from '../../src/contract/challenges.js';
import { sampleChallenge } from '../support/challenge-fixtures.js';
import { renderCard, type RenderedCard } from '../support/adaptive-card-renderer.js';

// ---- the builders' real inputs -------------------------------------------------------------------

const QUESTION = sampleChallenge().question;
const challenge = (overrides: Partial<Challenge> = {}): Challenge => sampleChallenge(overrides);
const answer = { id: '55555555-5555-4555-8555-555555555555', authorName: 'Pat Partner', kind: 'answer', body: 'By March, from the new feed.', createdAt: '2026-11-21T09:00:00.000Z' } as const;
const followUp = { id: '66666666-6666-4666-8666-666666666666', authorName: 'Sam Scrutineer', kind: 'follow_up', body: 'Which feed, and who owns it?', createdAt: '2026-11-22T09:30:00.000Z' } as const;
const decision = { id: '77777777-7777-4777-8777-777777777777', authorName: 'Sam Scrutineer', kind: 'decision', body: 'Accepted: the plan is credible.', createdAt: '2026-11-23T11:00:00.000Z' } as const;

const STATES: Record<string, Challenge> = {
  open: challenge(),
  answered: challenge({ status: 'answered', responses: [answer] }),
  'with a follow-up': challenge({ status: 'follow_up', responses: [answer, followUp], forumName: 'Health sub-group', dueDate: '2026-11-01', overdue: true }),
  accepted: challenge({ status: 'accepted', responses: [answer, decision], outcome: 'The feed is live in March.', impact: 'Health data is current.' }),
};
const OPEN_STATES = ['open', 'answered', 'with a follow-up'];
const VIEWERS: ChallengeViewer[] = ['addressee', 'scrutineer', 'other'];
const refreshUserIds = ['8:orgid:aaaa', '8:orgid:bbbb'];
const RESPONSE_ID = '33333333-3333-4333-8333-333333333333';
/** As the handler builds each view: a responseId for the addressee's and the scrutineer's, none for the shared card. */
const view = (c: Challenge, viewer: ChallengeViewer, extra: Partial<ChallengeCardOptions> = {}) =>
  challengeCard(c, { viewer, refreshUserIds, ...(viewer === 'other' ? {} : { responseId: RESPONSE_ID }), ...extra });

interface Case {
  name: string;
  json: AdaptiveCard;
}
const challengeCases = Object.entries(STATES).flatMap(([state, c]) =>
  VIEWERS.map((viewer) => ({ name: `challenge card, ${state}, ${viewer} view`, json: view(c, viewer), state, viewer, challenge: c })),
);
const SUBMISSION_ID = '88888888-8888-4888-8888-888888888888';
const CASES: Case[] = [
  ...challengeCases,
  { name: 'challenge card, with a "sent" notice', json: view(STATES.answered!, 'addressee', { notice: { text: 'Your answer was sent.', tone: 'good' } }) },
  { name: 'challenge card, with a refusal notice', json: view(STATES.open!, 'scrutineer', { notice: { text: 'Nothing was sent.', tone: 'attention' } }) },
  { name: 'challenge card, to someone outside Line of Sight', json: view(challenge({ addressee: { personId: null, name: 'Chief Constable', agencyName: null } }), 'other') },
  { name: 'help card', json: helpCard() },
  { name: 'help card, after words it did not understand', json: helpCard({ notUnderstood: 'make tea' }) },
  {
    name: 'my actions card',
    json: myActionsCard(
      [
        { id: 'a', reference: 'A-12', title: 'Refresh the health dashboard', dueDate: '2026-11-01', status: 'in_progress', percentComplete: 40 },
        { id: 'b', reference: 'A-13', title: 'Agree the data-sharing protocol', dueDate: null, status: 'not_started', percentComplete: 0 },
      ],
      '2026-11-22',
    ),
  },
  { name: 'my actions card, empty', json: myActionsCard([], '2026-11-22') },
  {
    name: 'my challenges card',
    json: myChallengesCard([
      { challenge: STATES.open!, as: 'addressee' },
      { challenge: STATES['with a follow-up']!, as: 'scrutineer' },
      { challenge: challenge({ question: 'x'.repeat(400) }), as: 'addressee' },
    ]),
  },
  { name: 'my challenges card, empty', json: myChallengesCard([]) },
  { name: 'evidence request card', json: evidenceRequestCard(sampleEvidenceRequest(), { submissionId: SUBMISSION_ID }) },
  {
    name: 'evidence request card, reminder 2, one action signed off',
    json: evidenceRequestCard(sampleEvidenceRequest({ remindersSent: 2, actions: [sampleEvidenceAction(), sampleEvidenceAction({ id: 'a3a3a3a3-3333-4333-8333-333333333333', reference: 'S11-02', status: 'complete', editable: false })] }), { submissionId: SUBMISSION_ID, reminder: 2 }),
  },
  {
    name: 'evidence request card, due soon',
    json: evidenceRequestCard(sampleEvidenceRequest({ trigger: 'due_soon', actions: [sampleEvidenceAction({ dueDate: '2026-11-27' })] }), { submissionId: SUBMISSION_ID }),
  },
  {
    name: 'evidence request card, confirmed',
    json: evidenceRequestCard(sampleEvidenceRequest(), { submissionId: SUBMISSION_ID, notice: { text: 'Thank you: your update was recorded in the tracker.', tone: 'good', lines: ['AUD-01: in progress \u2192 proposed complete.'] } }),
  },
  {
    name: 'evidence request card, refused with what was typed',
    json: evidenceRequestCard(sampleEvidenceRequest(), {
      submissionId: SUBMISSION_ID,
      notice: { text: 'Nothing was saved.', tone: 'attention' },
      problems: { 'evidence:a1a1a1a1-1111-4111-8111-111111111111': 'AUD-01: the evidence link must be on SharePoint (an address ending in .sharepoint.com), not evil.example.' },
      values: { 'evidence:a1a1a1a1-1111-4111-8111-111111111111': 'https://evil.example/x', 'status:a1a1a1a1-1111-4111-8111-111111111111': 'proposed_complete' },
    }),
  },
  { name: 'evidence request card, nothing left to update', json: evidenceRequestCard(sampleEvidenceRequest({ actions: [sampleEvidenceAction({ status: 'complete', editable: false })] }), { submissionId: SUBMISSION_ID }) },
  { name: 'evidence escalation card', json: evidenceEscalationCard(sampleEvidenceRequest({ remindersSent: 2 }), { chairReached: true }) },
  { name: 'evidence escalation card, chair not reachable', json: evidenceEscalationCard(sampleEvidenceRequest(), { chairReached: false }) },
];

const cache = new WeakMap<object, RenderedCard>();
const rendered = (json: AdaptiveCard): RenderedCard => {
  let r = cache.get(json);
  if (!r) cache.set(json, (r = renderCard(json)));
  return r;
};

// ---- the rules, each as the list of what breaks it -----------------------------------------------

const describeEvent = (e: { event: string; message: string; source?: string }) => `${e.source ?? 'card'}: ${e.event}: ${e.message}`;

function parseProblems(r: RenderedCard): string[] {
  return [...r.parseEvents.map(describeEvent), ...r.unknownProperties.map((p) => `unknown property ${p}`)];
}

function validationProblems(r: RenderedCard): string[] {
  return r.validationFailures.map(describeEvent);
}

function inputProblems(r: RenderedCard): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const input of r.inputs) {
    if (!input.id?.trim()) problems.push(`${input.type} has no id`);
    else if (seen.has(input.id)) problems.push(`${input.type} id "${input.id}" is used twice`);
    else seen.add(input.id);
    if (!input.label?.trim()) problems.push(`${input.type} "${input.id ?? ''}" has no label`);
  }
  return problems;
}

/**
 * turn-router sends only adaptiveCard/action invokes (Action.Execute) to a handler, and that handler
 * (challenge-actions.ts) refuses any verb outside HANDLED_VERBS and any data without ChallengeActionData;
 * answering and following up read their input's value, which Teams sends only if the action submits it.
 * An Action.Submit would come back as a message, which the bot answers with help.
 */
function actionProblems(r: RenderedCard): string[] {
  const problems: string[] = [];
  const inputIds = new Set(r.inputs.map((i) => i.id));
  for (const action of r.actions) {
    const name = `${action.where} ${action.type} "${action.title ?? ''}"`;
    if (action.type === 'Action.Submit') problems.push(`${name}: Action.Submit reaches no handler (only Action.Execute is routed)`);
    if (action.type !== 'Action.Execute') continue;
    // Evidence request verbs go to evidence-actions.ts, every other verb to challenge-actions.ts.
    const evidence = EVIDENCE_HANDLED_VERBS.includes(action.verb as never);
    if (!action.verb || (!evidence && !HANDLED_VERBS.includes(action.verb as never))) {
      problems.push(`${name}: verb "${action.verb ?? ''}" is not one the handler routes`);
      continue;
    }
    if (evidence && action.associatedInputs === 'none') problems.push(`${name}: does not send the inputs, but the handler reads them`);
    const data = (evidence ? EvidenceActionData : ChallengeActionData).safeParse(action.data);
    if (!data.success) problems.push(`${name}: data lacks what the handler reads: ${data.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    const inputId = (VERB_INPUTS as Record<string, string>)[action.verb];
    if (inputId && !inputIds.has(inputId)) problems.push(`${name}: the handler reads input "${inputId}", which the card does not have`);
    if (inputId && action.associatedInputs === 'none') problems.push(`${name}: does not send the inputs, but the handler reads "${inputId}"`);
  }
  return problems;
}

// ---- every card ----------------------------------------------------------------------------------

describe.each(CASES)('$name, rendered by adaptivecards', ({ json }) => {
  it('is an Adaptive Card 1.5 that parses with no warnings, errors or unknown properties', () => {
    expect(json.version).toBe('1.5');
    expect(parseProblems(rendered(json))).toEqual([]);
  });

  it("passes the renderer's validation (validateProperties)", () => {
    expect(validationProblems(rendered(json))).toEqual([]);
  });

  it('gives every input a non-empty, unique id and a label', () => {
    expect(inputProblems(rendered(json))).toEqual([]);
  });

  it('sends only Action.Execute with a verb the bot routes and the data its handler reads', () => {
    expect(actionProblems(rendered(json))).toEqual([]);
  });
});

// ---- what a person sees --------------------------------------------------------------------------

const textareas = (r: RenderedCard) =>
  [...r.element.querySelectorAll('textarea')].map((t) => r.element.querySelector(`[id="${t.getAttribute('aria-labelledby') ?? ''}"]`)?.textContent?.replace(' *', ''));
const buttons = (r: RenderedCard) => [...r.element.querySelectorAll('button')].map((b) => b.textContent);

describe('the challenge card, as rendered', () => {
  it.each(challengeCases)('$name shows the question, who it is from and to, and every response', ({ json, challenge: c }) => {
    const r = rendered(json);
    expect(r.text).toContain(QUESTION);
    expect(r.text).toContain('Sam Scrutineer');
    expect(r.text).toContain('Pat Partner');
    for (const response of c.responses) expect(r.text).toContain(response.body);
    if (c.responses.length === 0) expect(r.text).toContain('No answer yet.');
    // Every view, controls or not, refreshes to the person's own view.
    expect(r.actions.filter((a) => a.where === 'refresh').map((a) => a.verb)).toEqual(['challenge.refresh']);
  });

  it.each(challengeCases)('$name offers the controls that viewer should have, and no others', ({ json, state, viewer }) => {
    const r = rendered(json);
    const open = OPEN_STATES.includes(state);
    if (open && viewer === 'addressee') {
      expect(textareas(r)).toEqual(['Your answer']);
      expect(buttons(r)).toEqual(['Send answer']);
      expect(r.actions.find((a) => a.verb === 'challenge.answer')?.data).toMatchObject({ responseId: RESPONSE_ID });
    } else if (open && viewer === 'scrutineer') {
      // The decisions' own inputs are on sub-cards, drawn when their button is pressed.
      expect(textareas(r)).toEqual(['Follow-up question']);
      expect(buttons(r)).toEqual(['Ask a follow-up', 'Accept…', 'Escalate…']);
      expect(r.inputs.map((i) => i.id)).toEqual(['followUp', 'outcome', 'impact', 'escalationReason']);
      expect(r.actions.find((a) => a.verb === 'challenge.accept')?.data).toMatchObject({ responseId: RESPONSE_ID });
      expect(r.actions.find((a) => a.verb === 'challenge.followUp')?.data).toMatchObject({ responseId: RESPONSE_ID });
    } else {
      expect(textareas(r)).toEqual([]);
      expect(buttons(r)).toEqual([]);
    }
  });

  it('shows a notice to the viewer it was made for', () => {
    expect(rendered(CASES.find((c) => c.name.includes('"sent" notice'))!.json).text).toContain('Your answer was sent.');
  });
});

describe('the command cards, as rendered', () => {
  const byName = (name: string) => rendered(CASES.find((c) => c.name === name)!.json);

  it('help lists every command, and quotes words it did not understand', () => {
    for (const { command, description } of BOT_COMMANDS) {
      expect(byName('help card').text).toContain(command);
      expect(byName('help card').text).toContain(description);
    }
    expect(byName('help card, after words it did not understand').text).toContain('I didn\'t understand "make tea".');
  });

  it('my actions lists each action with its state, or says there are none', () => {
    expect(byName('my actions card').text).toContain('A-12: Refresh the health dashboard in progress, 40% done, due Sun 1 November 2026 (overdue)');
    expect(byName('my actions card').text).toContain('A-13: Agree the data-sharing protocol not started, 0% done, no due date');
    expect(byName('my actions card, empty').text).toContain('You own no open actions.');
  });

  it('my challenges lists each question with how I stand to it, or says there are none', () => {
    const text = byName('my challenges card').text;
    expect(text).toContain(`${QUESTION} From Sam Scrutineer, due Tue 15 December 2026: waiting for an answer`);
    expect(text).toContain(`${QUESTION} To Pat Partner, due Sun 1 November 2026 (overdue): follow-up asked`);
    expect(text).toContain(`${'x'.repeat(299)}…`);
    expect(byName('my challenges card, empty').text).toContain('You have no open challenges.');
  });
});

// ---- the rules catch a broken card ---------------------------------------------------------------

type Json = Record<string, any>;
const broken = (json: AdaptiveCard, mutate: (card: Json) => void): RenderedCard => {
  const copy = structuredClone(json) as Json;
  mutate(copy);
  return renderCard(copy);
};
const addressee = view(STATES.open!, 'addressee');
const scrutineer = view(STATES.open!, 'scrutineer');
const inputOf = (card: Json) => card.body.find((e: Json) => e.type === 'Input.Text');

describe('the rules fail a card that breaks them', () => {
  it.each([
    ['a misspelt property', (c: Json) => (inputOf(c).isRequried = true), 'unknown property Input.Text.isRequried'],
    ['a property newer than the declared version', (c: Json) => (c.version = '1.2'), 'UnsupportedProperty'],
    ['an element type the renderer does not know', (c: Json) => c.body.push({ type: 'TextBlok', text: 'x' }), 'UnknownElementType'],
    ['a refresh that is not an Action.Execute', (c: Json) => (c.refresh.action.type = 'Action.Submit'), 'ActionTypeNotAllowed'],
  ])('parse: %s', (_name, mutate, expected) => {
    expect(parseProblems(broken(addressee, mutate)).join('\n')).toContain(expected);
  });

  it.each([
    ['an input without an id', (c: Json) => delete inputOf(c).id, 'PropertyCantBeNull'],
    ['two elements with one id', (c: Json) => c.body.push({ type: 'TextBlock', text: 'x', id: 'answer' }), 'DuplicateId'],
    ['a card version newer than the renderer knows', (c: Json) => (c.version = '1.7'), 'UnsupportedCardVersion'],
  ])('validation: %s', (_name, mutate, expected) => {
    expect(validationProblems(broken(addressee, mutate)).join('\n')).toContain(expected);
  });

  it.each([
    ['no id', (c: Json) => delete inputOf(c).id, 'has no id'],
    ['an empty id', (c: Json) => (inputOf(c).id = ' '), 'has no id'],
    ['a duplicate id', (c: Json) => c.body.push({ ...inputOf(c) }), 'is used twice'],
    ['no label', (c: Json) => delete inputOf(c).label, 'has no label'],
  ])('inputs: %s', (_name, mutate, expected) => {
    expect(inputProblems(broken(addressee, mutate)).join('\n')).toContain(expected);
  });

  it.each([
    ['a verb no handler routes', scrutineer, (c: Json) => (c.actions[0].verb = 'challenge.approve'), 'is not one the handler routes'],
    ['data without the challenge', scrutineer, (c: Json) => delete c.actions[0].data.challengeId, 'challengeId'],
    ['a refresh without the challenge', scrutineer, (c: Json) => (c.refresh.action.data = { verb: 'challenge.refresh' }), 'refresh Action.Execute'],
    ['an answer without its input', addressee, (c: Json) => (inputOf(c).id = 'reply'), 'reads input "answer"'],
    ['an answer that does not send its input', addressee, (c: Json) => (c.actions[0].associatedInputs = 'none'), 'does not send the inputs'],
    ['an Action.Submit', addressee, (c: Json) => c.actions.push({ type: 'Action.Submit', title: 'Send', data: { challengeId: challenge().id } }), 'reaches no handler'],
    [
      'a bad action inside a ShowCard',
      addressee,
      (c: Json) => c.actions.push({ type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: [], actions: [{ type: 'Action.Execute', title: 'Go', verb: 'nope', data: {} }] } }),
      'verb "nope"',
    ],
  ])('actions: %s', (_name, card, mutate, expected) => {
    expect(actionProblems(broken(card, mutate)).join('\n')).toContain(expected);
  });
});

// ---- the evidence request cards, as rendered ----------------------------------------------------

describe('the evidence request cards, as rendered', () => {
  const byName = (name: string) => rendered(CASES.find((c) => c.name === name)!.json);
  const A1 = 'a1a1a1a1-1111-4111-8111-111111111111';
  const A2 = 'a2a2a2a2-2222-4222-8222-222222222222';
  const options = (r: RenderedCard) => [...r.element.querySelectorAll('select')].map((s) => [...s.querySelectorAll('option')].map((o) => o.value).filter(Boolean));

  it('asks about each open action: a status (never "complete"), per cent done, a comment and a link, all sent by one evidence.submit', () => {
    const r = byName('evidence request card');
    expect(r.text).toContain('Evidence update requested');
    expect(r.text).toContain('Dana Whitfield: Please update your open actions by Thu 26 November 2026');
    expect(r.text).toContain('AUD-01: Re-audit the two neglect cases judged inadequate within three months.');
    expect(r.text).toContain('Case Review Subgroup, due Sun 15 November 2026 (overdue): not started, 10% done');
    expect(r.text).toContain('Evidence so far: Briefing log.xlsx');
    expect(r.inputs.map((i) => i.id)).toEqual([`status:${A1}`, `percent:${A1}`, `comment:${A1}`, `evidence:${A1}`, `status:${A2}`, `percent:${A2}`, `comment:${A2}`, `evidence:${A2}`]);
    expect(options(r)).toEqual([
      ['not_started', 'in_progress', 'proposed_complete'],
      ['not_started', 'in_progress', 'proposed_complete'],
    ]);
    expect(r.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: 'evidence.submit', data: { verb: 'evidence.submit', requestId: sampleEvidenceRequest().id, submissionId: SUBMISSION_ID } }),
    ]);
  });

  it('says when it is a reminder or about an action due soon, and offers nothing for signed-off actions', () => {
    const reminder = byName('evidence request card, reminder 2, one action signed off');
    expect(reminder.text).toContain('Reminder 2: evidence update requested');
    expect(reminder.text).toContain('First asked on Mon 23 November 2026.');
    expect(reminder.text).toContain('Signed off, withdrawn, or no longer yours: nothing to update.');
    expect(reminder.inputs.map((i) => i.id)).toEqual([`status:${A1}`, `percent:${A1}`, `comment:${A1}`, `evidence:${A1}`]);
    expect(byName('evidence request card, due soon').text).toContain('An action is due soon Dana Whitfield: AUD-01 is due on Fri 27 November 2026.');
    const none = byName('evidence request card, nothing left to update');
    expect(none.actions).toEqual([]);
    expect(none.text).toContain('nothing to update here');
  });

  it('shows the confirmation, or why nothing was saved beside the input, with what was typed', () => {
    expect(byName('evidence request card, confirmed').text).toContain('Thank you: your update was recorded in the tracker. AUD-01: in progress \u2192 proposed complete.');
    const refused = byName('evidence request card, refused with what was typed');
    expect(refused.text).toContain('Nothing was saved.');
    expect(refused.text).toContain('AUD-01: the evidence link must be on SharePoint (an address ending in .sharepoint.com), not evil.example.');
    expect((refused.element.querySelector(`input[type="url"]`) as HTMLInputElement).value).toBe('https://evil.example/x');
    expect((refused.element.querySelector('select') as HTMLSelectElement).value).toBe('proposed_complete');
  });

  it('tells the business manager who has not answered, and about which actions', () => {
    const r = byName('evidence escalation card');
    expect(r.text).toContain('Dana Whitfield has not answered the evidence request of Mon 23 November 2026, after 2 reminders.');
    expect(r.text).toContain('CR-03: Track which teams have used practice review briefings.');
    expect(r.actions).toEqual([]);
    expect(byName('evidence escalation card, chair not reachable').text).toContain('could not be reached');
  });
});
