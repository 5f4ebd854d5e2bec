// @vitest-environment jsdom
/**
 * Text people typed, carrying classic script and markdown tricks, in every field each card shows, rendered
 * by Microsoft's Adaptive Cards renderer with a markdown processor as permissive as any host's (links of any
 * scheme, raw HTML passed through, backslash escapes honoured). Nothing from the text becomes an element, an
 * event handler or a live link, and the text still reads as typed.
 */
import { AdaptiveCard, type IMarkdownProcessingResult } from 'adaptivecards';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challengeCard } from '../../bot/cards/challenge-card.js';
import { evidenceEscalationCard } from '../../bot/cards/evidence-escalation-card.js';
import { evidenceRequestCard } from '../../bot/cards/evidence-request-card.js';
import { helpCard } from '../../bot/cards/help-card.js';
import { myActionsCard } from '../../bot/cards/my-actions-card.js';
import { myChallengesCard } from '../../bot/cards/my-challenges-card.js';
import type { AdaptiveCard as CardJson } from '../../bot/turn.js';
import { renderCard } from '../support/adaptive-card-renderer.js';
import { sampleChallenge } from '../support/challenge-fixtures.js';
import { sampleEvidenceAction, sampleEvidenceRequest } from '../support/evidence-fixtures.js';

/** Each payload sets window.__xss (or opens a dialog) if it ever runs. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="window.__xss=3">',
  '[Open the evidence](javascript:window.__xss=4)',
  '**bold** [x](javascript:alert(5))',
  '<a href="javascript:window.__xss=6">link</a>',
  '<iframe srcdoc="<script>parent.__xss=7</script>"></iframe>',
];
const text = (field: string) => `${field}: ${PAYLOADS.join(' ')}`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** As permissive as a host could be: markdown links of any scheme, bold, and raw HTML passed through. */
function permissiveMarkdown(source: string, result: IMarkdownProcessingResult): void {
  const literal: string[] = [];
  let s = source.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, (_, ch: string) => `\u0000${literal.push(ch) - 1}\u0000`);
  s = s.replace(/\[([^\]]*)\]\(([^)\s]*(?:\([^)]*\))?)\)/g, (_, label: string, url: string) => `<a href="${url}">${label}</a>`);
  s = s.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  result.outputHtml = s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => escapeHtml(literal[Number(i)]!));
  result.didProcess = true;
}

const challenge = sampleChallenge({
  question: text('question'),
  status: 'accepted',
  raisedBy: { id: '11111111-1111-4111-8111-111111111111', name: text('raised by') },
  addressee: { personId: '22222222-2222-4222-8222-222222222222', name: text('addressee'), agencyName: text('agency') },
  forumName: text('forum'),
  outcome: text('outcome'),
  impact: text('impact'),
  responses: [
    { id: '55555555-5555-4555-8555-555555555555', authorName: text('author'), kind: 'answer', body: text('answer'), createdAt: '2026-11-21T09:00:00.000Z' },
    { id: '66666666-6666-4666-8666-666666666666', authorName: 'Sam Scrutineer', kind: 'follow_up', body: text('follow-up'), createdAt: '2026-11-22T09:30:00.000Z' },
  ],
});
const action = sampleEvidenceAction({
  reference: 'AUD-<b>1</b>',
  title: text('action title'),
  forumName: text('action forum'),
  evidence: [{ url: 'https://demo.sharepoint.com/sites/scp/[x](javascript:alert(1))', title: text('evidence title') }],
});
const request = sampleEvidenceRequest({ chairName: text('chair'), actions: [action] });

const CARDS: { name: string; json: () => CardJson; fields: string[] }[] = [
  ...(['addressee', 'scrutineer', 'other'] as const).map((viewer) => ({
    name: `challenge card, ${viewer} view`,
    json: () => challengeCard(challenge, { viewer, refreshUserIds: ['8:orgid:a'], ...(viewer === 'other' ? {} : { responseId: '33333333-3333-4333-8333-333333333333' }) }),
    fields: ['question', 'raised by', 'forum', 'outcome', 'impact', 'answer', 'follow-up'],
  })),
  {
    name: 'challenge card, with a refusal quoting what was typed',
    json: () => challengeCard(challenge, { viewer: 'addressee', refreshUserIds: ['8:orgid:a'], responseId: '33333333-3333-4333-8333-333333333333', notice: { text: text('refusal'), tone: 'attention' } }),
    fields: ['refusal'],
  },
  { name: 'my challenges card', json: () => myChallengesCard([{ challenge, as: 'addressee' }]), fields: [] },
  {
    name: 'my actions card',
    json: () => myActionsCard([{ id: 'a', reference: 'A-12', title: text('my action'), dueDate: '2026-11-01', status: 'in_progress', percentComplete: 40 }], '2026-11-22'),
    fields: ['my action'],
  },
  {
    name: 'evidence request card, with a refusal quoting what was typed',
    json: () =>
      evidenceRequestCard(request, {
        submissionId: '88888888-8888-4888-8888-888888888888',
        notice: { text: 'Nothing was saved.', tone: 'attention', lines: [text('notice line')] },
        problems: { [`evidence:${action.id}`]: text('problem') },
        values: { [`evidence:${action.id}`]: 'javascript:window.__xss=9', [`comment:${action.id}`]: text('typed comment') },
      }),
    fields: ['action title', 'chair', 'notice line', 'problem'],
  },
  {
    name: 'evidence request card, refused by the service in its own words, quoting a reference',
    json: () => evidenceRequestCard(request, { submissionId: '88888888-8888-4888-8888-888888888888', notice: { text: text('service refusal'), tone: 'attention' } }),
    fields: ['service refusal'],
  },
  { name: 'evidence escalation card', json: () => evidenceEscalationCard(request, { chairReached: true }), fields: [] },
  { name: 'help card, after words it did not understand', json: () => helpCard({ notUnderstood: PAYLOADS[3]! }), fields: [] },
];

describe('cards keep what people typed inert', () => {
  let before: typeof AdaptiveCard.onProcessMarkdown;
  beforeAll(() => {
    renderCard(helpCard()); // prepares the DOM and the renderer once
    before = AdaptiveCard.onProcessMarkdown;
    AdaptiveCard.onProcessMarkdown = permissiveMarkdown;
  });
  afterAll(() => {
    AdaptiveCard.onProcessMarkdown = before;
  });

  it('the markdown processor in this test does turn markdown into live links (so the test can fail)', () => {
    const r = renderCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '[x](javascript:alert(1)) <img src=x onerror=alert(1)>' }] });
    expect(r.element.querySelector('a[href^="javascript:"]')).not.toBeNull();
    expect(r.element.querySelector('img')).not.toBeNull();
  });

  it.each(CARDS)('$name: no element, handler or javascript: link comes from the text, which reads as typed', ({ json, fields }) => {
    const r = renderCard(json());
    const el = r.element;
    expect([...el.querySelectorAll('a')].map((a) => a.getAttribute('href')).filter((h) => h && /^\s*javascript:/i.test(h))).toEqual([]);
    expect(el.querySelectorAll('script, iframe, svg, img, object, embed').length).toBe(0);
    const handlers = [...el.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`));
    expect(handlers).toEqual([]);
    expect(el.querySelectorAll('strong, b').length).toBe(0);
    for (const field of fields) expect(r.text, field).toContain(text(field));
    expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined();
  });
});
