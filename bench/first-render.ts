/**
 * Time to the first usable render of the meeting side panel (280 px, dev sign-in, PGlite in memory with the
 * demo partnership), against a bare Fluent UI page (FluentProvider + Button, built by Vite like the tab,
 * compressed copies included) loaded the same way in the same run, through the app's static handler with
 * the same headers. Goal: at most 1.5× the baseline.
 * Run: node --import tsx bench/first-render.ts   Options (environment): BENCH_RUNS (9), BENCH_SETTLE_MS (500, the
 * pause before each load), BENCH_PLAIN_BASELINE (also measure the bare page from a plain file server, for reference).
 * The tab is built from the current sources into a directory of the bench's own and served by the app.
 *
 * Each load is a new browser context (empty cache), over HTTP on localhost. "Usable" is measured in the
 * page, from navigation start (performance.now()), by a probe installed before any script, which checks
 * once per animation frame, after the DOM has changed (a MutationObserver marks the change):
 * - side panel: nothing loading (no role=status) and, in <main>, an enabled capture box (textbox) or a
 *   meeting list with its buttons;
 * - baseline: its Button is visible and enabled (the same test, so both pay for the layout it reads).
 * The pages are measured alternately, and the median of each is reported. No assertion: figures go into
 * BENCHMARKS.md.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Request, Response } from 'restify';
import { launchBrowser } from '../test/support/browser.js';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/server/logger.js';
import { staticTabHandler } from '../src/server/static-tab.js';
import { openDatabase } from '../src/storage/connect.js';
import { buildBareFluentPage } from './support/bare-fluent-page.js';
import { buildTabInto } from './support/build-tab.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const WIDTH = 280;
const GOAL = 1.5;
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 500);

/**
 * Serves the baseline page through the app's own static handler (src/server/static-tab.ts), with the same
 * response headers as the tab: the comparison is then between the two pages, not two servers. Served by a
 * plain file server without our security headers, the same bare page loaded 40–60 ms sooner, mostly from
 * `cross-origin-opener-policy`, which makes Chromium move a fresh tab's first navigation to a new renderer
 * process (a navigation from another site moves to a new process anyway). BENCH_PLAIN_BASELINE=1 also
 * measures that plain-served page, for reference.
 */
function serveStatic(root: string, plain = false): Promise<{ url: string; server: Server }> {
  const serveTab = staticTabHandler(root);
  const server = createServer((req, res) => {
    if (!plain) {
      void serveTab(req as unknown as Request, res as unknown as Response);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://local');
    let file = path.resolve(root, '.' + decodeURIComponent(url.pathname));
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) file = path.join(root, 'index.html');
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8', 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server });
  }));
}

/** The app as test/support/test-app.ts starts it (dev sign-in, PGlite in memory, demo seeded), serving `tabDir`. */
async function startApp(tabDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'los-bench-render-'));
  const config = loadConfig({ NODE_ENV: 'test', AUTH_MODE: 'dev', PORT: '0', DATA_DIR: dataDir, SEED_DEMO: 'true', SYNC_INTERVAL_MINUTES: '0' }, dataDir);
  const database = await openDatabase({ kind: 'pglite' });
  const app = await createApp(config, { logger: silentLogger, database, tabDir });
  const { port } = await app.server.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Ready = 'sidePanel' | 'baseline';

/**
 * Installed before the page's scripts: records performance.now() when the page first counts as usable.
 * A string, not a function: tsx's transform would wrap a function's inner helpers in names the page lacks.
 */
function watchForUsable(kind: Ready): string {
  return `(() => {
    const kind = ${JSON.stringify(kind)};
    const visibleEnabled = (el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && !el.disabled && el.getAttribute('aria-disabled') !== 'true';
    };
    const usable = () => {
      // The same test for both: a control that is laid out, visible and enabled.
      if (kind === 'baseline') return [...document.querySelectorAll('button')].some(visibleEnabled);
      const main = document.querySelector('main');
      if (!main || document.querySelector('[role="status"]')) return false;
      const capture = [...main.querySelectorAll('textarea, input[type="text"], input:not([type]), [role="textbox"]')].some(visibleEnabled);
      const list = [...main.querySelectorAll('li button, li a[href], [role="listitem"] button')].some(visibleEnabled);
      return capture || list;
    };
    // Checked once per frame, just before it is painted: the layout it reads is one the frame computes
    // anyway. Checked on every mutation instead, it forced a layout per mutation, and that cost (over
    // 80 ms in a CPU profile of the side panel) was the probe's, not the page's.
    let dirty = true;
    const observer = new MutationObserver(() => { dirty = true; });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    const frame = () => {
      if (dirty) {
        dirty = false;
        if (usable()) {
          window.__usableAt = performance.now();
          observer.disconnect();
          return;
        }
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })();`;
}

async function timeLoad(browser: Browser, url: string, kind: Ready, devPersonId?: string): Promise<number> {
  // bypassCSP: the app's CSP (script-src 'self') would refuse the measuring script's evaluation.
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 800 }, bypassCSP: true });
  try {
    if (devPersonId) await context.addInitScript(`window.localStorage.setItem('los.devPersonId', ${JSON.stringify(devPersonId)});`);
    await context.addInitScript(watchForUsable(kind));
    const page = await context.newPage();
    // Each load starts on a settled machine: the last one's teardown (its renderer, the server's work after
    // it) otherwise lands on whichever page comes next.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await page.goto(url, { waitUntil: 'commit' });
    try {
      const usableAt = await page.waitForFunction('window.__usableAt', undefined, { timeout: 30_000 });
      return (await usableAt.jsonValue()) as number;
    } catch (error) {
      const main = await page.evaluate('document.querySelector("main")?.innerText.slice(0, 500) ?? document.body.innerText.slice(0, 500)').catch(() => '');
      throw new Error(`The ${kind} page (${url}) never became usable. It shows: ${String(main)}`, { cause: error });
    }
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const tabDir = await buildTabInto();
const bareDir = await buildBareFluentPage();
const app = await startApp(tabDir);
const bare = await serveStatic(bareDir);
const plainBare = await serveStatic(bareDir, true);
const browser = await launchBrowser();
try {
  const people = (await (await fetch(`${app.url}/api/v1/dev/people`)).json()) as { people: { id: string; role: string; partnership: { name: string } }[] };
  const scrutineer = people.people.find((p) => p.role === 'scrutineer');
  if (!scrutineer) throw new Error('The demo partnership has no scrutineer to sign in as.');
  const sidePanelUrl = `${app.url}/?theme=light#/meeting`;

  type Page = 'sidePanel' | 'baseline' | 'plainBaseline';
  const load = (page: Page) =>
    page === 'sidePanel' ? timeLoad(browser, sidePanelUrl, 'sidePanel', scrutineer.id) : timeLoad(browser, page === 'baseline' ? bare.url : plainBare.url, 'baseline');
  const pages: Page[] = process.env.BENCH_PLAIN_BASELINE ? ['sidePanel', 'baseline', 'plainBaseline'] : ['sidePanel', 'baseline'];

  // One of each first: the server's and the browser's first-time costs are not what is measured.
  for (const page of pages) await load(page);

  const times: Record<Page, number[]> = { sidePanel: [], baseline: [], plainBaseline: [] };
  for (let i = 0; i < RUNS; i += 1) {
    // Alternated, and the order reversed every other round, so that a slow spell of the machine hits each.
    for (const page of i % 2 === 0 ? pages : [...pages].reverse()) times[page].push(await load(page));
  }
  const side = median(times.sidePanel);
  const base = median(times.baseline);
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const row = (label: string, xs: number[]) =>
    `| ${label} | ${ms(median(xs))} | ${ms(Math.min(...xs))} | ${ms(Math.max(...xs))} | ${(median(xs) / base).toFixed(2)}× |`;
  console.log(`First usable render at ${WIDTH} px, new browser context each load (empty cache), median of ${RUNS}. Goal: at most ${GOAL}× the baseline.`);
  console.log('');
  console.log('| page | median | min | max | vs baseline |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(row('meeting side panel (signed in, meeting list or capture box usable)', times.sidePanel));
  console.log(row('baseline: bare Fluent UI page (FluentProvider + Button), served as the tab is', times.baseline));
  if (times.plainBaseline.length) console.log(row('for reference: the same bare page from a plain file server (no security headers)', times.plainBaseline));
  console.log('');
  console.log(`Goal ${GOAL}×: ${side / base <= GOAL ? 'met' : 'NOT met'}.`);
} finally {
  await browser.close();
  bare.server.close();
  plainBare.server.close();
  await app.close();
  rmSync(tabDir, { recursive: true, force: true });
}
