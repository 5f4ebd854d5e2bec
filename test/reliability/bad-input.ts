/**
 * Part 4, bad input: every write route of the route table, against the server process, with bodies made by
 * fast-check (test/support/write-route-fuzz.ts, shared with the integration property test): the route's own
 * schema mutated (malformed, wrongly typed, hostile values), arbitrary JSON, bodies that are not JSON or come
 * under the wrong content type, and bodies over MAX_BODY_BYTES. Answers are checked against the contract
 * (a response that breaks it is a 500). Goal: no 5xx and no dropped connection.
 * RELIABILITY_FUZZ_RUNS scales the cases per route (default 1: 80 mutated, 40 of each other kind); the seed
 * is fixed (FUZZ_SEED overrides it).
 * Run: node --import tsx test/reliability/bad-input.ts
 */
import fc from 'fast-check';
import type { Demo } from '../support/fuzz-values.js';
import { arbitraryJsonBodies, loadDemo, mutatedBodies, nonJsonBodies, oversizedBodies, sendFuzzed, sentArb, WRITE_ROUTES, type Sent } from '../support/write-route-fuzz.js';
import { count, runPart, table } from './support/report.js';
import { ensureSeeded, onEachDatabase, readDatabase, startServer } from './support/server-under-test.js';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_261_206;
const SCALE = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 1);
const MAX_BODY_BYTES = 128 * 1024;
const CONCURRENCY = 4;

const KINDS: { name: string; runs: number; arb: (route: (typeof WRITE_ROUTES)[number], demo: Demo) => fc.Arbitrary<Pick<Sent, 'body' | 'contentType'>> }[] = [
  { name: 'mutated from the schema', runs: 80, arb: (route, demo) => mutatedBodies(route, demo) },
  { name: 'arbitrary JSON', runs: 40, arb: () => arbitraryJsonBodies },
  { name: 'not JSON / wrong type', runs: 40, arb: () => nonJsonBodies },
  { name: 'oversized', runs: 40, arb: () => oversizedBodies(MAX_BODY_BYTES) },
];

await runPart('bad-input', 'Bad input: fast-check bodies on every write route', async () => {
  const { rows, failures, summary } = await onEachDatabase(async (target, label, { rows, failures, summary }) => {
    // The demo's people and ids, read from the database while no server holds it.
    await ensureSeeded(target);
    const demo = await readDatabase(target, async (db) => {
      const people = await db.db.selectFrom('people').select(['id', 'role', 'partnership_id']).orderBy('display_name').execute();
      return loadDemo(db.db, people.map((r) => ({ id: r.id, role: r.role, partnership: { id: r.partnership_id } })));
    });

    const server = await startServer(target, { MAX_BODY_BYTES: String(MAX_BODY_BYTES), RELIABILITY_VALIDATE_RESPONSES: 'true' }, 'bad-input');
    const perKind = new Map(KINDS.map((k) => [k.name, { tried: 0, fiveXX: 0, dropped: 0 }]));
    const statuses = new Map<number, number>();
    const examples: string[] = [];
    try {
      for (const route of WRITE_ROUTES) {
        for (const k of KINDS) {
          const cases = fc.sample(sentArb(route, demo, k.arb(route, demo)), { seed: SEED, numRuns: Math.max(1, Math.round(k.runs * SCALE)) });
          const tally = perKind.get(k.name)!;
          for (let i = 0; i < cases.length; i += CONCURRENCY) {
            await Promise.all(
              cases.slice(i, i + CONCURRENCY).map(async (s) => {
                tally.tried++;
                try {
                  const a = await sendFuzzed(server.url, route.method, s);
                  statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
                  if (a.status >= 500) {
                    tally.fiveXX++;
                    if (examples.length < 5) examples.push(`${route.method} ${s.path} (${k.name}) → ${a.status} ${a.text.slice(0, 200)}`);
                  }
                } catch (error) {
                  tally.dropped++;
                  if (examples.length < 5) examples.push(`${route.method} ${s.path} (${k.name}) → no answer: ${(error as Error).message}`);
                }
              }),
            );
          }
        }
      }
    } finally {
      await server.stop();
    }
    const logged = server.loggedErrors();
    let tried = 0;
    let bad = 0;
    for (const [name, t] of perKind) {
      rows.push([label, name, count(t.tried), t.fiveXX, t.dropped]);
      tried += t.tried;
      bad += t.fiveXX + t.dropped;
    }
    const byStatus = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    rows.push([label, `**all ${WRITE_ROUTES.length} write routes** (${byStatus})`, `**${count(tried)}**`, `**${bad}**`, '']);
    if (bad > 0) failures.push(`${label}: ${bad} of ${tried} answered 5xx or not at all (${examples.join(' | ')}; server log: ${logged.slice(0, 2).join(' | ')})`);
    summary.push(`bad input, ${label}: ${count(tried)} requests on ${WRITE_ROUTES.length} write routes, ${bad} 5xx or dropped`);
  });
  return {
    failures,
    summary,
    markdown: `Seed ${SEED}; MAX_BODY_BYTES ${count(MAX_BODY_BYTES)}; responses checked against the contract; ${CONCURRENCY} requests at a time.\n\n` + table(['database', 'bodies', 'tried', '5xx', 'no answer'], rows),
  };
});
