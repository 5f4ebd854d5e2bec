/**
 * The action tracker with 5,000 actions against the same tracker with 50, in one run (issue 6):
 * - load: from navigation start to the first rows of the table being on screen (nothing loading);
 * - filter change: from choosing another Source in the filter to the new rows being painted.
 * Goal for the filter change: at most 2× the 50-row tracker.
 * Run: node --import tsx bench/tracker-load.ts   Options (environment): BENCH_RUNS (7 loads), BENCH_FILTER_RUNS (21 changes).
 *
 * Two apps as test/support/test-app.ts starts them (dev sign-in, PGlite in memory, the demo partnership),
 * serving one build of the current tab: in one, synthetic actions are added through ActionTrackerRepository
 * until the demo partnership has 5,000; in the other, the demo's actions are cut to 50. The business manager
 * (who sees every action) opens each. Each load is a new browser context (empty cache); the two are measured
 * alternately and the median of each reported. No assertion: figures go into BENCHMARKS.md.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../test/support/browser.js';
import { createApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { ACTION_SOURCES, type ActionSource, type ActionStatus } from '../src/domain/vocabulary.js';
import { silentLogger } from '../src/server/logger.js';
import { openDatabase } from '../src/storage/connect.js';
import { ActionTrackerRepository } from '../src/storage/repositories/action-tracker-repository.js';
import { buildTabInto } from './support/build-tab.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const FILTER_RUNS = Number(process.env.BENCH_FILTER_RUNS ?? 21);
const BIG = 5_000;
const SMALL = 50;
const GOAL = 2;
const PARTNERSHIP = 'Demo Borough Safeguarding Children Partnership';

interface Running {
  url: string;
  app: App;
  close(): Promise<void>;
}

async function startApp(tabDir: string): Promise<Running> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'los-bench-tracker-'));
  const config = loadConfig({ NODE_ENV: 'test', AUTH_MODE: 'dev', PORT: '0', DATA_DIR: dataDir, SEED_DEMO: 'true', SYNC_INTERVAL_MINUTES: '0', RATE_LIMIT_PER_MINUTE: '100000' }, dataDir);
  const database = await openDatabase({ kind: 'pglite' });
  // As in production: responses are not checked against the contract.
  const app = await createApp(config, { logger: silentLogger, database, tabDir, validateResponses: false });
  const { port } = await app.server.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Makes the demo partnership's tracker exactly `count` actions long: synthetic ones added, or the newest removed. */
async function sizeTracker(app: App, count: number): Promise<void> {
  const db = app.database.db;
  const p = await db.selectFrom('partnerships').select('id').where('name', '=', PARTNERSHIP).executeTakeFirstOrThrow();
  const existing = await db.selectFrom('actions').select(['id']).where('partnership_id', '=', p.id).orderBy('reference').execute();
  if (existing.length > count) {
    const gone = existing.slice(count).map((a) => a.id);
    for (const table of ['action_evidence', 'action_history', 'evidence_request_actions'] as const) {
      await db.deleteFrom(table as 'action_history').where('action_id', 'in', gone).execute().catch(() => undefined);
    }
    await db.deleteFrom('actions').where('id', 'in', gone).execute();
    return;
  }
  const [areas, people, forums] = await Promise.all([
    db.selectFrom('checklist_areas as a').innerJoin('partnerships as p', 'p.checklist_framework_id', 'a.framework_id').where('p.id', '=', p.id).select('a.id').execute(),
    db.selectFrom('people').select(['id', 'agency_id']).where('partnership_id', '=', p.id).where('is_active', '=', true).execute(),
    db.selectFrom('forums').select('id').where('partnership_id', '=', p.id).execute(),
  ]);
  const statuses: ActionStatus[] = ['not_started', 'in_progress', 'in_progress', 'in_progress', 'proposed_complete', 'complete', 'withdrawn'];
  const verbs = ['Review', 'Audit', 'Publish', 'Agree', 'Share', 'Test', 'Report on', 'Refresh', 'Circulate', 'Confirm'];
  const topics = ['the neglect toolkit', 'strategy discussions', 'return home interviews', 'the escalation protocol', 'health data for the dashboard', 'missing episodes', 'safer recruitment', 'the voice of the child in plans', 'rapid review timeliness', 'multi-agency training attendance'];
  const day = (offset: number) => new Date(Date.UTC(2026, 10, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  await db.transaction().execute(async (trx) => {
    const repo = new ActionTrackerRepository(trx);
    for (let i = existing.length; i < count; i += 1) {
      const owner = people[i % people.length]!;
      const status = statuses[i % statuses.length]!;
      const source: ActionSource = ACTION_SOURCES[i % ACTION_SOURCES.length]!;
      const id = randomUUID();
      await repo.insert({
        id,
        partnership_id: p.id,
        reference: `SYN-${String(i).padStart(5, '0')}`,
        title: `${verbs[i % verbs.length]} ${topics[(i * 7) % topics.length]} (synthetic ${i}).`,
        source,
        source_ref: null,
        area_id: areas[i % areas.length]!.id,
        owner_person_id: owner.id,
        agency_id: owner.agency_id,
        forum_id: forums[i % forums.length]!.id,
        challenge_id: null,
        due_date: i % 11 === 0 ? null : day((i % 400) - 200),
        status,
        percent_complete: status === 'complete' ? 100 : (i * 13) % 100,
      });
      if (i % 5 === 0) {
        await repo.addHistory({ partnershipId: p.id, actionId: id, actorId: owner.id, surface: 'tab', changes: { note: true }, comment: `Progress noted (synthetic ${i}).`, at: new Date(Date.UTC(2026, 9, 1) + i * 60_000) });
      }
    }
  });
}

/**
 * Installed before the page's scripts: records performance.now() when the tracker's first rows are on
 * screen with nothing loading. A string, not a function: tsx's transform would wrap inner helpers.
 */
const WATCH_FOR_ROWS = `(() => {
  const ready = () => {
    if (document.querySelector('[role="status"]')) return false;
    const row = document.querySelector('main table tbody tr[aria-rowindex]');
    if (!row) return false;
    const box = row.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const observer = new MutationObserver(() => {
    if (window.__rowsAt === undefined && ready()) {
      window.__rowsAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

async function newPage(browser: Browser, personId: string, watch: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await context.addInitScript(`window.localStorage.setItem('los.devPersonId', ${JSON.stringify(personId)});`);
  if (watch) await context.addInitScript(WATCH_FOR_ROWS);
  return context.newPage();
}

async function timeLoad(browser: Browser, url: string, personId: string): Promise<number> {
  const page = await newPage(browser, personId, true);
  try {
    await page.goto(`${url}/?theme=light#/tracker`, { waitUntil: 'commit' });
    const at = await page.waitForFunction('window.__rowsAt', undefined, { timeout: 60_000 });
    return (await at.jsonValue()) as number;
  } finally {
    await page.context().close();
  }
}

/**
 * Changes the Source filter in the page and times it to the second animation frame after (the frame in
 * which the new rows are painted). React renders a change event's update before dispatchEvent returns
 * (a discrete event), so the frames that follow show the result.
 */
const CHANGE_FILTER = `async (label) => {
  const select = [...document.querySelectorAll('select')].find((s) => s.labels && [...s.labels].some((l) => l.textContent.trim() === 'Source'));
  const option = [...select.options].find((o) => o.textContent === label);
  const t0 = performance.now();
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const shown = document.querySelector('[data-testid="tracker-count"]').textContent;
  return [performance.now() - t0, shown];
}`;

async function timeFilterChanges(browser: Browser, url: string, personId: string, runs: number): Promise<number[]> {
  const page = await newPage(browser, personId, false);
  try {
    await page.goto(`${url}/?theme=light#/tracker`);
    await page.locator('main table tbody tr[aria-rowindex]').first().waitFor({ timeout: 60_000 });
    // Each change goes to a different source than the one before, so the count always changes.
    const labels = ['Audit', 'Scrutiny', 'Case review', 'Minutes', 'Challenge', 'Section 11', 'Any'];
    const times: number[] = [];
    for (let i = 0; i < runs + 2; i += 1) {
      const label = labels[i % labels.length]!;
      const [ms, shown] = (await page.evaluate(`(${CHANGE_FILTER})(${JSON.stringify(label)})`)) as [number, string];
      if (label === 'Any' ? !/^Showing (\d+) of \1 /.test(shown) : /^Showing (\d+) of \1 /.test(shown)) throw new Error(`The filter did not apply: the page shows "${shown}" after choosing ${label}.`);
      if (i >= 2) times.push(ms); // the first two warm the page up
    }
    return times;
  } finally {
    await page.context().close();
  }
}

const progress = (text: string) => process.stderr.write(`${text}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

const tabDir = await buildTabInto();
const big = await startApp(tabDir);
const small = await startApp(tabDir);
const browser = await launchBrowser();
try {
  progress(`Seeding ${BIG} and ${SMALL} actions…`);
  const seeding = performance.now();
  await sizeTracker(big.app, BIG);
  await sizeTracker(small.app, SMALL);
  const seeded = performance.now() - seeding;
  const bmOf = async (r: Running) => {
    const people = (await (await fetch(`${r.url}/api/v1/dev/people`)).json()) as { people: { id: string; role: string; partnership: { name: string } }[] };
    return people.people.find((p) => p.role === 'business_manager' && p.partnership.name === PARTNERSHIP)!.id;
  };
  const bigBm = await bmOf(big);
  const smallBm = await bmOf(small);
  const counts = await Promise.all(
    [
      [big, bigBm],
      [small, smallBm],
    ].map(async ([r, id]) => {
      const pid = (await (await fetch(`${(r as Running).url}/api/v1/me`, { headers: { 'x-los-dev-person': id as string } })).json()) as { memberships: { partnership: { id: string } }[] };
      const list = (await (await fetch(`${(r as Running).url}/api/v1/partnerships/${pid.memberships[0]!.partnership.id}/actions`, { headers: { 'x-los-dev-person': id as string } })).json()) as { actions: unknown[] };
      return list.actions.length;
    }),
  );

  progress(`Timing loads (${RUNS} of each)…`);
  // One of each first: the servers' and the browser's first-time costs are not what is measured.
  await timeLoad(browser, big.url, bigBm);
  await timeLoad(browser, small.url, smallBm);
  const loads = { big: [] as number[], small: [] as number[] };
  for (let i = 0; i < RUNS; i += 1) {
    const order = i % 2 === 0 ? (['big', 'small'] as const) : (['small', 'big'] as const);
    for (const which of order) loads[which].push(which === 'big' ? await timeLoad(browser, big.url, bigBm) : await timeLoad(browser, small.url, smallBm));
  }
  progress(`Timing filter changes (${FILTER_RUNS} of each)…`);
  const filters = { big: [] as number[], small: [] as number[] };
  for (let round = 0; round < 3; round += 1) {
    filters.small.push(...(await timeFilterChanges(browser, small.url, smallBm, Math.ceil(FILTER_RUNS / 3))));
    filters.big.push(...(await timeFilterChanges(browser, big.url, bigBm, Math.ceil(FILTER_RUNS / 3))));
  }

  const loadRatio = median(loads.big) / median(loads.small);
  const filterRatio = median(filters.big) / median(filters.small);
  console.log(`Action tracker, ${counts[0]} actions against ${counts[1]}, business manager, 1280 px, Chromium. Seeding took ${(seeded / 1000).toFixed(1)} s.`);
  console.log(`Load: new browser context each time (empty cache), median of ${RUNS}. Filter change: Source filter changed in a loaded page, to the second frame after the change, median of ${filters.big.length}.`);
  console.log('');
  console.log('| measure | 5,000 actions | 50 actions (baseline) | ratio |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| load to first rows visible (median) | ${ms(median(loads.big))} | ${ms(median(loads.small))} | ${loadRatio.toFixed(2)}× |`);
  console.log(`| load, min – max | ${ms(Math.min(...loads.big))} – ${ms(Math.max(...loads.big))} | ${ms(Math.min(...loads.small))} – ${ms(Math.max(...loads.small))} | |`);
  console.log(`| filter change to rows painted (median) | ${ms(median(filters.big))} | ${ms(median(filters.small))} | ${filterRatio.toFixed(2)}× |`);
  console.log(`| filter change, min – max | ${ms(Math.min(...filters.big))} – ${ms(Math.max(...filters.big))} | ${ms(Math.min(...filters.small))} – ${ms(Math.max(...filters.small))} | |`);
  console.log('');
  console.log(`Goal (filter change at most ${GOAL}× the 50-row tracker): ${filterRatio <= GOAL ? 'met' : 'NOT met'}.`);
} finally {
  await browser.close();
  await big.close();
  await small.close();
  rmSync(tabDir, { recursive: true, force: true });
}
