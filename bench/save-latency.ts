/**
 * Save latency of an observation (POST createObservation, client-made UUIDs) under 50 concurrent writers,
 * against an empty route measured the same way in the same run. Goal: p99 at most 4× the empty route's.
 * Run: node --import tsx bench/save-latency.ts   (PGlite; also PostgreSQL when TEST_DATABASE_URL is set)
 * Options (environment): BENCH_WRITERS (50), BENCH_PER_WRITER (20 saves per writer per round),
 * BENCH_ROUNDS (3), BENCH_SKIP_PGLITE=1.
 *
 * The whole app runs on its own event loop (this thread); the writers run in a worker thread with their own
 * loop and 50 keep-alive sockets, each saving one observation after another. The empty route is registered on
 * this bench's own server only: POST /bench/empty reads the same body and answers 201 with {}.
 * The two routes are measured in alternate rounds and each one's latencies pooled.
 * No assertion: the figures go into BENCHMARKS.md.
 */
import { Worker } from 'node:worker_threads';
import type { Request, Response } from 'restify';
import { testDatabases } from '../test/support/databases.js';
import { startTestApp, type TestApp } from '../test/support/test-app.js';

const WRITERS = Number(process.env.BENCH_WRITERS ?? 50);
const PER_WRITER = Number(process.env.BENCH_PER_WRITER ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const GOAL = 4;

/** The writers: plain JavaScript for the worker, which reports every request's latency in ms. */
const WRITERS_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { url, path, headers, template, writers, perWriter } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: writers });
const target = new URL(url);
function post(body) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request({ host: target.hostname, port: target.port, path, method: 'POST', agent,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { if (res.statusCode !== 201 && text.length < 300) text += d; });
      res.on('end', () => resolve({ ms: performance.now() - t0, status: res.statusCode, error: res.statusCode === 201 ? undefined : text.slice(0, 300) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
async function writer(n) {
  const out = [];
  for (let i = 0; i < perWriter; i += 1) {
    const body = JSON.stringify({ ...template, id: randomUUID(), body: template.body + ' (' + n + '.' + i + ')' });
    out.push(await post(body));
  }
  return out;
}
(async () => {
  const t0 = performance.now();
  const all = (await Promise.all(Array.from({ length: writers }, (_, n) => writer(n)))).flat();
  parentPort.postMessage({ results: all, wallMs: performance.now() - t0 });
  agent.destroy();
})().catch((error) => { throw error; });
`;

interface RoundResult {
  results: { ms: number; status: number; error?: string }[];
  wallMs: number;
}

function runWriters(url: string, path: string, headers: Record<string, string>, template: Record<string, unknown>, perWriter = PER_WRITER): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WRITERS_SOURCE, { eval: true, workerData: { url, path, headers, template, writers: WRITERS, perWriter } });
    worker.once('message', (m: RoundResult) => resolve(m));
    worker.once('error', reject);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(kind: string, app: TestApp): Promise<void> {
  const server = app.app.server.server;
  // The baseline: a route that does nothing but read the body, on this bench's server only.
  server.post('/bench/empty', async (req: Request, res: Response) => {
    for await (const chunk of req) void chunk;
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end('{}');
  });

  const people = (await (await fetch(`${app.url}/api/v1/dev/people`)).json()) as { people: { id: string; role: string; partnership: { id: string } }[] };
  const scrutineer = people.people.find((p) => p.role === 'scrutineer');
  if (!scrutineer) throw new Error('The demo partnership has no scrutineer.');
  const headers = { 'x-los-dev-person': scrutineer.id, accept: 'application/json' };
  const partnershipId = scrutineer.partnership.id;
  const checklist = (await (await fetch(`${app.url}/api/v1/partnerships/${partnershipId}/checklist`, { headers })).json()) as { areas: { id: string }[] };
  const meetings = (await (await fetch(`${app.url}/api/v1/partnerships/${partnershipId}/meetings`, { headers })).json()) as { meetings: { id: string }[] };
  const template = {
    body: 'Partners described how the neglect toolkit is used at the front door; the data did not show it.',
    judgement: 'concern',
    evidenceType: 'meeting_observation',
    areaIds: checklist.areas.slice(0, 2).map((a) => a.id),
    meetingId: meetings.meetings[0]?.id ?? null,
  };
  const savePath = `/api/v1/partnerships/${partnershipId}/observations`;

  // Warm-up: JIT, connection pools, the database's caches.
  await runWriters(app.url, '/bench/empty', headers, template, 4);
  await runWriters(app.url, savePath, headers, template, 4);

  const pooled: Record<'save' | 'empty', number[]> = { save: [], empty: [] };
  const wall: Record<'save' | 'empty', number> = { save: 0, empty: 0 };
  let failures = 0;
  let firstFailure = '';
  for (let round = 0; round < ROUNDS; round += 1) {
    const order: ('save' | 'empty')[] = round % 2 === 0 ? ['empty', 'save'] : ['save', 'empty'];
    for (const which of order) {
      const r = await runWriters(app.url, which === 'save' ? savePath : '/bench/empty', headers, template);
      const failed = r.results.filter((x) => x.status !== 201);
      failures += failed.length;
      if (failed.length > 0 && !firstFailure) firstFailure = `${which}: HTTP ${failed[0]!.status} ${failed[0]!.error ?? ''}`;
      pooled[which].push(...r.results.map((x) => x.ms));
      wall[which] += r.wallMs;
    }
  }
  const stored = await app.app.database.db.selectFrom('observations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1]! };
  };
  const save = stats(pooled.save);
  const empty = stats(pooled.empty);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const rate = (w: 'save' | 'empty') => `${((pooled[w].length / wall[w]) * 1000).toFixed(0)}/s`;
  console.log(`\n${kind}: ${WRITERS} concurrent writers × ${PER_WRITER} requests × ${ROUNDS} rounds per route (${pooled.save.length} saves); ` +
    `${failures} answers were not 201; ${Number(stored.n)} observations stored.`);
  if (firstFailure) console.log(`First failure: ${firstFailure}`);
  console.log('');
  console.log('| route | p50 | p99 | max | throughput | p99 vs baseline |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(`| POST createObservation | ${ms(save.p50)} | ${ms(save.p99)} | ${ms(save.max)} | ${rate('save')} | ${(save.p99 / empty.p99).toFixed(2)}× |`);
  console.log(`| baseline: empty POST route (same server) | ${ms(empty.p50)} | ${ms(empty.p99)} | ${ms(empty.max)} | ${rate('empty')} | 1× |`);
  console.log('');
  console.log(`p50 ratio ${(save.p50 / empty.p50).toFixed(2)}×. Goal p99 at most ${GOAL}×: ${save.p99 / empty.p99 <= GOAL ? 'met' : 'NOT met'}.`);
}

for (const database of testDatabases()) {
  if (database.kind === 'pglite' && process.env.BENCH_SKIP_PGLITE === '1') continue;
  const handle = await database.create();
  // No scheduled document sync during the measurement; the writers all sign in as one demo person, so the
  // per-person rate limit (600 a minute by default) is lifted: this measures saving, not refusing.
  // Responses are not re-checked against the contract, as in production (NODE_ENV=production).
  const app = await startTestApp({ database: handle, validateResponses: false, env: { SYNC_INTERVAL_MINUTES: '0', RATE_LIMIT_PER_MINUTE: '100000' } });
  try {
    await measure(database.kind === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL', app);
  } finally {
    await app.close();
    await handle.dispose();
  }
}
