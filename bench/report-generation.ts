/**
 * Generating the annual statement of assurance for a year of data against generating it for an empty year,
 * in one run (issue 7). A year: 2,000 observations (a tenth of them the scrutineer's private notes, about a
 * third annotated on a paper page), 300 actions and 150 challenges with an answer each, 20 escalations and
 * a work plan. The empty report is the same year of a second partnership with nothing in it (the same six
 * checklist areas, so both documents have the same sections).
 *
 * Measured through ReportService as the tab's "Generate" calls it (draft assembled from the database, the
 * Word document built, saved to a local reports folder, the generation recorded), and the draft read on its
 * own (what the tab's page load costs). Median of BENCH_RUNS (default 7), the two measured alternately.
 * Run: node --import tsx bench/report-generation.ts   Options (environment): BENCH_RUNS, BENCH_DATABASE_URL
 * (a PostgreSQL server to run on instead of in-memory PGlite). No assertion: figures go into BENCHMARKS.md.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { EVIDENCE_TYPES, JUDGEMENTS, type ActionStatus, type ChallengeStatus } from '../src/domain/vocabulary.js';
import { LocalReportLibrary } from '../src/reports/report-library.js';
import { ReportService } from '../src/reports/report-service.js';
import { DashboardService } from '../src/services/dashboard-service.js';
import { openDatabase } from '../src/storage/connect.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { DashboardRepository } from '../src/storage/repositories/dashboard-repository.js';
import type { Database } from '../src/storage/schema.js';
import { makePartnership, type PartnershipFixture } from '../test/support/fixtures.js';
import { addSearchableDocument } from '../test/support/search-fixtures.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const OBSERVATIONS = 2_000;
const ACTIONS = 300;
const CHALLENGES = 150;
const ESCALATIONS = 20;

const dayOfYear = (i: number, n: number) => new Date(Date.UTC(2026, 3, 1, 9) + Math.floor((i / n) * 364) * 86_400_000);
const chunks = <T>(xs: T[], size = 500) => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));

async function seedYear(db: Kysely<Database>, p: PartnershipFixture): Promise<void> {
  const pid = p.partnershipId;
  const docs: { documentId: string; versionId: string }[] = [];
  for (let d = 0; d < 10; d += 1) {
    docs.push(await addSearchableDocument(db, { partnershipId: pid, forumId: p.forumId, title: `Synthetic board paper ${d + 1}`, pages: Array.from({ length: 20 }, (_, i) => `Page ${i + 1} of a synthetic paper about multi-agency practice.`) }));
  }
  const agencyId = randomUUID();
  await db.insertInto('agencies').values({ id: agencyId, partnership_id: pid, name: 'Synthetic agency', kind: 'health' }).execute();

  const observations = Array.from({ length: OBSERVATIONS }, (_, i) => {
    const at = dayOfYear(i, OBSERVATIONS);
    const shared = i % 10 !== 0;
    return {
      id: randomUUID(),
      partnership_id: pid,
      author_id: p.people.scrutineer,
      meeting_id: p.meetingId,
      document_id: i % 4 === 0 ? docs[i % docs.length]!.documentId : null,
      agenda_item_id: null,
      body: `Synthetic observation ${i}: partners discussed the timeliness of strategy discussions and the quality of plans.`,
      judgement: JUDGEMENTS[i % JUDGEMENTS.length]!,
      evidence_type: EVIDENCE_TYPES[i % EVIDENCE_TYPES.length]!,
      visibility: shared ? ('shared' as const) : ('private' as const),
      shared_at: shared ? at : null,
      observed_at: at,
      deleted_at: null,
    };
  });
  for (const c of chunks(observations)) await db.insertInto('observations').values(c).execute();
  const areas = observations.flatMap((o, i) => [p.areaIds[i % 6]!, ...(i % 3 === 0 ? [p.areaIds[(i + 1) % 6]!] : [])].map((area_id) => ({ partnership_id: pid, observation_id: o.id, area_id })));
  for (const c of chunks(areas)) await db.insertInto('observation_areas').values(c).execute();
  const annotations = observations
    .filter((_, i) => i % 3 === 0)
    .map((o, i) => {
      const doc = docs[i % docs.length]!;
      return { id: randomUUID(), partnership_id: pid, author_id: p.people.scrutineer, document_id: doc.documentId, document_version_id: doc.versionId, page_number: 1 + (i % 20), quote: 'synthetic paper', original_quote: 'synthetic paper', start_offset: 12, end_offset: 27, orphan_reason: null, observation_id: o.id, challenge_id: null, created_at: o.observed_at, updated_at: o.observed_at };
    });
  for (const c of chunks(annotations)) await db.insertInto('annotations').values(c).execute();

  const statuses: ActionStatus[] = ['not_started', 'in_progress', 'in_progress', 'proposed_complete', 'complete', 'withdrawn'];
  const actions = Array.from({ length: ACTIONS }, (_, i) => {
    const status = statuses[i % statuses.length]!;
    return { id: randomUUID(), partnership_id: pid, reference: `SYN-${String(i).padStart(4, '0')}`, title: `Synthetic action ${i}: refresh the multi-agency guidance.`, source: 'scrutiny' as const, source_ref: null, area_id: p.areaIds[i % 6]!, owner_person_id: p.people.business_manager, agency_id: agencyId, forum_id: p.forumId, challenge_id: null, due_date: i % 9 === 0 ? null : dayOfYear(i, ACTIONS).toISOString().slice(0, 10), status, percent_complete: status === 'complete' ? 100 : (i * 17) % 100, completion_proposed_by_id: null, completion_proposed_at: null, signed_off_by_id: null, signed_off_at: null, created_at: new Date('2026-04-01T09:00:00Z'), updated_at: dayOfYear(i, ACTIONS) };
  });
  await db.insertInto('actions').values(actions).execute();

  const challengeStatuses: ChallengeStatus[] = ['open', 'answered', 'follow_up', 'accepted', 'escalated', 'closed'];
  const challenges = Array.from({ length: CHALLENGES }, (_, i) => ({ id: randomUUID(), partnership_id: pid, raised_by_id: p.people.scrutineer, observation_id: observations[i * 10 + 1]!.id, forum_id: p.forumId, addressee_person_id: p.people.safeguarding_partner, addressee_agency_id: agencyId, question: `Synthetic challenge ${i}: how do partners know plans are making a difference?`, due_date: dayOfYear(i + 10, CHALLENGES + 10).toISOString().slice(0, 10), status: challengeStatuses[i % challengeStatuses.length]!, outcome: i % 2 ? 'Agreed a dip sample.' : null, impact: i % 3 ? 'Timeliness improved.' : null, raised_at: dayOfYear(i, CHALLENGES), closed_at: null }));
  await db.insertInto('challenges').values(challenges).execute();
  await db.insertInto('challenge_responses').values(challenges.map((c) => ({ id: randomUUID(), partnership_id: pid, challenge_id: c.id, author_id: p.people.safeguarding_partner, kind: 'answer' as const, body: 'A synthetic answer from the partner.', surface: 'bot' as const, created_at: new Date(c.raised_at.getTime() + 5 * 86_400_000) }))).execute();

  const escalations = Array.from({ length: ESCALATIONS }, (_, i) => ({ id: randomUUID(), partnership_id: pid, title: `Synthetic escalation ${i}`, issue: 'A synthetic disagreement about thresholds.', status: 'open' as const, resolution: null, raised_at: dayOfYear(i, ESCALATIONS) }));
  await db.insertInto('escalations').values(escalations).execute();
  await db.insertInto('escalation_parties').values(escalations.map((e) => ({ partnership_id: pid, escalation_id: e.id, agency_id: agencyId }))).execute();

  const activityId = randomUUID();
  await db.insertInto('work_plan_activities').values({ id: activityId, partnership_id: pid, scrutiny_year: 2026, kind: 'observe_meeting', title: 'Board meetings', forum_id: p.forumId }).execute();
  await db.insertInto('work_plan_days').values([1, 2, 3, 4].map((quarter) => ({ partnership_id: pid, activity_id: activityId, quarter, planned_days: 3, actual_days: 2.5 }))).execute();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const database = url ? await openDatabase({ kind: 'postgres', url }) : await openDatabase({ kind: 'pglite' });
  const reportsDir = mkdtempSync(path.join(tmpdir(), 'los-bench-reports-'));
  try {
    await migrateToLatest(database.db);
    const p = await makePartnership(database.db, `Bench partnership ${randomUUID().slice(0, 8)}`);
    const seedStart = performance.now();
    await seedYear(database.db, p);
    const seedMs = performance.now() - seedStart;
    const now = () => new Date('2027-04-10T10:00:00Z');
    const service = new ReportService({ db: database.db, dashboard: new DashboardService(new DashboardRepository(database.db), now), library: new LocalReportLibrary(reportsDir), publicUrl: 'https://los.example.org', now });
    const actor = p.actors.scrutineer;
    const emptyActor = (await makePartnership(database.db, `Empty partnership ${randomUUID().slice(0, 8)}`)).actors.scrutineer;
    const full = await service.open(actor, { kind: 'annual', period: '2026/27' });
    const empty = await service.open(emptyActor, { kind: 'annual', period: '2026/27' });

    const timings = { fullRead: [] as number[], fullGenerate: [] as number[], emptyRead: [] as number[], emptyGenerate: [] as number[] };
    let fullBytes = 0;
    let emptyBytes = 0;
    const time = async <T>(f: () => Promise<T>): Promise<[number, T]> => {
      const start = performance.now();
      const value = await f();
      return [performance.now() - start, value];
    };
    // One of each first, unmeasured: warms the JIT and the database's caches for both.
    await service.generate(actor, full.id);
    await service.generate(emptyActor, empty.id);
    for (let run = 0; run < RUNS; run += 1) {
      timings.fullRead.push((await time(() => service.get(actor, full.id)))[0]);
      const [fg, fd] = await time(() => service.generate(actor, full.id));
      timings.fullGenerate.push(fg);
      fullBytes = fd.document.sizeBytes;
      timings.emptyRead.push((await time(() => service.get(emptyActor, empty.id)))[0]);
      const [eg, ed] = await time(() => service.generate(emptyActor, empty.id));
      timings.emptyGenerate.push(eg);
      emptyBytes = ed.document.sizeBytes;
    }
    const draft = await service.get(actor, full.id);
    const fg = median(timings.fullGenerate);
    const eg = median(timings.emptyGenerate);
    console.log(`\nReport generation, ${url ? 'PostgreSQL' : 'PGlite (in memory)'}, median of ${RUNS} (seeded in ${ms(seedMs)}).`);
    console.log(`The year: ${OBSERVATIONS} observations (${draft.counts.private} of them private to the scrutineer), ${ACTIONS} actions, ${CHALLENGES} challenges, ${ESCALATIONS} escalations; ${draft.counts.included} evidence items in the document.\n`);
    console.log('| report | read the draft | generate (assemble, build .docx, save, record) | document size |');
    console.log('|---|---|---|---|');
    console.log(`| annual 2026/27, a year of data | ${ms(median(timings.fullRead))} | ${ms(fg)} | ${(fullBytes / 1024).toFixed(0)} KiB |`);
    console.log(`| annual 2026/27, no data | ${ms(median(timings.emptyRead))} | ${ms(eg)} | ${(emptyBytes / 1024).toFixed(0)} KiB |`);
    console.log(`\nA year of data takes ${(fg / eg).toFixed(1)}× the empty report's time to generate.`);
  } finally {
    await database.close();
    rmSync(reportsDir, { recursive: true, force: true });
  }
}

await main();
