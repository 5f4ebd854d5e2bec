import { randomUUID } from 'node:crypto';
import { TestAdapter } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { turnFromContext } from '../../bot/adapter.js';
import type { ConversationStore } from '../../bot/handlers/conversation-events.js';
import { createTurnHandler } from '../../bot/handlers/turn-router.js';
import type { ConversationInstall } from '../../src/storage/repositories/bot-conversations-repository.js';
import { createRepositories } from '../../src/storage/repositories/index.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOST_TENANT = '11111111-2222-4333-8444-555555555555';
const NHS_TENANT = '22222222-3333-4444-8555-666666666666';
const BOT = { id: '28:00000000-0000-0000-0000-00000000b07', name: 'Line of Sight' };

/** Activities shaped as Microsoft's Teams documentation shows them. */
const teams = {
  personalInstall(serviceUrl: string, user: { aadObjectId: string; tenantId: string }, action: 'add' | 'remove') {
    return {
      type: 'installationUpdate',
      id: `f:${randomUUID()}`,
      timestamp: '2026-11-22T10:00:00.000Z',
      serviceUrl,
      channelId: 'msteams',
      from: { id: `29:1${user.aadObjectId}`, aadObjectId: user.aadObjectId },
      recipient: BOT,
      conversation: { conversationType: 'personal', tenantId: user.tenantId, id: `a:1personal-${user.aadObjectId}` },
      action,
      channelData: { tenant: { id: user.tenantId }, source: { name: 'message' } },
      locale: 'en-GB',
    };
  },
  teamMember(serviceUrl: string, change: 'added' | 'removed', teamId: string, installer: string) {
    return {
      type: 'conversationUpdate',
      id: `f:${randomUUID()}`,
      timestamp: '2026-11-22T10:00:00.000Z',
      serviceUrl,
      channelId: 'msteams',
      from: { id: '29:1installer', aadObjectId: installer },
      recipient: BOT,
      conversation: { isGroup: true, conversationType: 'channel', tenantId: HOST_TENANT, id: teamId },
      ...(change === 'added' ? { membersAdded: [{ id: BOT.id }] } : { membersRemoved: [{ id: BOT.id }] }),
      channelData: {
        team: { aadGroupId: randomUUID(), name: 'Safeguarding Partnership', id: teamId },
        eventType: change === 'added' ? 'teamMemberAdded' : 'teamMemberRemoved',
        tenant: { id: HOST_TENANT },
      },
    };
  },
  groupChatMembers(serviceUrl: string, chatId: string, members: { membersAdded?: { id: string }[]; membersRemoved?: { id: string }[] }, installer: string) {
    return {
      type: 'conversationUpdate',
      id: `f:${randomUUID()}`,
      serviceUrl,
      channelId: 'msteams',
      from: { id: '29:1installer', aadObjectId: installer },
      recipient: BOT,
      conversation: { isGroup: true, conversationType: 'groupChat', tenantId: HOST_TENANT, id: chatId },
      ...members,
      channelData: { tenant: { id: HOST_TENANT } },
    };
  },
};

/** Records what the handler asks of the store. */
function recordingStore() {
  const calls: { op: string; arg: unknown }[] = [];
  const store: ConversationStore = {
    async install(c: ConversationInstall) {
      calls.push({ op: 'install', arg: c });
    },
    async remove(conversationId: string) {
      calls.push({ op: 'remove', arg: conversationId });
      return 1;
    },
    async removeTeam(_tenant: string, teamId: string) {
      calls.push({ op: 'removeTeam', arg: teamId });
      return 1;
    },
  };
  return { store, calls };
}

describe('conversation events, handled (botbuilder TestAdapter)', () => {
  async function run(activity: Record<string, unknown>) {
    const { store, calls } = recordingStore();
    const adapter = new TestAdapter(async (context) => createTurnHandler({ conversations: store })(turnFromContext(context)));
    await adapter.processActivity(activity);
    return { calls, replies: adapter.activeQueue };
  }

  it('stores a personal chat when the app is installed, with the user\u2019s Entra identity and tenant', async () => {
    const oid = randomUUID();
    const { calls, replies } = await run(teams.personalInstall('https://smba.trafficmanager.net/uk/', { aadObjectId: oid, tenantId: NHS_TENANT }, 'add'));
    expect(calls).toEqual([
      {
        op: 'install',
        arg: expect.objectContaining({ conversationId: `a:1personal-${oid}`, conversationType: 'personal', tenantId: NHS_TENANT, userAadObjectId: oid, botId: BOT.id, serviceUrl: 'https://smba.trafficmanager.net/uk/' }),
      },
    ]);
    expect(replies).toHaveLength(0);
  });

  it('removes the personal chat when the app is uninstalled', async () => {
    const oid = randomUUID();
    const { calls } = await run(teams.personalInstall('https://smba.trafficmanager.net/uk/', { aadObjectId: oid, tenantId: HOST_TENANT }, 'remove'));
    expect(calls).toEqual([{ op: 'remove', arg: `a:1personal-${oid}` }]);
  });

  it('stores a team\u2019s channel when the bot is added to the team, and drops the whole team when it is removed', async () => {
    const added = await run(teams.teamMember('https://smba.trafficmanager.net/uk/', 'added', '19:general@thread.tacv2', randomUUID()));
    expect(added.calls[0]).toMatchObject({ op: 'install', arg: { conversationType: 'channel', teamId: '19:general@thread.tacv2', channelId: '19:general@thread.tacv2' } });
    const removed = await run(teams.teamMember('https://smba.trafficmanager.net/uk/', 'removed', '19:general@thread.tacv2', randomUUID()));
    expect(removed.calls.map((c) => c.op)).toEqual(['removeTeam', 'remove']);
  });

  it('stores a group chat when the bot joins it, ignores people coming and going, and removes it when the bot leaves', async () => {
    const url = 'https://smba.trafficmanager.net/uk/';
    const chat = `19:${randomUUID()}@thread.v2`;
    expect((await run(teams.groupChatMembers(url, chat, { membersAdded: [{ id: BOT.id }] }, randomUUID()))).calls[0]).toMatchObject({ op: 'install', arg: { conversationType: 'groupChat' } });
    expect((await run(teams.groupChatMembers(url, chat, { membersAdded: [{ id: '29:1someone' }] }, randomUUID()))).calls).toEqual([]);
    expect((await run(teams.groupChatMembers(url, chat, { membersRemoved: [{ id: BOT.id }] }, randomUUID()))).calls).toEqual([{ op: 'remove', arg: chat }]);
  });
});

describe('conversation events and proactive messages over HTTP (/api/messages, dev mode)', () => {
  let t: TestApp;
  let connector: FakeConnector;
  let p: PartnershipFixture;
  beforeAll(async () => {
    connector = await startFakeConnector();
    t = await startTestApp({ seedDemo: false });
    p = await makePartnership(t.app.database.db);
  });
  afterAll(async () => {
    await t?.close();
    await connector?.close();
  });
  const conversations = () => createRepositories(t.app.database.db).botConversations;

  it('matches a partner from another tenant who installs the app, and reaches them with a proactive message', async () => {
    const oid = randomUUID();
    await t.app.database.db.updateTable('people').set({ entra_object_id: oid, tenant_id: NHS_TENANT }).where('id', '=', p.people.partner_member).execute();
    const r = await request(t.url, 'POST', '/api/messages', { json: teams.personalInstall(connector.url, { aadObjectId: oid, tenantId: NHS_TENANT }, 'add') });
    expect(r.status).toBe(200);
    const chat = await conversations().personalChatOf(p.partnershipId, p.people.partner_member);
    expect(chat).toMatchObject({ conversationId: `a:1personal-${oid}`, tenantId: NHS_TENANT, serviceUrl: connector.url });

    const sent = await t.app.outbox.enqueueToPerson({
      partnershipId: p.partnershipId,
      personId: p.people.partner_member,
      idempotencyKey: `challenge-reminder:${oid}`,
      activity: { type: 'message', text: 'A challenge is waiting for your answer.' },
    });
    expect(sent?.created).toBe(true);
    for (let i = 0; i < 500 && connector.delivered.length === 0; i++) await new Promise((res) => setTimeout(res, 20));
    const [d] = connector.delivered;
    expect(d).toMatchObject({ conversationId: `a:1personal-${oid}` });
    expect(d!.body).toMatchObject({ text: 'A challenge is waiting for your answer.', conversation: { tenantId: NHS_TENANT }, from: { id: BOT.id } });
  });

  it('forgets the personal chat when the app is uninstalled', async () => {
    const oid = randomUUID();
    await t.app.database.db.updateTable('people').set({ entra_object_id: oid, tenant_id: HOST_TENANT }).where('id', '=', p.people.subgroup_chair).execute();
    await request(t.url, 'POST', '/api/messages', { json: teams.personalInstall(connector.url, { aadObjectId: oid, tenantId: HOST_TENANT }, 'add') });
    expect(await conversations().personalChatOf(p.partnershipId, p.people.subgroup_chair)).toBeDefined();
    const r = await request(t.url, 'POST', '/api/messages', { json: teams.personalInstall(connector.url, { aadObjectId: oid, tenantId: HOST_TENANT }, 'remove') });
    expect(r.status).toBe(200);
    expect(await conversations().personalChatOf(p.partnershipId, p.people.subgroup_chair)).toBeUndefined();
    expect(await t.app.outbox.enqueueToPerson({ partnershipId: p.partnershipId, personId: p.people.subgroup_chair, idempotencyKey: `x:${oid}`, activity: { type: 'message', text: 'hi' } })).toBeUndefined();
  });

  it('matches a team to the partnership whose forum names it, and removes it when the bot is removed from the team', async () => {
    const teamId = `19:${randomUUID()}@thread.tacv2`;
    await t.app.database.db.updateTable('forums').set({ teams_team_id: teamId }).where('id', '=', p.forumId).execute();
    const r = await request(t.url, 'POST', '/api/messages', { json: teams.teamMember(connector.url, 'added', teamId, randomUUID()) });
    expect(r.status).toBe(200);
    expect((await conversations().listActive(p.partnershipId)).find((c) => c.conversationId === teamId)).toMatchObject({ conversationType: 'channel', teamId });
    await request(t.url, 'POST', '/api/messages', { json: teams.teamMember(connector.url, 'removed', teamId, randomUUID()) });
    expect((await conversations().listActive(p.partnershipId)).find((c) => c.conversationId === teamId)).toBeUndefined();
  });
});
