import { randomUUID } from 'node:crypto';
import { TestAdapter } from 'botbuilder';
import { turnFromContext } from '../../bot/adapter.js';
import type { BotServices } from '../../bot/handlers/bot-services.js';
import { createTurnHandler } from '../../bot/handlers/turn-router.js';
import type { Challenge } from '../../src/contract/challenges.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleChallenge } from '../support/challenge-fixtures.js';
import { ChallengeService } from '../../src/services/challenge-service.js';
import { AuditLogRepository } from '../../src/storage/repositories/audit-log-repository.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOST_TENANT = '11111111-2222-4333-8444-555555555555';
const NHS_TENANT = '22222222-3333-4444-8555-666666666666';
const BOT = { id: '28:00000000-0000-0000-0000-00000000b07', name: 'Line of Sight' };
const CHANNEL = '19:abc@thread.tacv2';
const CARD_MESSAGE = '1700000000001';
const channelData = (tenantId: string) => ({ teamsChannelId: CHANNEL, teamsTeamId: '19:team@thread.tacv2', channel: { id: CHANNEL }, team: { id: '19:team@thread.tacv2' }, tenant: { id: tenantId } });

interface User {
  aadObjectId: string;
  tenantId: string;
  name: string;
}

/** Activities shaped as Microsoft's Teams documentation shows them. */
const teams = {
  channelMessage(serviceUrl: string, user: User, text: string) {
    const id = String(1700000000100 + Math.floor(Math.random() * 1000));
    return {
      type: 'message',
      id,
      timestamp: '2026-11-22T10:00:00.000Z',
      channelId: 'msteams',
      serviceUrl,
      from: { id: `29:1${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
      conversation: { isGroup: true, conversationType: 'channel', tenantId: HOST_TENANT, id: `${CHANNEL};messageid=${id}` },
      recipient: BOT,
      textFormat: 'plain',
      text: `<at>Line of Sight</at> ${text}`,
      entities: [{ type: 'mention', mentioned: BOT, text: '<at>Line of Sight</at>' }],
      channelData: channelData(user.tenantId),
      locale: 'en-GB',
    };
  },
  /** Action.Execute on a card: Teams merges the card's inputs into the action's data. */
  cardAction(serviceUrl: string, user: User, action: { verb: string; data: Record<string, unknown> }, trigger: 'manual' | 'automatic' = 'manual') {
    return {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `f:${randomUUID()}`,
      timestamp: '2026-11-22T10:05:00.000Z',
      channelId: 'msteams',
      serviceUrl,
      from: { id: `29:1${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
      conversation: { isGroup: true, conversationType: 'channel', tenantId: HOST_TENANT, id: `${CHANNEL};messageid=${CARD_MESSAGE}` },
      recipient: BOT,
      replyToId: CARD_MESSAGE,
      value: { action: { type: 'Action.Execute', id: '', verb: action.verb, data: action.data }, trigger },
      channelData: { ...channelData(user.tenantId), source: { name: 'message' } },
      locale: 'en-GB',
    };
  },
};

const texts = (card: unknown): string[] => JSON.stringify(card).match(/"text":"(?:[^"\\]|\\.)*"/g)?.map((t) => JSON.parse(t.slice(7))) ?? [];

describe('challenge cards and chat commands over HTTP (/api/messages, dev mode)', () => {
  let t: TestApp;
  let connector: FakeConnector;
  let p: PartnershipFixture;
  let challengeId: string;
  const partner: User = { aadObjectId: randomUUID(), tenantId: NHS_TENANT, name: 'Pat Partner' };
  const scrutineer: User = { aadObjectId: randomUUID(), tenantId: HOST_TENANT, name: 'Sam Scrutineer' };
  const bystander: User = { aadObjectId: randomUUID(), tenantId: HOST_TENANT, name: 'Chris Chair' };
  const manager: User = { aadObjectId: randomUUID(), tenantId: HOST_TENANT, name: 'Bo Manager' };

  beforeAll(async () => {
    connector = await startFakeConnector();
    t = await startTestApp({ seedDemo: false });
    const db = t.app.database.db;
    p = await makePartnership(db);
    const link = (personId: string, u: User) => db.updateTable('people').set({ entra_object_id: u.aadObjectId, tenant_id: u.tenantId }).where('id', '=', personId).execute();
    await link(p.people.partner_member, partner);
    await link(p.people.scrutineer, scrutineer);
    await link(p.people.subgroup_chair, bystander);
    await link(p.people.business_manager, manager);
    challengeId = randomUUID();
    await new ChallengeService(db, new AuditLogRepository(db)).raise(p.actors.scrutineer, {
      id: challengeId,
      question: 'When will **current** health data be on the dashboard?',
      addresseePersonId: p.people.partner_member,
      dueDate: '2099-12-15',
    });
  });
  afterAll(async () => {
    await t?.close();
    await connector?.close();
  });

  it('refreshes the card to the addressee\u2019s own view, with the answer box, for a partner from another tenant', async () => {
    const r = await request(t.url, 'POST', '/api/messages', { json: teams.cardAction(connector.url, partner, { verb: 'challenge.refresh', data: { verb: 'challenge.refresh', challengeId } }, 'automatic') });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5' } });
    const card = r.body.value;
    expect(card.body.some((e: { type: string; id?: string }) => e.type === 'Input.Text' && e.id === 'answer')).toBe(true);
    expect(card.actions.map((a: { verb: string }) => a.verb)).toEqual(['challenge.answer']);
    expect(card.refresh.userIds).toEqual(expect.arrayContaining([`8:orgid:${partner.aadObjectId}`, `8:orgid:${scrutineer.aadObjectId}`]));
    expect(texts(card)).toContain('When will **current** health data be on the dashboard?');
  });

  it('shows a reader of every challenge the question without controls, and someone who may not read it nothing', async () => {
    const r = await request(t.url, 'POST', '/api/messages', { json: teams.cardAction(connector.url, manager, { verb: 'challenge.refresh', data: { verb: 'challenge.refresh', challengeId } }) });
    expect(r.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(texts(r.body.value)).toContain('When will **current** health data be on the dashboard?');
    expect(JSON.stringify(r.body.value)).not.toContain('Input.Text');
    expect(r.body.value.actions).toBeUndefined();
    const refused = await request(t.url, 'POST', '/api/messages', { json: teams.cardAction(connector.url, bystander, { verb: 'challenge.refresh', data: { verb: 'challenge.refresh', challengeId } }) });
    expect(refused.body).toMatchObject({ statusCode: 404, type: 'application/vnd.microsoft.error' });
    expect(JSON.stringify(refused.body)).not.toContain('health data');
  });

  it('records an answer sent from the card, updates the card in place for everyone, and records a retry once', async () => {
    connector.calls.length = 0;
    const responseId = randomUUID();
    const answer = { verb: 'challenge.answer', data: { verb: 'challenge.answer', challengeId, responseId, answer: 'By March, from the <b>new</b> feed.' } };
    const r = await request(t.url, 'POST', '/api/messages', { json: teams.cardAction(connector.url, partner, answer) });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(texts(r.body.value)).toEqual(expect.arrayContaining(['By March, from the <b>new</b> feed.', 'Your answer was sent.']));

    const update = connector.calls.find((c) => c.method === 'PUT');
    expect(update?.path).toBe(`/v3/conversations/${encodeURIComponent(`${CHANNEL};messageid=${CARD_MESSAGE}`)}/activities/${CARD_MESSAGE}`);
    const shared = update!.body.attachments[0];
    expect(shared.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(texts(shared.content)).toContain('By March, from the <b>new</b> feed.');
    expect(JSON.stringify(shared.content)).not.toContain('Input.Text');

    await request(t.url, 'POST', '/api/messages', { json: teams.cardAction(connector.url, partner, answer) });
    const rows = await t.app.database.db.selectFrom('challenge_responses').select(['id', 'kind']).where('challenge_id', '=', challengeId).execute();
    expect(rows).toEqual([{ id: responseId, kind: 'answer' }]);
  });

  it('refuses an answer from someone the challenge is not addressed to, saying so in the card', async () => {
    const r = await request(t.url, 'POST', '/api/messages', {
      json: teams.cardAction(connector.url, manager, { verb: 'challenge.answer', data: { verb: 'challenge.answer', challengeId, responseId: randomUUID(), answer: 'Me too.' } }),
    });
    expect(r.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(texts(r.body.value).some((x) => /may not do this/.test(x))).toBe(true);
    const rows = await t.app.database.db.selectFrom('challenge_responses').select('id').where('challenge_id', '=', challengeId).execute();
    expect(rows).toHaveLength(1);
    const unknown = await request(t.url, 'POST', '/api/messages', { json: teams.cardAction(connector.url, partner, { verb: 'challenge.delete', data: { challengeId } }) });
    expect(unknown.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });

  it('lets the scrutineer ask a follow-up from the card, with accepting and escalating each behind their own form', async () => {
    const followUp = { verb: 'challenge.followUp', data: { verb: 'challenge.followUp', challengeId, responseId: randomUUID(), followUp: 'Which month exactly?' } };
    const r = await request(t.url, 'POST', '/api/messages', { json: teams.cardAction(connector.url, scrutineer, followUp) });
    expect(r.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(texts(r.body.value)).toEqual(expect.arrayContaining(['Which month exactly?', 'Your follow-up was sent.']));
    const actions = r.body.value.actions as { type: string; verb?: string; card?: { actions: { verb: string }[] } }[];
    expect(actions.map((a) => a.verb ?? a.card!.actions[0]!.verb)).toEqual(['challenge.followUp', 'challenge.accept', 'challenge.escalate']);
  });

  it('records the scrutineer\u2019s acceptance with its outcome and impact once, and closes the card for everyone', async () => {
    const db = t.app.database.db;
    const id = randomUUID();
    await new ChallengeService(db, new AuditLogRepository(db)).raise(p.actors.scrutineer, { id, question: 'Is the neglect toolkit used at the front door?', addresseePersonId: p.people.partner_member, dueDate: '2099-12-15' });
    const decide = (user: User, data: Record<string, unknown>) =>
      request(t.url, 'POST', '/api/messages', { json: teams.cardAction(connector.url, user, { verb: 'challenge.accept', data: { verb: 'challenge.accept', challengeId: id, ...data } }) });

    const empty = await decide(scrutineer, { responseId: randomUUID(), outcome: '   ' });
    expect(texts(empty.body.value).some((x) => /^Nothing was recorded: your text must say what the answer showed/.test(x))).toBe(true);
    const byPartner = await decide(partner, { responseId: randomUUID(), outcome: 'I accept my own answer.' });
    expect(texts(byPartner.body.value).some((x) => /may not do this/.test(x))).toBe(true);

    connector.calls.length = 0;
    const responseId = randomUUID();
    const accept = { responseId, outcome: 'Audit shows the toolkit in 9 of 10 referrals.', impact: 'Neglect is recognised earlier.' };
    const r = await decide(scrutineer, accept);
    expect(texts(r.body.value)).toEqual(expect.arrayContaining(['Audit shows the toolkit in 9 of 10 referrals.', 'Neglect is recognised earlier.', 'Accepted: the outcome was recorded and the challenge is closed.']));
    expect(JSON.stringify(r.body.value)).not.toContain('Input.Text');
    const shared = connector.calls.find((c) => c.method === 'PUT')!.body.attachments[0].content;
    expect(JSON.stringify(shared)).toContain('{"title":"Status","value":"Accepted"}');
    await decide(scrutineer, accept);
    const stored = await db.selectFrom('challenges').select(['status', 'outcome', 'impact']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'accepted', outcome: accept.outcome, impact: accept.impact });
    const decisions = await db.selectFrom('challenge_responses').select('body').where('challenge_id', '=', id).where('kind', '=', 'decision').execute();
    expect(decisions).toEqual([{ body: `Accepted. ${accept.outcome}` }]);
    const again = await request(t.url, 'POST', '/api/messages', { json: teams.cardAction(connector.url, scrutineer, { verb: 'challenge.escalate', data: { verb: 'challenge.escalate', challengeId: id, responseId: randomUUID(), escalationReason: 'Changed my mind.' } }) });
    expect(texts(again.body.value)).toContain('This challenge has already been decided.');
  });

  it('escalates a challenge into the escalations log, with the addressee\u2019s agency as a party', async () => {
    const db = t.app.database.db;
    const id = randomUUID();
    await new ChallengeService(db, new AuditLogRepository(db)).raise(p.actors.scrutineer, { id, question: 'Why are strategy meetings without police?', addresseePersonId: p.people.partner_member, dueDate: '2099-12-15' });
    const r = await request(t.url, 'POST', '/api/messages', {
      json: teams.cardAction(connector.url, scrutineer, { verb: 'challenge.escalate', data: { verb: 'challenge.escalate', challengeId: id, responseId: randomUUID(), escalationReason: 'No answer after two follow-ups.' } }),
    });
    expect(texts(r.body.value)).toContain('Escalated: the escalations log has a new entry.');
    const escalation = await db.selectFrom('escalations').select(['id', 'issue', 'status', 'title']).where('challenge_id', '=', id).executeTakeFirstOrThrow();
    expect(escalation).toMatchObject({ issue: 'No answer after two follow-ups.', status: 'open', title: 'Challenge: Why are strategy meetings without police?' });
    const partnerAgency = await db.selectFrom('people').select('agency_id').where('id', '=', p.people.partner_member).executeTakeFirstOrThrow();
    const parties = await db.selectFrom('escalation_parties').select('agency_id').where('escalation_id', '=', escalation.id).execute();
    expect(parties).toEqual(partnerAgency.agency_id ? [{ agency_id: partnerAgency.agency_id }] : []);
    const audit = await db.selectFrom('audit_log').select('action').where('entity_id', '=', id).where('action', '=', 'challenge.escalate').execute();
    expect(audit).toHaveLength(1);
  });

  it('answers "my challenges" with an @mention in a channel with the challenges addressed to the sender', async () => {
    connector.calls.length = 0;
    const r = await request(t.url, 'POST', '/api/messages', { json: teams.channelMessage(connector.url, partner, 'my challenges') });
    expect(r.status).toBe(200);
    const reply = connector.calls.at(-1)!;
    const card = reply.body.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(texts(card.content)).toEqual(expect.arrayContaining(['My challenges', 'When will **current** health data be on the dashboard?']));
    expect(texts(card.content).some((x) => x.startsWith('From scrutineer person, due') && x.endsWith(': follow-up asked'))).toBe(true);
  });

  it('answers "my actions" and "help", and tells someone not linked to Line of Sight what to do', async () => {
    connector.calls.length = 0;
    await request(t.url, 'POST', '/api/messages', { json: teams.channelMessage(connector.url, bystander, 'My  Actions') });
    expect(texts(connector.calls.at(-1)!.body.attachments[0].content)).toContain('My actions');
    await request(t.url, 'POST', '/api/messages', { json: teams.channelMessage(connector.url, bystander, 'help') });
    expect(JSON.stringify(connector.calls.at(-1)!.body)).toContain('my challenges');
    await request(t.url, 'POST', '/api/messages', { json: teams.channelMessage(connector.url, { aadObjectId: randomUUID(), tenantId: HOST_TENANT, name: 'Stranger' }, 'my challenges') });
    expect(connector.calls.at(-1)!.body.text).toMatch(/could not find you in Line of Sight/);
  });
});

describe('challenge card actions, handled (botbuilder TestAdapter)', () => {
  const oid = randomUUID();
  const personId = randomUUID();
  const challenge: Challenge = sampleChallenge({
    id: randomUUID(),
    question: 'Why is the audit late?',
    dueDate: '2099-01-31',
    raisedBy: { id: randomUUID(), name: 'Sam Scrutineer' },
    addressee: { personId, name: 'Pat Partner', agencyName: null },
  });
  const responded: { body: string; responseId: string | undefined }[] = [];
  const services: BotServices = {
    people: { findByEntraIdentity: async (tenantId, objectId) => (tenantId === NHS_TENANT && objectId === oid ? [{ id: personId, partnershipId: randomUUID(), displayName: 'Pat Partner', role: 'partner_member', jobTitle: null, agencyName: null, partnership: { id: '', name: '', shortName: '', isSynthetic: true } }] : []) },
    challenges: {
      list: async () => [challenge],
      respond: async (_actor, _id, body, responseId) => {
        responded.push({ body, responseId });
        return { ...challenge, status: 'answered', responses: [{ id: responseId ?? randomUUID(), authorName: 'Pat Partner', kind: 'answer', body, createdAt: '2026-11-22T10:00:00.000Z' }] };
      },
      decide: async () => {
        throw new Error('A partner cannot decide; this test does not decide.');
      },
    },
    actions: { openForOwner: async () => [] },
    teamsUsers: { entraObjectIds: async () => new Map([[personId, oid]]) },
    now: () => new Date('2026-11-22T10:00:00Z'),
  };

  it('answers an adaptiveCard/action invoke with the updated card as the invoke response', async () => {
    const store = { install: async () => undefined, remove: async () => 0, removeTeam: async () => 0 };
    const adapter = new TestAdapter(async (context) => createTurnHandler({ conversations: store, services })(turnFromContext(context)));
    const responseId = randomUUID();
    const user = { aadObjectId: oid, tenantId: NHS_TENANT, name: 'Pat Partner' };
    const activity: Record<string, unknown> = teams.cardAction('https://smba.trafficmanager.net/uk/', user, { verb: 'challenge.answer', data: { verb: 'challenge.answer', challengeId: challenge.id, responseId, answer: 'It is done.' } });
    await adapter.processActivity(activity);
    expect(responded).toEqual([{ body: 'It is done.', responseId }]);
    const sent = adapter.activeQueue.map((a) => a.type);
    expect(sent).toContain('invokeResponse');
    const invoke = adapter.activeQueue.find((a) => a.type === 'invokeResponse')!;
    expect(invoke.value).toMatchObject({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { version: '1.5' } } });
    expect(texts((invoke.value as { body: { value: unknown } }).body.value)).toContain('It is done.');
  });
});
