/**
 * Part 3, faults, on each database (in this process: the faults are in the services we call, not in ours).
 * - Graph: a library of RELIABILITY_GRAPH_FILES files on the Graph stand-in, which answers 10% of requests
 *   (API and downloads) with 429, 503 or a timeout. A first sync, then changes (edits, new files, renames,
 *   moves, deletions) and a second sync, both under the faults. Goal: the synced set (each live document's
 *   item, name and content hash) equals the source. A sync that gives up part-way is run again, as the
 *   schedule would; how many runs it took is reported.
 * - Bot Connector: RELIABILITY_OUTBOX_MESSAGES messages through the outbox, two workers at once (two server
 *   instances), to a connector stand-in that fails 5% of sends (429, 502, 503, 504) behind a proxy that
 *   loses 5% of its answers after the connector took the message. Goal: every message delivered exactly once.
 * Run: node --import tsx test/reliability/faults.ts
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createProactiveSender } from '../../bot/adapter.js';
import { OutboxWorker } from '../../bot/outbox-worker.js';
import { DEFAULT_CONVENTIONS } from '../../src/documents/classification.js';
import { ContentStore } from '../../src/documents/content-store.js';
import { syncDrive, type SyncReport } from '../../src/documents/sync/drive-syncer.js';
import { OutboxService } from '../../src/services/outbox-service.js';
import type { DatabaseHandle } from '../../src/storage/connect.js';
import { createRepositories } from '../../src/storage/repositories/index.js';
import { testDatabases } from '../support/databases.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { makePartnership } from '../support/fixtures.js';
import { GraphStandIn } from '../support/graph-stand-in.js';
import { wire } from '../support/graph-stand-in/test-client.js';
import { startLossyProxy } from '../support/lossy-proxy.js';
import { count, runPart, table } from './support/report.js';
import { reliabilityDatabases } from './support/server-under-test.js';

const FILES = Number(process.env.RELIABILITY_GRAPH_FILES ?? 400);
const MESSAGES = Number(process.env.RELIABILITY_OUTBOX_MESSAGES ?? 400);
const FAULT_RATE = 0.1;
const MAX_SYNC_RUNS = 10;
const TENANT = '11111111-2222-4333-8444-555555555555';

const sha256 = (content: string) => createHash('sha256').update(content).digest('hex');
const until = async (done: () => Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (!(await done()) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
};

interface GraphFigures {
  files: number;
  requests: number;
  faults: number;
  runs: [number, number];
  equal: [boolean, boolean];
  differences: string[];
}

async function graphUnderFaults(h: DatabaseHandle): Promise<GraphFigures> {
  const graph = await GraphStandIn.start({ pageSize: 50, hangMs: 1_500 });
  const dir = mkdtempSync(path.join(tmpdir(), 'los-reliability-graph-'));
  try {
    // The client as production builds it, with a short request timeout so that a hung request costs little;
    // its back-off sleeps are not waited (the stand-in asks for Retry-After: 0).
    const w = wire(graph, { requestTimeoutMs: 500, downloadTimeoutMs: 500 });
    const root = graph.ensureFolder('Papers');
    const folders = Array.from({ length: 10 }, (_, f) => graph.addFolder(`2026-${String(f + 1).padStart(2, '0')}-14 Executive`, { parentId: root.id }));
    /** The source as we made it: item id → name and content. */
    const source = new Map<string, { name: string; content: string }>();
    const add = (i: number, folder = folders[i % folders.length]!) => {
      const name = `Item ${i} - paper ${i}.pdf`;
      const content = `%PDF-1.4 synthetic paper ${i} ${randomUUID()}`;
      source.set(graph.addFile(name, content, { parentId: folder.id }).id, { name, content });
    };
    for (let i = 0; i < FILES; i++) add(i);

    const p = await makePartnership(h.db);
    await h.db
      .insertInto('document_sources')
      .values({ id: randomUUID(), partnership_id: p.partnershipId, forum_id: p.forumId, kind: 'graph', site_id: null, site_url: graph.siteUrl, drive_id: graph.driveId, drive_name: 'Documents', folder_item_id: root.id, folder_path: 'Papers', team_id: null, channel_id: null })
      .execute();
    // Extraction has its own benchmark; here what matters is which bytes arrived.
    const deps = { db: h.db, source: w.source, store: new ContentStore(path.join(dir, 'content')), extract: async () => ({ status: 'extracted' as const, pages: ['text'] }), conventions: DEFAULT_CONVENTIONS, now: () => new Date() };
    const key = { partnershipId: p.partnershipId, sourceKind: 'graph' as const, driveId: graph.driveId };

    /** Syncs until a run completes with every file read, as the schedule would; returns the runs it took. */
    const syncUntilDone = async (): Promise<number> => {
      for (let run = 1; run <= MAX_SYNC_RUNS; run++) {
        const report: SyncReport = await syncDrive(deps, key);
        if (report.status === 'done' && report.failedItems === 0) return run;
      }
      return MAX_SYNC_RUNS + 1;
    };
    const compare = async (): Promise<string[]> => {
      const rows = await h.db
        .selectFrom('documents as d')
        .innerJoin('document_versions as v', 'v.id', 'd.current_version_id')
        .select(['d.item_id', 'd.path', 'v.content_hash'])
        .where('d.partnership_id', '=', p.partnershipId)
        .where('d.deleted_at', 'is', null)
        .execute();
      const synced = new Map(rows.map((r) => [r.item_id, r]));
      const out: string[] = [];
      for (const [id, want] of source) {
        const got = synced.get(id);
        if (!got) out.push(`missing: ${want.name}`);
        else if (path.posix.basename(got.path) !== want.name || got.content_hash !== sha256(want.content)) out.push(`stale: ${want.name} (${got.path})`);
      }
      for (const id of synced.keys()) if (!source.has(id)) out.push(`should be gone: ${synced.get(id)!.path}`);
      return out;
    };

    graph.chaos({ rate: FAULT_RATE, seed: 7, kinds: [429, 503, 'timeout'], retryAfter: 0 });
    const firstRuns = await syncUntilDone();
    const firstDiff = await compare();

    // A month of changes to the library, synced under the same faults.
    const ids = [...source.keys()];
    for (const id of ids.slice(0, FILES / 10)) {
      const content = `%PDF-1.4 revised ${randomUUID()}`;
      graph.updateContent(id, content);
      source.get(id)!.content = content;
    }
    for (const id of ids.slice(FILES / 10, FILES / 10 + FILES / 20)) {
      const name = `Renamed ${source.get(id)!.name}`;
      graph.rename(id, name);
      source.get(id)!.name = name;
    }
    for (const id of ids.slice(FILES / 5, FILES / 5 + FILES / 20)) graph.move(id, folders[(ids.indexOf(id) + 3) % folders.length]!.id);
    for (const id of ids.slice(FILES / 2, FILES / 2 + FILES / 20)) {
      graph.remove(id);
      source.delete(id);
    }
    for (let i = FILES; i < FILES + FILES / 10; i++) add(i);
    const secondRuns = await syncUntilDone();
    const secondDiff = await compare();
    const stats = graph.stats();
    return {
      files: source.size,
      requests: stats.api.requests + stats.download.requests,
      faults: stats.faultsInjected,
      runs: [firstRuns, secondRuns],
      equal: [firstDiff.length === 0, secondDiff.length === 0],
      differences: [...firstDiff.map((d) => `first sync: ${d}`), ...secondDiff.map((d) => `after changes: ${d}`)],
    };
  } finally {
    await graph.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface OutboxFigures {
  messages: number;
  requests: number;
  failedByConnector: number;
  answersLost: number;
  resendsRecognised: number;
  exactlyOnce: number;
  lost: number;
  duplicated: number;
  notSent: number;
}

async function outboxUnderFaults(h: DatabaseHandle): Promise<OutboxFigures> {
  const connector = await startFakeConnector({ failureRate: FAULT_RATE / 2, failureStatuses: [429, 502, 503, 504], seed: 5 });
  const proxy = await startLossyProxy(connector.url, { dropRate: FAULT_RATE / 2, seed: 9 });
  const p = await makePartnership(h.db);
  const repos = createRepositories(h.db);
  const outbox = new OutboxService(repos.outbox, repos.botConversations, repos.auditLog);
  const ids: string[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const { message } = await outbox.enqueue({
      partnershipId: p.partnershipId,
      idempotencyKey: `reliability:${p.partnershipId}:${i}`,
      conversationRef: { conversationId: `a:reliability-${p.partnershipId}-${i % 100}`, conversationType: 'personal', tenantId: TENANT, serviceUrl: proxy.url, botId: '28:bot-id' },
      activity: { type: 'message', text: `Challenge ${i}: please answer by Friday.` },
    });
    ids.push(message.id);
  }
  // Two instances' workers, each with production's attempts and lease, and a short back-off.
  const retry = { maxAttempts: 8, baseDelayMs: 20, maxDelayMs: 500 };
  const workers = [0, 1].map(() => new OutboxWorker({ outbox, send: createProactiveSender(), pollIntervalMs: 50, retry }));
  try {
    for (const w of workers) w.start();
    const settled = async () => {
      const c = await repos.outbox.countByStatus(p.partnershipId);
      return c.pending + c.sending === 0;
    };
    await until(settled, 120_000);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
  const counts = await repos.outbox.countByStatus(p.partnershipId);
  await proxy.close();
  await connector.close();
  const perId = new Map<string, number>();
  for (const d of connector.delivered) perId.set(d.clientActivityId!, (perId.get(d.clientActivityId!) ?? 0) + 1);
  return {
    messages: MESSAGES,
    requests: connector.calls.length,
    failedByConnector: connector.stats.injectedFailures,
    answersLost: proxy.stats.answersDropped,
    resendsRecognised: connector.stats.duplicatesSuppressed,
    exactlyOnce: ids.filter((id) => perId.get(id) === 1).length,
    lost: ids.filter((id) => !perId.has(id)).length,
    duplicated: ids.filter((id) => (perId.get(id) ?? 0) > 1).length,
    notSent: MESSAGES - counts.sent,
  };
}

await runPart('faults', 'Faults: Graph and the Bot Connector failing 10% of requests', async () => {
  const kinds = reliabilityDatabases();
  const graphRows: (string | number)[][] = [];
  const outboxRows: (string | number)[][] = [];
  const failures: string[] = [];
  const summary: string[] = [];
  for (const database of testDatabases().filter((d) => kinds.includes(d.kind))) {
    const label = database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
    const h = await database.create();
    try {
      let t0 = performance.now();
      const g = await graphUnderFaults(h);
      const graphSeconds = (performance.now() - t0) / 1000;
      graphRows.push([label, `${graphSeconds.toFixed(1)} s`, count(g.files), count(g.requests), count(g.faults), `${g.runs[0]} / ${g.runs[1]}`, g.equal.map((e) => (e ? 'yes' : '**no**')).join(' / ')]);
      if (!g.equal.every(Boolean)) failures.push(`Graph, ${label}: the synced set differs from the source (${g.differences.length}: ${g.differences.slice(0, 3).join(' | ')})`);
      summary.push(`faults, Graph, ${label}: ${count(g.faults)} faults in ${count(g.requests)} requests; synced set equals source: ${g.equal.every(Boolean) ? 'yes' : 'NO'} (sync runs ${g.runs.join(', ')})`);

      t0 = performance.now();
      const o = await outboxUnderFaults(h);
      const outboxSeconds = (performance.now() - t0) / 1000;
      outboxRows.push([label, `${outboxSeconds.toFixed(1)} s`, count(o.messages), count(o.requests), count(o.failedByConnector), count(o.answersLost), count(o.resendsRecognised), `**${count(o.exactlyOnce)}**`, o.lost, o.duplicated]);
      if (o.exactlyOnce !== o.messages || o.notSent > 0) failures.push(`Bot Connector, ${label}: ${o.lost} lost, ${o.duplicated} duplicated, ${o.notSent} not recorded sent, of ${o.messages}`);
      summary.push(`faults, outbox, ${label}: ${count(o.exactlyOnce)}/${count(o.messages)} delivered exactly once (${o.lost} lost, ${o.duplicated} duplicated)`);
    } finally {
      await h.dispose();
    }
  }
  return {
    failures,
    summary,
    markdown:
      `**Graph.** ${count(FILES)} files in 10 folders; the stand-in fails ${FAULT_RATE * 100}% of requests (API and downloads) with 429, 503 or a timeout. ` +
      `Then ${FILES / 10} edits, ${FILES / 20} renames, ${FILES / 20} moves, ${FILES / 20} deletions and ${FILES / 10} new files, and a second sync. ` +
      'Runs: how many sync runs it took until one finished with every file read (first / after the changes).\n\n' +
      table(['database', 'time', 'files at the end', 'requests', 'faults injected', 'sync runs', 'synced set equals source (first / after changes)'], graphRows) +
      `\n\n**Bot Connector.** ${count(MESSAGES)} messages to 100 personal chats, two outbox workers at once; the connector fails ${(FAULT_RATE / 2) * 100}% of sends (429, 502, 503, 504) ` +
      `and a proxy loses ${(FAULT_RATE / 2) * 100}% of its answers after the connector took the message (a resend must not post twice).\n\n` +
      table(['database', 'time', 'messages', 'connector requests', 'sends failed', 'answers lost', 'resends recognised by id', 'delivered exactly once', 'lost', 'duplicated'], outboxRows),
  };
});
