/**
 * Full-text search against a plain substring scan, on a partnership with 10,000 documents.
 * Run: node --import tsx bench/search.ts   (PGlite; also PostgreSQL when TEST_DATABASE_URL is set)
 * Options (environment): BENCH_DOCS (10000), BENCH_REPS (5), BENCH_SKIP_PGLITE=1 (PostgreSQL only),
 * BENCH_RANK_BUDGET (what-if: rank within this many recent matches instead of RANK_BUDGET),
 * BENCH_KEEP=1 (leave the PostgreSQL database behind, to EXPLAIN queries in it).
 *
 * Both paths do the same job: the current versions of live documents of one partnership, a total
 * count and the first 20 hits. search() uses the GIN index on document_pages.search_vector and ranks;
 * ilikeScan() reads every page's text. No assertion: the figures go into BENCHMARKS.md.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/storage/connect.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { SearchRepository } from '../src/storage/repositories/search-repository.js';

const DOCS = Number(process.env.BENCH_DOCS ?? 10_000);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const LIMIT = 20;

// ---- synthetic text -------------------------------------------------------------------------------------

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  return { next, int, pick };
}

/**
 * Each paper is mostly about one theme, as real partnership papers are; a library of many years covers
 * many themes, so a theme's words are on a few per cent of all pages, not on most of them.
 */
const THEMES: Record<string, string[]> = {
  neglect: ['neglect', 'neglect toolkit', 'graded care profile', 'chronic neglect', 'home conditions', 'neglect audit', 'was not brought'],
  cce: ['child criminal exploitation', 'county lines', 'exploitation panel', 'contextual safeguarding', 'serious youth violence', 'knife crime'],
  cse: ['sexual exploitation', 'National Referral Mechanism', 'trafficking', 'grooming', 'disruption activity', 'exploitation screening tool'],
  missing: ['missing from home', 'return home interviews', 'missing episodes', 'missing from care', 'philomena protocol'],
  mash: ['MASH', 'front door', 'MASH referrals', 'contacts and referrals', 'repeat referrals', 'threshold decisions'],
  strategy: ['strategy discussion', 'section 47 enquiries', 'joint investigation', 'achieving best evidence', 'police protection'],
  earlyHelp: ['early help', 'early help assessment', 'family hubs', 'lead professional', 'team around the family', 'step down'],
  domesticAbuse: ['domestic abuse', 'MARAC', 'Operation Encompass', 'coercive control', 'perpetrator programme', 'refuge'],
  learning: ['rapid review', 'child safeguarding practice review', 'learning briefing', 'national panel', 'seven minute briefing'],
  training: ['multi-agency training', 'training evaluation', 'e-learning', 'practitioner survey', 'training needs analysis'],
  supervision: ['safeguarding supervision', 'reflective supervision', 'supervision audit', 'case discussion', 'supervisory oversight'],
  section11: ['Section 11', 'Section 175', 'self-assessment', 'challenge event', 'safer recruitment'],
  lado: ['LADO', 'allegations against staff', 'position of trust', 'allegations management', 'referral to the DBS'],
  lac: ['looked after children', 'health assessments', 'placement stability', 'independent reviewing officer', 'care planning'],
  healthVisiting: ['health visiting', 'school nursing', 'healthy child programme', 'two year check', 'breastfeeding'],
  perinatal: ['perinatal mental health', 'pre-birth assessment', 'unborn baby', 'midwifery safeguarding', 'bruising in non-mobile babies'],
  camhs: ['CAMHS waiting times', 'emotional wellbeing', 'self-harm', 'eating disorders', 'crisis presentations'],
  send: ['SEND', 'education health and care plans', 'neurodiversity', 'autism assessment', 'disabled children'],
  exclusions: ['school exclusions', 'suspensions', 'alternative provision', 'managed moves', 'reduced timetables'],
  ehe: ['elective home education', 'children missing education', 'attendance', 'persistent absence', 'education welfare'],
  online: ['online harm', 'online safety', 'sharing nudes', 'image-based abuse', 'digital resilience'],
  fostering: ['private fostering', 'kinship care', 'special guardianship', 'connected carers', 'fostering recruitment'],
  careLeavers: ['care leavers', 'corporate parenting', 'pathway plans', 'staying put', 'personal advisers'],
  voice: ['voice of the child', 'lived experience', 'young advisers', 'participation', 'advocacy'],
  protection: ['child protection plans', 'child protection conference', 'core groups', 'second plans', 'plans ending'],
  escalation: ['escalation', 'resolving professional differences', 'escalation policy', 'professional curiosity'],
  fgm: ['female genital mutilation', 'forced marriage', 'honour-based abuse', 'FGM protection orders'],
  radicalisation: ['Prevent', 'Channel panel', 'radicalisation', 'extremism', 'vulnerability assessment framework'],
  substance: ['parental substance misuse', 'alcohol', 'drug services', 'hidden harm', 'toxic trio'],
  youthJustice: ['youth justice', 'out of court disposals', 'first time entrants', 'reoffending', 'custody'],
  housing: ['temporary accommodation', 'homelessness', 'bed and breakfast', 'overcrowding', 'housing allocations'],
  safeSleep: ['safe sleep', 'sudden unexpected death in infancy', 'co-sleeping', 'child death overview panel'],
};
const THEME_KEYS = Object.keys(THEMES);

/**
 * The language around the themes, most frequent first. Words are drawn with Zipf's law (the k-th word
 * about 1/k as often as the first), as in real text: "children" is on nearly every page, "tribunal" on few.
 */
const GENERAL_WORDS = (
  'children partnership practice safeguarding families agencies board report data review quarter ' +
  'health police council social care services support young people work plan action meeting ' +
  'partners assurance quality audit learning risk needs professionals school education staff ' +
  'improvement progress performance leaders priorities outcomes impact evidence information local ' +
  'multi-agency subgroup chair update paper cases team referrals assessment timeliness capacity ' +
  'workforce recruitment retention pressures demand budget commissioning strategy framework policy ' +
  'guidance procedures protocol standards compliance oversight governance accountability scrutiny ' +
  'challenge feedback survey findings recommendations themes issues concerns strengths areas ' +
  'development training sessions attendance engagement relationships communication consistency ' +
  'understanding confidence culture leadership management supervision caseloads vacancies agency ' +
  'partnership-wide system whole quarterly annual monthly weekly yearly baseline target measures ' +
  'indicators dashboard trend increase decrease rise fall percentage proportion number rate ' +
  'sample dip cohort group analysis review-of benchmarking comparison statistical neighbours ' +
  'national regional inspection ofsted cqc hmicfrs inspectors judgement rating letter visit ' +
  'pathway process transfer handover discharge admission hospital emergency department gp ' +
  'midwifery paediatric nurse doctor clinician therapist psychologist worker officer manager ' +
  'director head lead designated named coordinator advocate volunteer parent carer mother father ' +
  'sibling household home housing accommodation tenancy benefits poverty cost living food ' +
  'transport travel community neighbourhood locality borough ward district estate youth club ' +
  'sport leisure library faith voluntary sector charity organisation provider contract tender ' +
  'funding grant investment savings efficiency value money resources staffing rota shift ' +
  'system-wide digital record recording case-management software portal access sharing consent ' +
  'privacy data-protection gdpr retention disposal archive storage security breach incident ' +
  'complaint compliment appeal tribunal court legal order hearing proceedings magistrates judge'
).split(' ');
const ZIPF = (() => {
  const weights = GENERAL_WORDS.map((_, k) => 1 / (k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((w) => (acc += w / total));
})();
function zipfWord(u: number): string {
  let lo = 0;
  let hi = ZIPF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ZIPF[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return GENERAL_WORDS[lo]!;
}

const SENTENCES = [
  (t: string, g: () => string) => `The ${g()} ${g()} on ${t} was presented to the ${g()} ${g()}.`,
  (t: string, g: () => string) => `Partners considered ${t} and agreed to ${g()} the ${g()} ${g()} by the next meeting.`,
  (t: string, g: () => string) => `Data on ${t} showed ${g()} ${g()} in the quarter, and ${g()} ${g()} ${g()} were noted.`,
  (t: string, g: () => string) => `The scrutineer asked how ${t} is ${g()} across ${g()} ${g()} and what difference it has made.`,
  (t: string, g: () => string) => `An audit of ${t} found ${g()} ${g()} ${g()}, with learning for ${g()} ${g()}.`,
  (t: string, g: () => string) => `${g()[0]!.toUpperCase()}${g().slice(1)} ${g()} ${g()} ${g()} ${g()} ${g()} ${g()} ${t} ${g()} ${g()}.`,
];

function pageText(r: ReturnType<typeof rng>, theme: string): string {
  const g = () => zipfWord(r.next());
  const own = THEMES[theme]!;
  const paragraphs: string[] = [];
  const nParagraphs = r.int(3, 5);
  for (let p = 0; p < nParagraphs; p++) {
    const sentences: string[] = [];
    const n = r.int(3, 6);
    for (let s = 0; s < n; s++) {
      // Mostly the paper's theme; now and then another one, as papers cross-refer.
      const topic = r.next() < 0.9 ? r.pick(own) : r.pick(THEMES[r.pick(THEME_KEYS)]!);
      sentences.push(r.pick(SENTENCES)(topic, g));
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

// ---- the database ---------------------------------------------------------------------------------------

async function seed(h: DatabaseHandle): Promise<{ partnershipId: string; pages: number; bytes: number; ms: number }> {
  const t0 = performance.now();
  const db = h.db;
  const partnershipId = randomUUID();
  await db.insertInto('partnerships').values({ id: partnershipId, name: 'Bench partnership', short_name: 'Bench', is_synthetic: true, host_tenant_id: null, checklist_framework_id: null }).execute();
  const forumIds = Array.from({ length: 6 }, () => randomUUID());
  await db
    .insertInto('forums')
    .values(forumIds.map((id, i) => ({ id, partnership_id: partnershipId, name: `Forum ${i + 1}`, kind: i === 0 ? 'executive' : 'subgroup', chair_person_id: null, teams_team_id: null, teams_channel_id: null, document_folder: null })))
    .execute();
  // Five years of meetings, roughly monthly per forum.
  const meetings = Array.from({ length: 360 }, (_, i) => ({
    id: randomUUID(),
    forumId: forumIds[i % forumIds.length]!,
    startsAt: new Date(Date.UTC(2021, 0, 1) + i * 5 * 86_400_000 + 10 * 3_600_000),
  }));
  await db
    .insertInto('meetings')
    .values(meetings.map((m) => ({ id: m.id, partnership_id: partnershipId, forum_id: m.forumId, title: 'Meeting', starts_at: m.startsAt, ends_at: new Date(m.startsAt.getTime() + 7_200_000), location: null, join_url: null, teams_meeting_id: null })))
    .execute();

  const r = rng(20261122);
  const kinds = ['paper', 'paper', 'paper', 'minutes', 'agenda', 'report'] as const;
  let pages = 0;
  let bytes = 0;
  const BATCH = 250; // documents per transaction
  for (let start = 0; start < DOCS; start += BATCH) {
    const docs: Record<string, unknown>[] = [];
    const versions: Record<string, unknown>[] = [];
    const pageRows: { partnership_id: string; document_version_id: string; page_number: number; text: string }[] = [];
    for (let i = start; i < Math.min(DOCS, start + BATCH); i++) {
      const id = randomUUID();
      const versionId = randomUUID();
      const meeting = r.next() < 0.9 ? r.pick(meetings) : undefined;
      const theme = r.pick(THEME_KEYS);
      const nPages = r.int(1, 6);
      docs.push({ id, partnership_id: partnershipId, forum_id: meeting?.forumId ?? null, meeting_id: meeting?.id ?? null, kind: r.pick(kinds), title: `${theme} paper ${i}`, source: 'local', item_id: `${i}.pdf`, path: `${i}.pdf`, web_url: null, current_version_id: versionId, document_date: meeting ? null : `202${r.int(1, 5)}-0${r.int(1, 9)}-1${r.int(0, 9)}` });
      versions.push({ id: versionId, partnership_id: partnershipId, document_id: id, version_number: 1, file_name: `${i}.pdf`, mime_type: 'application/pdf', size_bytes: 1000, etag: null, ctag: null, content_hash: null, content_path: null, source_modified_at: null, extraction_error: null, page_count: nPages, pdf_rendition_path: null });
      for (let p = 1; p <= nPages; p++) {
        const text = pageText(r, theme);
        bytes += text.length;
        pageRows.push({ partnership_id: partnershipId, document_version_id: versionId, page_number: p, text });
      }
    }
    pages += pageRows.length;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('documents').values(docs as never).execute();
      await trx.insertInto('document_versions').values(versions as never).execute();
      for (let i = 0; i < pageRows.length; i += 500) await trx.insertInto('document_pages').values(pageRows.slice(i, i + 500)).execute();
    });
  }
  await sql`analyze`.execute(db);
  return { partnershipId, pages, bytes, ms: performance.now() - t0 };
}

// ---- the queries ----------------------------------------------------------------------------------------

/** What a scrutineer types. The substring scan gets the same words without websearch syntax. */
const QUERIES = [
  'neglect', 'neglect audit', 'child criminal exploitation', 'county lines', 'MASH', 'MASH referrals', 'early help',
  'domestic abuse', '"return home interviews"', 'missing from home', 'Section 11', 'safeguarding supervision',
  'thresholds', 'strategy discussion', 'voice of the child', 'LADO', 'neurodiversity', 'elective home education',
  'online harm', 'sexual exploitation', 'private fostering', 'child protection plans', 'repeat referrals', 'escalation',
  'multi-agency training', 'rapid review', 'practice review', 'health assessments', 'school exclusions', 'was not brought',
];

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function run(label: string, h: DatabaseHandle): Promise<void> {
  await migrateToLatest(h.db);
  const s = await seed(h);
  process.stdout.write(`\n${label}: ${DOCS.toLocaleString('en-GB')} documents, ${s.pages.toLocaleString('en-GB')} pages, ${(s.bytes / 1e6).toFixed(1)} MB of text, inserted in ${(s.ms / 1000).toFixed(1)} s\n`);
  const repo = new SearchRepository(h.db, process.env.BENCH_RANK_BUDGET ? Number(process.env.BENCH_RANK_BUDGET) : undefined);
  const searchMs: number[] = [];
  const ilikeMs: number[] = [];
  const totals: number[] = [];
  const perQuery = new Map<string, { search: number[]; ilike: number[]; total: number }>();
  // One warm-up pass of each, so both start with the same cache.
  for (const q of QUERIES) {
    const total = (await repo.search(s.partnershipId, { query: q, limit: LIMIT, offset: 0 })).total;
    totals.push(total);
    perQuery.set(q, { search: [], ilike: [], total });
    await repo.ilikeScan(s.partnershipId, q.replaceAll('"', ''), LIMIT);
  }
  for (let rep = 0; rep < REPS; rep++) {
    for (const q of QUERIES) {
      const a = await time(() => repo.search(s.partnershipId, { query: q, limit: LIMIT, offset: 0 }));
      const b = await time(() => repo.ilikeScan(s.partnershipId, q.replaceAll('"', ''), LIMIT));
      searchMs.push(a);
      ilikeMs.push(b);
      perQuery.get(q)!.search.push(a);
      perQuery.get(q)!.ilike.push(b);
    }
  }
  const row = (name: string, xs: number[]) => `| ${name.padEnd(30)} | ${percentile(xs, 50).toFixed(1).padStart(8)} | ${percentile(xs, 95).toFixed(1).padStart(8)} |`;
  process.stdout.write(`${QUERIES.length} queries × ${REPS} runs; matching pages per query: median ${percentile(totals, 50)}, max ${Math.max(...totals)}\n\n`);
  process.stdout.write(`| ${'path'.padEnd(30)} | ${'p50 ms'.padStart(8)} | ${'p95 ms'.padStart(8)} |\n|${'-'.repeat(32)}|${'-'.repeat(10)}|${'-'.repeat(10)}|\n`);
  process.stdout.write(`${row('search() (GIN, ranked)', searchMs)}\n${row('ilikeScan() (baseline)', ilikeMs)}\n`);
  const ratio50 = percentile(ilikeMs, 50) / percentile(searchMs, 50);
  const ratio95 = percentile(ilikeMs, 95) / percentile(searchMs, 95);
  const slowest = [...perQuery.entries()].sort((x, y) => percentile(y[1].search, 50) - percentile(x[1].search, 50)).slice(0, 5);
  process.stdout.write(`\nSlowest queries for search() (median ms; pages matched of ${s.pages}):\n`);
  for (const [q, v] of slowest) {
    process.stdout.write(`  ${q.padEnd(30)} search ${percentile(v.search, 50).toFixed(1).padStart(7)}   ilike ${percentile(v.ilike, 50).toFixed(1).padStart(7)}   ${String(v.total).padStart(6)} pages\n`);
  }
  process.stdout.write(`\nsearch is ${ratio50.toFixed(1)}× faster at p50 and ${ratio95.toFixed(1)}× faster at p95 (goal: ≥ 20× at p95).\n`);
}

async function withPostgres(adminUrl: string, fn: (h: DatabaseHandle) => Promise<void>): Promise<void> {
  const name = `los_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const h = await openDatabase({ kind: 'postgres', url: u.toString() });
  try {
    await fn(h);
  } finally {
    await h.close();
    if (process.env.BENCH_KEEP) {
      process.stdout.write(`kept database ${name}\n`);
      return;
    }
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  }
}

if (!process.env.BENCH_SKIP_PGLITE) {
  const lite = await openDatabase({ kind: 'pglite' });
  try {
    await run('PGlite (in memory)', lite);
  } finally {
    await lite.close();
  }
}
if (process.env.TEST_DATABASE_URL) await withPostgres(process.env.TEST_DATABASE_URL, (h) => run('PostgreSQL', h));
