import { describe, expect, it } from 'vitest';
import { challengeCard, CHALLENGE_VERBS } from '../../bot/cards/challenge-card.js';
import { helpCard } from '../../bot/cards/help-card.js';
import { myActionsCard } from '../../bot/cards/my-actions-card.js';
import { myChallengesCard } from '../../bot/cards/my-challenges-card.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import type { Challenge } from '../../src/contract/challenges.js';
import { sampleChallenge } from '../support/challenge-fixtures.js';

const HOSTILE = '**Urgent** [click here](https://evil.example) <at>everyone</at> # ${secret} \\_x_';

const challenge = (overrides: Partial<Challenge> = {}): Challenge => sampleChallenge(overrides);
const refreshUserIds = ['8:orgid:aaaa', '8:orgid:bbbb'];

/** Every object in a card, depth first (the card's elements, actions, inlines and facts). */
function nodes(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (value && typeof value === 'object') return [value as Record<string, unknown>, ...Object.values(value).flatMap(nodes)];
  return [];
}
const inputs = (card: AdaptiveCard) => nodes(card).filter((n) => typeof n.type === 'string' && n.type.startsWith('Input.'));
const executes = (card: AdaptiveCard) => nodes(card).filter((n) => n.type === 'Action.Execute');
/** Text a renderer may read as markdown: TextBlock text and FactSet values (TextRun text is literal). */
const markdownRead = (card: AdaptiveCard) =>
  nodes(card).flatMap((n) => (n.type === 'TextBlock' ? [String(n.text)] : n.type === 'FactSet' ? (n.facts as { value: string }[]).map((f) => f.value) : []));

describe('the challenge card', () => {
  const views = {
    addressee: challengeCard(challenge(), { viewer: 'addressee', refreshUserIds, responseId: '33333333-3333-4333-8333-333333333333' }),
    scrutineer: challengeCard(challenge(), { viewer: 'scrutineer', refreshUserIds, responseId: '44444444-4444-4444-8444-444444444444' }),
    other: challengeCard(challenge(), { viewer: 'other', refreshUserIds }),
  };

  it('is an Adaptive Card 1.5 that refreshes to their own view for the addressee and the scrutineer', () => {
    for (const card of Object.values(views)) {
      expect(card.version).toBe('1.5');
      expect(card.refresh).toEqual({
        action: { type: 'Action.Execute', title: 'Refresh', verb: CHALLENGE_VERBS.refresh, data: { verb: CHALLENGE_VERBS.refresh, challengeId: challenge().id } },
        userIds: refreshUserIds,
      });
    }
  });

  it('gives every input an id and a label, and every action the verb and challenge its handler needs', () => {
    for (const card of Object.values(views)) {
      for (const input of inputs(card)) {
        expect(input.id).toEqual(expect.any(String));
        expect(input.label).toEqual(expect.any(String));
      }
      for (const action of executes(card)) {
        expect(action.verb).toEqual(expect.any(String));
        expect(action.data).toMatchObject({ verb: action.verb, challengeId: challenge().id });
      }
    }
    const ids = (card: AdaptiveCard) => inputs(card).map((i) => i.id);
    expect(ids(views.addressee)).toEqual(['answer']);
    expect(ids(views.scrutineer)).toEqual(['followUp', 'outcome', 'impact', 'escalationReason']);
  });

  it('lets the addressee answer, the scrutineer accept, follow up or escalate, and everyone else only read', () => {
    // A decision's button opens its own form (Action.ShowCard), whose button carries the verb.
    const verbs = (card: AdaptiveCard) => ((card.actions ?? []) as { verb?: string; card?: { actions: { verb: string }[] } }[]).map((a) => a.verb ?? a.card!.actions[0]!.verb);
    expect(verbs(views.addressee)).toEqual(['challenge.answer']);
    expect((views.addressee.actions as { data: unknown }[])[0]!.data).toEqual({ verb: 'challenge.answer', challengeId: challenge().id, responseId: '33333333-3333-4333-8333-333333333333' });
    expect(verbs(views.scrutineer)).toEqual(['challenge.followUp', 'challenge.accept', 'challenge.escalate']);
    expect(views.other.actions).toBeUndefined();
    expect(inputs(views.other)).toEqual([]);
    expect(JSON.stringify(views.other)).toContain('When will current health data be on the dashboard?');
  });

  it('shows the answers so far to everyone, and no controls once the challenge is closed', () => {
    const answered = challenge({
      status: 'accepted',
      responses: [{ id: '55555555-5555-4555-8555-555555555555', authorName: 'Pat Partner', kind: 'answer', body: 'By March, from the new feed.', createdAt: '2026-11-21T09:00:00.000Z' }],
    });
    const card = challengeCard(answered, { viewer: 'addressee', refreshUserIds });
    expect(JSON.stringify(card)).toContain('By March, from the new feed.');
    expect(JSON.stringify(card)).toContain('Pat Partner answered, 21 November 2026 at 09:00');
    expect(inputs(card)).toEqual([]);
    expect(card.actions).toBeUndefined();
  });

  it('keeps hostile text literal: in TextRuns, never where markdown is read', () => {
    const card = challengeCard(
      challenge({
        question: HOSTILE,
        raisedBy: { id: challenge().raisedBy.id, name: '*Sam* [x](y)' },
        responses: [{ id: '55555555-5555-4555-8555-555555555555', authorName: HOSTILE, kind: 'answer', body: HOSTILE, createdAt: '2026-11-21T09:00:00.000Z' }],
      }),
      { viewer: 'other', refreshUserIds },
    );
    const runs = nodes(card).filter((n) => n.type === 'TextRun').map((n) => n.text);
    expect(runs).toContain(HOSTILE);
    expect(runs.filter((t) => t === HOSTILE)).toHaveLength(2);
    for (const text of markdownRead(card)) expect(text).not.toContain('**Urgent**');
    expect(markdownRead(card)).toContain('\\*Sam\\* \\[x\\]\\(y\\)');
  });
});

describe('the command cards', () => {
  it('list my challenges with how I stand to each, and say what to do when there are none', () => {
    const card = myChallengesCard([
      { challenge: challenge({ question: HOSTILE }), as: 'addressee' },
      { challenge: challenge({ overdue: true, dueDate: '2026-11-01' }), as: 'scrutineer' },
    ]);
    const runs = nodes(card).filter((n) => n.type === 'TextRun').map((n) => n.text);
    expect(runs).toContain(HOSTILE);
    expect(runs).toContain('From Sam Scrutineer, due Tue 15 December 2026: waiting for an answer');
    expect(runs).toContain('To Pat Partner, due Sun 1 November 2026 (overdue): waiting for an answer');
    expect(JSON.stringify(myChallengesCard([]))).toContain('You have no open challenges');
  });

  it('list my actions with their status and due dates, marking the overdue', () => {
    const card = myActionsCard(
      [
        { id: 'a', reference: 'A-12', title: 'Refresh the health dashboard', dueDate: '2026-11-01', status: 'in_progress', percentComplete: 40 },
        { id: 'b', reference: 'A-13', title: HOSTILE, dueDate: null, status: 'not_started', percentComplete: 0 },
      ],
      '2026-11-22',
    );
    const runs = nodes(card).filter((n) => n.type === 'TextRun').map((n) => n.text);
    expect(runs).toEqual(['A-12: Refresh the health dashboard', 'in progress, 40% done, due Sun 1 November 2026 (overdue)', `A-13: ${HOSTILE}`, 'not started, 0% done, no due date']);
    expect(JSON.stringify(myActionsCard([], '2026-11-22'))).toContain('You own no open actions');
  });

  it('help lists the commands, and quotes words it did not understand literally', () => {
    const card = helpCard({ notUnderstood: '**make** tea' });
    expect(JSON.stringify(card)).toContain('my challenges');
    expect(JSON.stringify(card)).toContain('my actions');
    expect(markdownRead(card).join(' ')).not.toContain('**make**');
  });

  it('have no inputs without ids and no actions without verbs', () => {
    for (const card of [myChallengesCard([]), myActionsCard([], '2026-11-22'), helpCard()]) {
      for (const input of inputs(card)) expect(input.id).toBeTruthy();
      for (const action of executes(card)) expect(action.verb).toBeTruthy();
      expect(card.version).toBe('1.5');
    }
  });
});
