// Fan-out of 200 evidence requests to 200 personal chats through the outbox, against the local
// Bot Connector stand-in enforcing Teams' documented limits (per conversation 7/1 s, 8/2 s,
// 60/30 s, 1800/h; per tenant 50/s) and failing 10% of sends with 502/504/412.
// Baseline in the same run: the allowed rate itself, and naive sending (all at once, no limiter).
// Run: node --import tsx bench/outbox-fanout.ts
import { randomUUID } from 'node:crypto';
import { createProactiveSender } from '../bot/adapter.js';
import { OutboxWorker } from '../bot/outbox-worker.js';
import { TEAMS_PER_TENANT } from '../src/services/outbox-rate-limits.js';
import { OutboxService } from '../src/services/outbox-service.js';
import { openDatabase } from '../src/storage/connect.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import type { ConversationRef } from '../src/storage/repositories/bot-conversations-repository.js';
import { createRepositories } from '../src/storage/repositories/index.js';
import { startFakeConnector } from '../test/support/fake-connector.js';
import { makePartnership } from '../test/support/fixtures.js';

const CHATS = Number(process.env.BENCH_CHATS ?? 200);
const FAILURE_RATE = Number(process.env.BENCH_FAILURE_RATE ?? 0.1);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 250);
const TENANT = '11111111-2222-4333-8444-555555555555';
const allowedPerSecond = TEAMS_PER_TENANT[0]!.limit; // the binding limit: one message per chat

const evidenceRequest = (i: number) => ({
  type: 'message',
  summary: 'Evidence request: your open actions',
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `Your open actions (${i})`, wrap: true }] },
    },
  ],
});

// --- the outbox ---
const h = await openDatabase({ kind: 'pglite' });
await migrateToLatest(h.db);
const connector = await startFakeConnector({ teamsLimits: true, failureRate: FAILURE_RATE, failureStatuses: [502, 504, 412], seed: 7 });
const p = await makePartnership(h.db);
const repos = createRepositories(h.db);
const outbox = new OutboxService(repos.outbox, repos.botConversations, repos.auditLog);
const ref = (i: number): ConversationRef => ({ conversationId: `a:1chair-${i}`, conversationType: 'personal', tenantId: TENANT, serviceUrl: connector.url, botId: '28:bot-id' });
const ids: string[] = [];
for (let i = 0; i < CHATS; i++) {
  const { message } = await outbox.enqueue({ partnershipId: p.partnershipId, idempotencyKey: `evidence-request:2026-11:${i}`, conversationRef: ref(i), activity: evidenceRequest(i) });
  ids.push(message.id);
}
const worker = new OutboxWorker({ outbox, send: createProactiveSender(), pollIntervalMs: POLL_MS });
const started = performance.now();
worker.start();
while (connector.delivered.length < CHATS) {
  await new Promise((r) => setTimeout(r, 5));
  if (performance.now() - started > 120_000) break;
}
const elapsedS = (performance.now() - started) / 1000;
await worker.stop();
const requests = connector.calls.length;
const counts = await repos.outbox.countByStatus(p.partnershipId);
const perId = new Map<string, number>();
for (const d of connector.delivered) perId.set(d.clientActivityId!, (perId.get(d.clientActivityId!) ?? 0) + 1);
const lost = ids.filter((id) => !perId.has(id)).length;
const duplicated = [...perId.values()].filter((n) => n > 1).length + connector.stats.duplicatesSuppressed;
const ours = {
  elapsedS,
  requests,
  requestRate: requests / elapsedS,
  deliveredRate: connector.delivered.length / elapsedS,
  tooMany: connector.stats.tooManyRequests,
  injected: connector.stats.injectedFailures,
  lost,
  duplicated,
  sentRows: counts.sent,
};
await connector.close();
await h.close();

// --- baseline: naive sending, every message at once, no limiter, no retries ---
const naiveConnector = await startFakeConnector({ teamsLimits: true, failureRate: FAILURE_RATE, failureStatuses: [502, 504, 412], seed: 7 });
const send = createProactiveSender();
const naiveStarted = performance.now();
const results = await Promise.allSettled(
  Array.from({ length: CHATS }, (_, i) => send({ ...ref(i), serviceUrl: naiveConnector.url }, evidenceRequest(i), randomUUID())),
);
const naiveS = (performance.now() - naiveStarted) / 1000;
const naive = {
  tooMany: naiveConnector.stats.tooManyRequests,
  delivered: naiveConnector.delivered.length,
  failed: results.filter((r) => r.status === 'rejected').length,
  rate: naiveConnector.calls.length / naiveS,
};
await naiveConnector.close();

const f = (n: number, d = 1) => n.toFixed(d);
console.log(`${CHATS} evidence requests to ${CHATS} personal chats in one tenant; stand-in enforcing Teams' limits, injecting ${Math.round(FAILURE_RATE * 100)}% failures (502/504/412); worker poll ${POLL_MS} ms`);
console.log('| figure | outbox | baseline | goal |');
console.log('|---|---|---|---|');
console.log(`| requests per second to the connector (attempts, retries included) | ${f(ours.requestRate)} | allowed: ${allowedPerSecond} (per tenant) | — |`);
console.log(`| achieved rate as a fraction of the allowed rate (requests) | **${f(ours.requestRate / allowedPerSecond, 2)}** | 1.00 | ≥ 0.8 |`);
console.log(`| delivered messages per second (fraction of allowed) | ${f(ours.deliveredRate)} (${f(ours.deliveredRate / allowedPerSecond, 2)}) | — | — |`);
console.log(`| 429s provoked | **${ours.tooMany}** | naive, all at once: ${naive.tooMany} of ${CHATS} | 0 |`);
console.log(`| messages lost / duplicated | **${ours.lost} / ${ours.duplicated}** | naive: ${CHATS - naive.delivered} not delivered | 0 / 0 |`);
console.log(`| injected failures retried | ${ours.injected} | naive: ${naive.failed} sends failed | — |`);
console.log(`outbox: ${ours.requests} requests in ${f(ours.elapsedS, 2)} s; ${ours.sentRows}/${CHATS} rows recorded sent. naive: ${f(naive.rate)} requests/s.`);
process.exit(ours.tooMany === 0 && ours.lost === 0 && ours.duplicated === 0 && ours.requestRate / allowedPerSecond >= 0.8 ? 0 : 1);
