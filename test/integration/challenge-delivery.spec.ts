import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChallengeDelivery } from '../../bot/challenge-delivery.js';
import { ChallengeService } from '../../src/services/challenge-service.js';
import { OutboxService } from '../../src/services/outbox-service.js';
import { createRepositories } from '../../src/storage/repositories/index.js';
import { TeamsUsersRepository } from '../../src/storage/repositories/teams-users-repository.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
const BOT = { id: '28:00000000-0000-0000-0000-00000000b07', name: 'Line of Sight' };
const TEAM = '19:partnership-team@thread.tacv2';

/** installationUpdate and conversationUpdate, shaped as Microsoft's Teams documentation shows them. */
const personalInstall = (serviceUrl: string, aadObjectId: string) => ({
  type: 'installationUpdate',
  id: `f:${randomUUID()}`,
  timestamp: '2026-12-01T09:00:00.000Z',
  serviceUrl,
  channelId: 'msteams',
  from: { id: `29:1${aadObjectId}`, aadObjectId },
  recipient: BOT,
  conversation: { conversationType: 'personal', tenantId: TENANT, id: `a:1personal-${aadObjectId}` },
  action: 'add',
  channelData: { tenant: { id: TENANT }, source: { name: 'message' } },
  locale: 'en-GB',
});
const teamInstall = (serviceUrl: string, installer: string) => ({
  type: 'conversationUpdate',
  id: `f:${randomUUID()}`,
  timestamp: '2026-12-01T09:00:00.000Z',
  serviceUrl,
  channelId: 'msteams',
  from: { id: '29:1installer', aadObjectId: installer },
  recipient: BOT,
  conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: TEAM },
  membersAdded: [{ id: BOT.id }],
  channelData: { team: { aadGroupId: randomUUID(), name: 'Safeguarding Partnership', id: TEAM }, eventType: 'teamMemberAdded', tenant: { id: TENANT } },
});

describe('challenge cards delivered through the outbox, with reminders', () => {
  let t: TestApp;
  let connector: FakeConnector;
  let p: PartnershipFixture;
  let clock = new Date('2026-12-01T09:00:00Z');
  const oids = { partner: randomUUID(), scrutineer: randomUUID() };

  const raise = async (overrides: Record<string, unknown> = {}) => {
    const id = randomUUID();
    const r = await request(t.url, 'POST', `/api/v1/partnerships/${p.partnershipId}/challenges`, {
      headers: { 'x-los-dev-person': p.people.scrutineer },
      json: { id, question: 'How is the voice of the child recorded in strategy meetings?', addresseePersonId: p.people.partner_member, dueDate: '2026-12-10', ...overrides },
    });
    expect(r.status).toBe(201);
    return id;
  };
  const queued = (key: string) => t.app.database.db.selectFrom('outbox_messages').selectAll().where('idempotency_key', 'like', key).execute();
  const waitForDelivery = async (predicate: (body: any) => boolean) => {
    for (let i = 0; i < 100; i += 1) {
      const found = connector.delivered.find((d) => predicate(d.body));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('The outbox did not deliver the message.');
  };

  beforeAll(async () => {
    connector = await startFakeConnector();
    t = await startTestApp({ seedDemo: false, now: () => clock });
    const db = t.app.database.db;
    p = await makePartnership(db);
    await db.updateTable('people').set({ entra_object_id: oids.partner, tenant_id: TENANT }).where('id', '=', p.people.partner_member).execute();
    await db.updateTable('people').set({ entra_object_id: oids.scrutineer, tenant_id: TENANT }).where('id', '=', p.people.scrutineer).execute();
    expect((await request(t.url, 'POST', '/api/messages', { json: personalInstall(connector.url, oids.partner) })).status).toBeLessThan(300);
  });
  afterAll(async () => {
    await t?.close();
    await connector?.close();
  });

  it('sends a newly raised challenge to the addressee\u2019s personal chat, with the answer box, once', async () => {
    const id = await raise();
    const [message] = await queued(`challenge-card:${id}`);
    expect(message).toMatchObject({ status: expect.stringMatching(/pending|sending|sent/) });
    const delivered = await waitForDelivery((b) => JSON.stringify(b).includes(id));
    expect(delivered.conversationId).toBe(`a:1personal-${oids.partner}`);
    const card = delivered.body.attachments[0].content;
    expect(JSON.stringify(card)).toContain('How is the voice of the child recorded in strategy meetings?');
    expect(card.body.some((e: { id?: string }) => e.id === 'answer')).toBe(true);
    expect(card.refresh.userIds).toEqual(expect.arrayContaining([`8:orgid:${oids.partner}`, `8:orgid:${oids.scrutineer}`]));
    expect((await t.app.challengeDelivery.sweep()).delivered).toBe(0);
    expect(await queued(`challenge-card:${id}`)).toHaveLength(1);
  });

  it('posts a challenge about a forum into the forum\u2019s channel when the bot is in its team, without controls for everyone', async () => {
    const db = t.app.database.db;
    await db.updateTable('forums').set({ teams_team_id: TEAM, teams_channel_id: TEAM }).where('id', '=', p.forumId).execute();
    expect((await request(t.url, 'POST', '/api/messages', { json: teamInstall(connector.url, oids.scrutineer) })).status).toBeLessThan(300);
    const id = await raise({ forumId: p.forumId });
    const delivered = await waitForDelivery((b) => JSON.stringify(b).includes(id));
    expect(delivered.conversationId).toBe(TEAM);
    expect(JSON.stringify(delivered.body.attachments[0].content)).not.toContain('Input.Text');
  });

  it('records once that nobody could be reached, and delivers later when the addressee installs the app', async () => {
    const db = t.app.database.db;
    const chairOid = randomUUID();
    await db.updateTable('people').set({ entra_object_id: chairOid, tenant_id: TENANT }).where('id', '=', p.people.subgroup_chair).execute();
    const id = await raise({ addresseePersonId: p.people.subgroup_chair });
    await t.app.challengeDelivery.sweep();
    const audits = await db.selectFrom('audit_log').select('action').where('entity_id', '=', id).where('action', '=', 'challenge.undeliverable').execute();
    expect(audits).toHaveLength(1);
    expect(await queued(`challenge-card:${id}`)).toHaveLength(0);

    await request(t.url, 'POST', '/api/messages', { json: personalInstall(connector.url, chairOid) });
    expect((await t.app.challengeDelivery.sweep()).delivered).toBeGreaterThanOrEqual(1);
    await waitForDelivery((b) => JSON.stringify(b).includes(id));
  });

  it('queues the card of a challenge saved without it (a crash between saving and queueing) on the next sweep', async () => {
    const db = t.app.database.db;
    const id = randomUUID();
    // A service with no delivery attached stands for the process that died after saving.
    await new ChallengeService(db, createRepositories(db).auditLog, () => clock).raise(p.actors.scrutineer, {
      id,
      question: 'Which audits found drift in thresholds?',
      addresseePersonId: p.people.partner_member,
      dueDate: '2026-12-20',
    });
    expect(await queued(`challenge-card:${id}`)).toHaveLength(0);
    await t.app.challengeDelivery.sweep();
    expect(await queued(`challenge-card:${id}`)).toHaveLength(1);
  });

  it('reminds the addressee two days before the due date and once it has passed, each once, across restarts', async () => {
    const id = await raise({ dueDate: '2026-12-12' });
    clock = new Date('2026-12-09T09:00:00Z');
    await t.app.challengeDelivery.sweep();
    expect(await queued(`challenge-reminder:${id}:%`)).toHaveLength(0);

    clock = new Date('2026-12-10T09:00:00Z');
    await t.app.challengeDelivery.sweep();
    await t.app.challengeDelivery.sweep();
    const dueSoon = await queued(`challenge-reminder:${id}:due-soon:2026-12-12`);
    expect(dueSoon).toHaveLength(1);
    const reminder = await waitForDelivery((b) => b.summary === 'Challenge due soon' && JSON.stringify(b).includes(id));
    expect(JSON.stringify(reminder.body)).toContain('Reminder: this challenge is due on Sat 12 December 2026.');

    clock = new Date('2026-12-13T09:00:00Z');
    // A second instance (or this one after a restart) sweeping at the same time sends nothing twice.
    const db = t.app.database.db;
    const repos = createRepositories(db);
    const other = new ChallengeDelivery({
      challenges: new ChallengeService(db, repos.auditLog, () => clock),
      outbox: new OutboxService(repos.outbox, repos.botConversations, repos.auditLog, () => clock),
      conversations: repos.botConversations,
      teamsUsers: new TeamsUsersRepository(db),
      auditLog: repos.auditLog,
      now: () => clock,
    });
    await Promise.all([t.app.challengeDelivery.sweep(), other.sweep()]);
    expect(await queued(`challenge-reminder:${id}:overdue:2026-12-12`)).toHaveLength(1);
    expect(await queued(`challenge-reminder:${id}:%`)).toHaveLength(2);
  });

  it('stops reminding once the challenge is answered', async () => {
    const id = await raise({ dueDate: '2026-12-15' });
    const db = t.app.database.db;
    await new ChallengeService(db, createRepositories(db).auditLog, () => clock).respond(p.actors.partner_member, id, 'The template now has a voice-of-the-child section.');
    clock = new Date('2026-12-16T09:00:00Z');
    await t.app.challengeDelivery.sweep();
    expect(await queued(`challenge-reminder:${id}:%`)).toHaveLength(0);
  });
});
