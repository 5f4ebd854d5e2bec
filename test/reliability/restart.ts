/**
 * Part 5, restart: scheduled evidence requests and their reminders resume after a restart, without duplicates.
 * On each database, the demo partnership plus RELIABILITY_EXTRA_CHAIRS subgroup chairs with open actions, each
 * with the bot installed in their personal chat, reached through a Bot Connector stand-in.
 * The server runs its evidence schedule every 500 ms:
 *   A. requests go out; the server is killed (SIGKILL) as soon as the first arrives, and started again;
 *   B. the clock is moved on past the reminder interval; killed at the first reminder, started again;
 *   C. started again with nothing due: nothing is sent.
 * Each start after a kill is a few minutes later on the server's clock, past the outbox's two-minute lease,
 * as a real restart would be: a message claimed when the process died is then taken again.
 * Goals: every request and reminder that fell due reached its chair once; no message twice; nothing stuck.
 * Run: node --import tsx test/reliability/restart.ts
 */
import { randomUUID } from 'node:crypto';
import { DEMO_TENANT_ID } from '../../src/demo/demo-partnership.js';
import type { DatabaseHandle } from '../../src/storage/connect.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { BotConversationsRepository } from '../../src/storage/repositories/bot-conversations-repository.js';
import { count, runPart, table } from './support/report.js';
import { ensureSeeded, onEachDatabase, readDatabase, startServer, type ServerProcess } from './support/server-under-test.js';

const EXTRA_CHAIRS = Number(process.env.RELIABILITY_EXTRA_CHAIRS ?? 40);
const REMINDER_DAYS = 3;
const DAY = 86_400_000;
const AFTER_A_CRASH = 3 * 60_000;
const BOT_ID = '28:00000000-0000-0000-0000-00000000b07';

const schedules = {
  RELIABILITY_EVIDENCE_INTERVAL_MS: '500',
  RELIABILITY_OUTBOX_POLL_MS: '200',
  EVIDENCE_REMINDER_DAYS: String(REMINDER_DAYS),
  // Every open action's chair is asked on the schedule; due-soon requests are left out to keep the count plain.
  EVIDENCE_REQUEST_DUE_SOON_DAYS: '0',
};

/** More chairs, each with an open action, so that a kill lands in the middle of a pass. */
async function addChairs(db: DatabaseHandle): Promise<void> {
  const partnership = await db.db.selectFrom('partnerships').select('id').executeTakeFirstOrThrow();
  for (let i = 0; i < EXTRA_CHAIRS; i++) {
    const id = randomUUID();
    await db.db.insertInto('people').values({ id, partnership_id: partnership.id, display_name: `Subgroup chair ${i}`, email: null, job_title: null, role: 'subgroup_chair', agency_id: null, entra_object_id: randomUUID(), tenant_id: DEMO_TENANT_ID }).execute();
    await db.db
      .insertInto('actions')
      .values({ id: randomUUID(), partnership_id: partnership.id, reference: `REL-${i}`, title: `Re-audit of strategy discussions ${i}`, source: 'audit', source_ref: null, area_id: null, owner_person_id: id, agency_id: null, forum_id: null, challenge_id: null, due_date: new Date(Date.now() + 90 * DAY).toISOString().slice(0, 10), status: 'in_progress', percent_complete: 20, completion_proposed_by_id: null, completion_proposed_at: null, signed_off_by_id: null, signed_off_at: null })
      .execute();
  }
}

/** The bot installed in every person's personal chat, as the installation update from Teams records it. */
async function installChats(db: DatabaseHandle, connector: FakeConnector): Promise<void> {
  const conversations = new BotConversationsRepository(db.db);
  for (const p of await db.db.selectFrom('people').select('entra_object_id').where('entra_object_id', 'is not', null).execute()) {
    await conversations.install(
      { conversationId: `a:1personal-${p.entra_object_id}`, conversationType: 'personal', tenantId: DEMO_TENANT_ID, serviceUrl: connector.url, botId: BOT_ID, userAadObjectId: p.entra_object_id! },
      new Date(),
    );
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `n` more activities have arrived (then returns at once), or until nothing arrives for `quietMs`. */
async function waitFor(connector: FakeConnector, o: { more?: number; quietMs: number; maxMs: number }): Promise<void> {
  const start = connector.delivered.length;
  const end = Date.now() + o.maxMs;
  let last = connector.delivered.length;
  let lastChange = Date.now();
  while (Date.now() < end) {
    if (o.more !== undefined && connector.delivered.length - start >= o.more) return;
    if (connector.delivered.length !== last) {
      last = connector.delivered.length;
      lastChange = Date.now();
    } else if (o.more === undefined && Date.now() - lastChange >= o.quietMs) return;
    await sleep(10);
  }
}

interface Phase {
  name: string;
  delivered: number;
  killedAfter?: number;
}

await runPart('restart', 'Restart: evidence requests and reminders resume without duplicates', async () => {
  const { rows, failures, summary } = await onEachDatabase(async (target, label, { rows, failures, summary }) => {
    const connector = await startFakeConnector();
    try {
      // The demo, then the chairs added while no server runs.
      await ensureSeeded(target);
      const seededRequests = await readDatabase(target, async (db) => {
        await addChairs(db);
        await installChats(db, connector);
        // The demo's own history of requests, which this run did not make.
        return new Set((await db.db.selectFrom('evidence_requests').select('id').execute()).map((r) => r.id));
      });
      let server: ServerProcess;
      const phases: Phase[] = [];
      const at = (offset: number) => ({ ...schedules, RELIABILITY_CLOCK_OFFSET_MS: String(offset) });
      const phase = async (name: string, offset: number, kill: boolean) => {
        const before = connector.delivered.length;
        server = await startServer(target, at(offset), `restart-${phases.length}`);
        let killedAfter: number | undefined;
        if (kill) {
          await waitFor(connector, { more: 1, quietMs: 0, maxMs: 30_000 });
          await server.kill9();
          killedAfter = connector.delivered.length - before;
        } else {
          await waitFor(connector, { quietMs: 3_000, maxMs: 90_000 });
          await server.stop();
        }
        phases.push({ name, delivered: connector.delivered.length - before, killedAfter });
      };
      const reminderTime = REMINDER_DAYS * DAY + 3_600_000;
      await phase('A: requests, killed at the first', 0, true);
      await phase('A: after the restart', AFTER_A_CRASH, false);
      await phase('B: reminders, killed at the first', reminderTime, true);
      await phase('B: after the restart', reminderTime + AFTER_A_CRASH, false);
      await phase('C: restart with nothing due', reminderTime + 2 * AFTER_A_CRASH, false);

      // What the database says was due and sent, against what reached the chats.
      const facts = await readDatabase(target, async (db) => ({
        requests: (await db.db.selectFrom('evidence_requests').select(['id', 'chair_person_id', 'trigger_key', 'status', 'reminders_sent']).execute()).filter((r) => !seededRequests.has(r.id)),
        outbox: await db.db.selectFrom('outbox_messages').select(['id', 'idempotency_key', 'status']).where('idempotency_key', 'like', 'evidence-request:%').execute(),
      }));
      const deliveredById = new Map<string, number>();
      for (const d of connector.delivered) deliveredById.set(d.clientActivityId!, (deliveredById.get(d.clientActivityId!) ?? 0) + 1);
      const outboxByKey = new Map(facts.outbox.map((m) => [m.idempotency_key, m]));
      const expectedKeys = facts.requests.flatMap((r) => [
        ...(r.status === 'scheduled' ? [] : [`evidence-request:${r.id}:request`]),
        ...Array.from({ length: r.reminders_sent }, (_, i) => `evidence-request:${r.id}:reminder:${i + 1}`),
      ]);
      const missing = expectedKeys.filter((k) => !outboxByKey.has(k) || deliveredById.get(outboxByKey.get(k)!.id) !== 1);
      const twice = [...deliveredById.values()].filter((n) => n > 1).length;
      const occasions = new Map<string, number>();
      for (const r of facts.requests) occasions.set(`${r.chair_person_id}/${r.trigger_key}`, (occasions.get(`${r.chair_person_id}/${r.trigger_key}`) ?? 0) + 1);
      const duplicateRequests = [...occasions.values()].filter((n) => n > 1).length;
      const stuck = facts.outbox.filter((m) => m.status !== 'sent').length;
      const reminders = facts.requests.reduce((n, r) => n + r.reminders_sent, 0);
      const notAnOutboxMessage = connector.delivered.filter((d) => !facts.outbox.some((m) => m.id === d.clientActivityId)).length;

      rows.push([
        label,
        phases.map((p) => `${p.delivered}${p.killedAfter !== undefined ? ' (kill -9)' : ''}`).join(' → '),
        count(facts.requests.length),
        count(reminders),
        count(connector.delivered.length),
        connector.stats.duplicatesSuppressed,
        missing.length,
        twice + duplicateRequests,
        stuck,
      ]);
      const problems = [
        ...missing.slice(0, 3).map((k) => {
          const m = outboxByKey.get(k);
          const r = facts.requests.find((x) => k.includes(x.id))!;
          return `due but not delivered once: ${k} (request ${r.status}, ${r.trigger_key}; outbox ${m ? `${m.status}, delivered ${deliveredById.get(m.id) ?? 0}×` : 'none'})`;
        }),
        ...(twice > 0 ? [`${twice} messages reached a chat twice`] : []),
        ...(duplicateRequests > 0 ? [`${duplicateRequests} chairs asked twice on one occasion`] : []),
        ...(stuck > 0 ? [`${stuck} outbox messages not sent`] : []),
        ...(notAnOutboxMessage > 0 ? [`${notAnOutboxMessage} activities not from the outbox`] : []),
        ...(facts.requests.length === 0 || reminders === 0 ? ['the run made no requests or no reminders: nothing was tested'] : []),
        ...(phases[4]!.delivered > 0 ? [`${phases[4]!.delivered} messages sent on a restart with nothing due`] : []),
      ];
      if (problems.length > 0) failures.push(`${label}: ${problems.join(' | ')}`);
      summary.push(`restart, ${label}: ${count(facts.requests.length)} requests and ${count(reminders)} reminders across two kill -9 restarts; ${missing.length} missed, ${twice + duplicateRequests} duplicates`);
    } finally {
      await connector.close();
    }
  });
  return {
    failures,
    summary,
    markdown:
      `The demo partnership plus ${EXTRA_CHAIRS} subgroup chairs, each with an open action and the bot in their personal chat; the evidence schedule runs every 500 ms. ` +
      'Delivered per start: A (requests; SIGKILL at the first) → A restarted → B (reminders, clock moved on; SIGKILL at the first) → B restarted → C (restart, nothing due). ' +
      '"Resent, recognised by id": a message whose send was cut by the kill went again with the same activity id and the connector answered with the first.\n\n' +
      table(['database', 'delivered per start', 'requests', 'reminders', 'activities delivered', 'resent, recognised by id', 'due but not delivered', 'duplicates', 'outbox not sent'], rows),
  };
});
