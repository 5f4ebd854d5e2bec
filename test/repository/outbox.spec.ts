import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProactiveSender } from '../../bot/adapter.js';
import { OutboxWorker } from '../../bot/outbox-worker.js';
import { OutboxService } from '../../src/services/outbox-service.js';
import { openDatabase, type DatabaseHandle } from '../../src/storage/connect.js';
import type { ConversationRef } from '../../src/storage/repositories/bot-conversations-repository.js';
import { createRepositories, type Repositories } from '../../src/storage/repositories/index.js';
import type { OutboxMessage } from '../../src/storage/repositories/outbox-repository.js';
import { testDatabases } from '../support/databases.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
const POLICE_TENANT = '99999999-8888-4777-8666-555555555555';
const FAST_RETRY = { maxAttempts: 5, baseDelayMs: 5, maxDelayMs: 50 };

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(testDatabases())('the bot outbox on $kind', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  let repos: Repositories;
  let p: PartnershipFixture;
  let connector: FakeConnector;
  const workers: OutboxWorker[] = [];
  const service = (db = h.db, now?: () => Date) => {
    const r = createRepositories(db);
    return new OutboxService(r.outbox, r.botConversations, r.auditLog, now);
  };
  const worker = (outbox: OutboxService, extra: Partial<ConstructorParameters<typeof OutboxWorker>[0]> = {}) => {
    const w = new OutboxWorker({ outbox, send: createProactiveSender(), pollIntervalMs: 20, retry: FAST_RETRY, ...extra });
    workers.push(w);
    return w;
  };
  const ref = (conversationId: string, tenantId = TENANT): ConversationRef => ({
    conversationId,
    conversationType: 'personal',
    tenantId,
    serviceUrl: connector.url,
    botId: '28:bot-id',
  });
  const message = (text: string) => ({ type: 'message', text });

  beforeAll(async () => {
    h = await target.create();
    repos = createRepositories(h.db);
    p = await makePartnership(h.db);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await connector?.close();
    // Each test starts with an empty outbox: no worker picks up another test's messages.
    await h.db.deleteFrom('outbox_messages').execute();
  });
  afterAll(async () => h?.dispose());

  describe('conversation references', () => {
    it('matches a personal chat to the person by Entra object id and tenant, a partner from another tenant included', async () => {
      connector = await startFakeConnector();
      const oid = randomUUID();
      await h.db.updateTable('people').set({ entra_object_id: oid, tenant_id: POLICE_TENANT }).where('id', '=', p.people.partner_member).execute();
      const [row] = await repos.botConversations.install(
        { conversationId: `a:${oid}`, conversationType: 'personal', tenantId: POLICE_TENANT, serviceUrl: connector.url, botId: '28:bot-id', userAadObjectId: oid },
        new Date(),
      );
      expect(row).toMatchObject({ partnershipId: p.partnershipId, personId: p.people.partner_member, tenantId: POLICE_TENANT });
      expect((await repos.botConversations.personalChatOf(p.partnershipId, p.people.partner_member))?.conversationId).toBe(`a:${oid}`);
      // The same object id in the host tenant is someone else.
      const [stranger] = await repos.botConversations.install(
        { conversationId: `a:other-${oid}`, conversationType: 'personal', tenantId: TENANT, serviceUrl: connector.url, botId: '28:bot-id', userAadObjectId: oid },
        new Date(),
      );
      expect(stranger).toMatchObject({ partnershipId: null, personId: null });
    });

    it('keeps an unmatched chat, matches it when installed again after the person is added, and forgets it on removal', async () => {
      connector = await startFakeConnector();
      const oid = randomUUID();
      const install = { conversationId: `a:${oid}`, conversationType: 'personal' as const, tenantId: TENANT, serviceUrl: connector.url, botId: '28:bot-id', userAadObjectId: oid };
      expect((await repos.botConversations.install(install, new Date()))[0]).toMatchObject({ partnershipId: null });
      await h.db.updateTable('people').set({ entra_object_id: oid, tenant_id: TENANT }).where('id', '=', p.people.subgroup_chair).execute();
      const rows = await repos.botConversations.install(install, new Date());
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ partnershipId: p.partnershipId, personId: p.people.subgroup_chair, removedAt: null });
      await repos.botConversations.remove(install.conversationId, new Date());
      expect(await repos.botConversations.personalChatOf(p.partnershipId, p.people.subgroup_chair)).toBeUndefined();
    });
  });

  describe('enqueue', () => {
    it('is idempotent on the key: a second enqueue returns the first message', async () => {
      connector = await startFakeConnector();
      const outbox = service();
      const key = `evidence-request:${randomUUID()}`;
      const first = await outbox.enqueue({ partnershipId: p.partnershipId, idempotencyKey: key, conversationRef: ref('a:1'), activity: message('first') });
      const second = await outbox.enqueue({ partnershipId: p.partnershipId, idempotencyKey: key, conversationRef: ref('a:2'), activity: message('second') });
      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.message.id).toBe(first.message.id);
      expect(second.message.activity).toMatchObject({ text: 'first' });
    });

    it('lets only one claimer take a message', async () => {
      connector = await startFakeConnector();
      const outbox = service();
      await outbox.enqueue({ partnershipId: p.partnershipId, idempotencyKey: `claim:${randomUUID()}`, conversationRef: ref('a:claim'), activity: message('x') });
      const [a, b] = await Promise.all([outbox.claim('w1', 60_000, 1000), outbox.claim('w2', 60_000, 1000)]);
      const ids = [...a, ...b].map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
      // Put them back for the other tests' workers.
      for (const m of a) await outbox.recordDeferred(m, 'w1', 0);
      for (const m of b) await outbox.recordDeferred(m, 'w2', 0);
    });
  });

  describe('the worker', () => {
    async function enqueueOne(outbox: OutboxService, conversationId: string, text = 'Please update your actions') {
      return (await outbox.enqueue({ partnershipId: p.partnershipId, idempotencyKey: `${conversationId}:${randomUUID()}`, conversationRef: ref(conversationId), activity: message(text) })).message;
    }
    const row = async (m: OutboxMessage) => (await repos.outbox.findByKey(m.idempotencyKey))!;

    it('sends a message once and records the connector\u2019s activity id', async () => {
      connector = await startFakeConnector();
      const outbox = service();
      const m = await enqueueOne(outbox, `a:${randomUUID()}`);
      worker(outbox).start();
      await until(async () => (await row(m)).status === 'sent', 'the message to be sent');
      const got = connector.delivered.filter((d) => d.conversationId === m.reference.conversationId);
      expect(got).toHaveLength(1);
      expect(got[0]!.body.text).toBe('Please update your actions');
      expect((await row(m)).sentActivityId).toBe(got[0]!.activityId);
    });

    it('does not send twice when it dies between sending and recording', async () => {
      connector = await startFakeConnector();
      const conversationId = `a:${randomUUID()}`;
      // The first worker's process "dies" after the connector accepted the message: it never records it.
      class DiesAfterSending extends OutboxService {
        override async recordSent(): Promise<boolean> {
          throw new Error('process killed');
        }
      }
      const r = createRepositories(h.db);
      const dying = new DiesAfterSending(r.outbox, r.botConversations, r.auditLog);
      const m = await enqueueOne(dying, conversationId);
      const crashed: unknown[] = [];
      const first = worker(dying, { onError: (e) => crashed.push(e) });
      first.start();
      await until(() => crashed.length === 1, 'the first worker to crash');
      await first.stop();
      expect((await row(m)).status).toBe('sending');

      // A new worker, once the lease has run out (its clock is 10 minutes on), takes it over.
      const later = service(h.db, () => new Date(Date.now() + 600_000));
      worker(later).start();
      await until(async () => (await row(m)).status === 'sent', 'the restarted worker to record it');

      const got = connector.delivered.filter((d) => d.conversationId === conversationId);
      expect(got).toHaveLength(1);
      expect(connector.stats.duplicatesSuppressed).toBe(1);
      expect((await row(m)).sentActivityId).toBe(got[0]!.activityId);
    });

    it('retries 429, 412, 502 and 504, then delivers once', async () => {
      connector = await startFakeConnector();
      const outbox = service();
      connector.failNext(429, 1, 0);
      connector.failNext(412);
      connector.failNext(502);
      connector.failNext(504);
      const m = await enqueueOne(outbox, `a:${randomUUID()}`);
      worker(outbox).start();
      await until(async () => (await row(m)).status === 'sent', 'the message to get through');
      expect(connector.calls.map((c) => c.status)).toEqual([429, 412, 502, 504, 200]);
      expect(connector.delivered).toHaveLength(1);
      expect((await row(m)).attempts).toBe(5);
    });

    it('gives up after the last attempt and says so', async () => {
      connector = await startFakeConnector();
      const outbox = service();
      connector.failNext(502, FAST_RETRY.maxAttempts);
      const m = await enqueueOne(outbox, `a:${randomUUID()}`);
      worker(outbox).start();
      await until(async () => (await row(m)).status === 'failed', 'the message to fail');
      expect(connector.calls).toHaveLength(FAST_RETRY.maxAttempts);
      expect((await row(m)).lastError).toContain('502');
      expect((await outbox.undelivered(p.partnershipId)).map((u) => u.id)).toContain(m.id);
    });

    it('on 403 marks the recipient unreachable and tells the business manager who it was', async () => {
      connector = await startFakeConnector();
      const outbox = service();
      const oid = randomUUID();
      await h.db.updateTable('people').set({ entra_object_id: oid, tenant_id: POLICE_TENANT }).where('id', '=', p.people.safeguarding_partner).execute();
      const [chat] = await repos.botConversations.install(
        { conversationId: `a:blocked-${oid}`, conversationType: 'personal', tenantId: POLICE_TENANT, serviceUrl: connector.url, botId: '28:bot-id', userAadObjectId: oid },
        new Date(),
      );
      connector.block(chat!.conversationId);
      const sent = await outbox.enqueueToPerson({ partnershipId: p.partnershipId, personId: p.people.safeguarding_partner, idempotencyKey: `challenge:${oid}`, activity: message('A challenge for you') });
      worker(outbox).start();
      await until(async () => (await row(sent!.message)).status === 'unreachable', 'the message to be marked unreachable');
      expect(connector.calls).toHaveLength(1);
      const undelivered = await outbox.undelivered(p.partnershipId);
      expect(undelivered.map((u) => u.id)).toContain(sent!.message.id);
      const audit = await repos.auditLog.list(p.partnershipId);
      expect(audit.find((a) => a.action === 'bot.recipient_unreachable' && a.entityId === sent!.message.id)?.detail).toMatchObject({
        personId: p.people.safeguarding_partner,
        conversationId: chat!.conversationId,
      });
    });

    it('with two workers, sends each of 100 messages exactly once', async () => {
      connector = await startFakeConnector({ teamsLimits: true });
      // On PostgreSQL each worker has its own connection pool, as two server instances would.
      const second: DatabaseHandle = h.url ? await openDatabase({ kind: 'postgres', url: h.url }) : h;
      try {
        const a = service(h.db);
        const b = service(second.db);
        const conversations = Array.from({ length: 20 }, () => `a:${randomUUID()}`);
        const keys: string[] = [];
        for (let i = 0; i < 100; i++) {
          const m = await enqueueOne(a, conversations[i % 20]!, `message ${i}`);
          keys.push(m.id);
        }
        worker(a).start();
        worker(b).start();
        await until(() => connector.delivered.length >= 100, 'all 100 messages', 60_000);
        await Promise.all(workers.splice(0).map((w) => w.stop()));
        const byId = new Map<string, number>();
        for (const d of connector.delivered) byId.set(d.clientActivityId!, (byId.get(d.clientActivityId!) ?? 0) + 1);
        expect(keys.every((k) => byId.get(k) === 1)).toBe(true);
        expect(connector.delivered).toHaveLength(100);
        expect(connector.stats.duplicatesSuppressed).toBe(0);
        const counts = await h.db.selectFrom('outbox_messages').select('status').where('id', 'in', keys).execute();
        expect(counts.every((c) => c.status === 'sent')).toBe(true);
      } finally {
        if (second !== h) await second.close();
      }
    });
  });
});
