/**
 * The JavaScript the meeting side panel loads, gzip, against a bare Fluent UI page (FluentProvider + Button)
 * built the same way in the same run. Goal: at most 200 kB.
 * Run: node --import tsx bench/side-panel-bundle.ts   (BENCH_VERBOSE=1 lists every counted chunk)
 *
 * The tab is built into a temporary directory with Vite's manifest on (tab/vite.config.ts, plus
 * build.manifest), so the walk follows what Vite really emitted: the entry and its static imports, then
 * the chunks holding the lazy parts on the way to the meeting page (the app's root with React and Fluent
 * UI, which the small entry loads at once; the signed-in app shell; the meeting page; a meeting's
 * workspace, which the page shows in Teams), each with its static imports. A part built into a chunk
 * already counted adds nothing (tab/chunk-groups.ts bundles the shell and the meeting page with the
 * app's core). In Teams, teams-js (lazy, loaded only when the page is framed) is added. Chunks the
 * meeting page may load later (e.g. pdf.js for the paper viewer) are listed, not counted.
 * No assertion: the figures go into BENCHMARKS.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBareFluentPage } from './support/bare-fluent-page.js';
import { buildTabInto } from './support/build-tab.js';
import { chunkHolding, entryKey, jsBytes, readViteManifest, staticClosure, type ViteManifest } from './support/vite-manifest.js';

const GOAL_KB = 200;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The chunks dynamically imported by `keys` that are not among them, each with its own closure. */
function laterChunks(manifest: ViteManifest, keys: Set<string>, from: string[]): Map<string, Set<string>> {
  const later = new Map<string, Set<string>>();
  for (const key of from) {
    for (const lazy of manifest[key]!.dynamicImports ?? []) {
      if (keys.has(lazy) || later.has(lazy)) continue;
      const closure = new Set([...staticClosure(manifest, lazy)].filter((k) => !keys.has(k)));
      later.set(lazy, closure);
    }
  }
  return later;
}

const tabOut = mkdtempSync(path.join(tmpdir(), 'los-bench-tab-'));
try {
  const t0 = performance.now();
  await buildTabInto(tabOut);
  const bareOut = await buildBareFluentPage();
  const buildMs = performance.now() - t0;

  const tab = readViteManifest(tabOut);
  const entry = entryKey(tab);
  const steps: [string, string][] = [
    ['entry (index.html) and its static imports', entry],
    ['app root (React, Fluent UI), lazy', chunkHolding(tab, tabOut, 'src/render-app.tsx')],
    ['app shell (signed in), lazy', chunkHolding(tab, tabOut, 'src/app-shell.tsx')],
    ['meeting page, lazy', chunkHolding(tab, tabOut, 'src/pages/meeting-page.tsx')],
    ['meeting workspace (capture, timeline), lazy', chunkHolding(tab, tabOut, 'src/meeting/meeting-panel.tsx')],
  ];
  const browserKeys = new Set<string>();
  const rows: [string, { raw: number; gzip: number; files: number }][] = [];
  for (const [label, key] of steps) {
    const added = [...staticClosure(tab, key)].filter((k) => !browserKeys.has(k));
    added.forEach((k) => browserKeys.add(k));
    rows.push([added.length > 0 ? label : `${label}: in a chunk counted above`, jsBytes(tab, tabOut, added)]);
  }
  const browser = jsBytes(tab, tabOut, browserKeys);

  const teamsJsKey = Object.keys(tab).find((k) => k.includes('@microsoft/teams-js') && tab[k]!.isDynamicEntry);
  const teamsKeys = new Set(browserKeys);
  if (teamsJsKey) staticClosure(tab, teamsJsKey).forEach((k) => teamsKeys.add(k));
  const inTeams = jsBytes(tab, tabOut, teamsKeys);

  const pathKeys = steps.map(([, key]) => key).flatMap((key) => [...staticClosure(tab, key)]);
  const later = laterChunks(tab, teamsKeys, pathKeys);

  const bare = readViteManifest(bareOut);
  const bareKeys = staticClosure(bare, entryKey(bare));
  const baseline = jsBytes(bare, bareOut, bareKeys);

  const whole = jsBytes(tab, tabOut, Object.keys(tab));
  const pdfKeys = Object.keys(tab).filter((k) => /pdfjs|pdf\.worker/i.test(k) || /pdf/i.test(tab[k]!.file));
  const pdfCounted = pdfKeys.filter((k) => teamsKeys.has(k));

  console.log(`Side-panel JavaScript (gzip, zlib default level), built in ${(buildMs / 1000).toFixed(1)} s. Goal: at most ${GOAL_KB} kB.`);
  console.log('');
  console.log('| what | files | raw | gzip |');
  console.log('| --- | --- | --- | --- |');
  for (const [label, b] of rows) console.log(`| ${label} | ${b.files} | ${kb(b.raw)} | ${kb(b.gzip)} |`);
  console.log(`| **meeting side panel, browser** | ${browser.files} | ${kb(browser.raw)} | **${kb(browser.gzip)}** |`);
  console.log(`| **meeting side panel, in Teams** (+ teams-js${teamsJsKey ? '' : ': not found'}) | ${inTeams.files} | ${kb(inTeams.raw)} | **${kb(inTeams.gzip)}** |`);
  console.log(`| baseline: bare Fluent UI page (FluentProvider + Button) | ${baseline.files} | ${kb(baseline.raw)} | ${kb(baseline.gzip)} |`);
  console.log(`| whole tab, every chunk (for scale) | ${whole.files} | ${kb(whole.raw)} | ${kb(whole.gzip)} |`);
  console.log('');
  console.log(`Side panel / baseline: ${(browser.gzip / baseline.gzip).toFixed(2)}× (browser), ${(inTeams.gzip / baseline.gzip).toFixed(2)}× (in Teams). ` +
    `Goal ${GOAL_KB} kB: ${inTeams.gzip <= GOAL_KB * 1000 ? 'met' : 'NOT met'} (in Teams), ${browser.gzip <= GOAL_KB * 1000 ? 'met' : 'NOT met'} (browser).`);
  console.log(`pdf.js chunks in the side panel's count: ${pdfCounted.length === 0 ? 'none' : pdfCounted.map((k) => tab[k]!.file).join(', ')}.`);
  if (process.env.BENCH_VERBOSE) {
    console.log('');
    console.log('Counted chunks (in Teams):');
    for (const key of teamsKeys) console.log(`  ${tab[key]!.file} (${key}): ${kb(jsBytes(tab, tabOut, [key]).gzip)} gzip`);
  }
  if (later.size > 0) {
    console.log('');
    console.log('Loaded later, on demand, not counted:');
    for (const [key, closure] of later) console.log(`  ${key}: ${kb(jsBytes(tab, tabOut, closure).gzip)} gzip`);
  }
} finally {
  rmSync(tabOut, { recursive: true, force: true });
}
