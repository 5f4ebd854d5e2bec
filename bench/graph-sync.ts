// Delta sync against naive recursive listing, on a library of 5,000 files in 100 folders
// served by the local Graph stand-in. Requests and bytes are counted by the stand-in.
// Run: node --import tsx bench/graph-sync.ts
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONVENTIONS } from '../src/documents/classification.js';
import { ContentStore } from '../src/documents/content-store.js';
import { naiveListing } from '../src/documents/sources/graph-source.js';
import { syncDrive } from '../src/documents/sync/drive-syncer.js';
import { openDatabase } from '../src/storage/connect.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { makePartnership } from '../test/support/fixtures.js';
import { GraphStandIn } from '../test/support/graph-stand-in.js';
import { wire } from '../test/support/graph-stand-in/test-client.js';

const FOLDERS = Number(process.env.BENCH_FOLDERS ?? 100);
const PER_FOLDER = Number(process.env.BENCH_FILES_PER_FOLDER ?? 50);

const graph = await GraphStandIn.start({ pageSize: 200 });
const w = wire(graph);
const h = await openDatabase({ kind: 'pglite' });
await migrateToLatest(h.db);
const dir = mkdtempSync(path.join(tmpdir(), 'los-bench-sync-'));
try {
  const root = graph.ensureFolder('Papers');
  const ids: string[] = [];
  for (let f = 0; f < FOLDERS; f += 1) {
    const folder = graph.addFolder(`2026-${String((f % 12) + 1).padStart(2, '0')}-${String((f % 27) + 1).padStart(2, '0')} Meeting ${f}`, { parentId: root.id });
    for (let i = 0; i < PER_FOLDER; i += 1) ids.push(graph.addFile(`Item ${i} - paper ${f}-${i}.pdf`, `%PDF-1.4 synthetic paper ${f}-${i} ${'x'.repeat(200)}`, { parentId: folder.id }).id);
  }
  const p = await makePartnership(h.db);
  await h.db
    .insertInto('document_sources')
    .values({ id: randomUUID(), partnership_id: p.partnershipId, forum_id: p.forumId, kind: 'graph', site_id: null, site_url: graph.siteUrl, drive_id: graph.driveId, drive_name: 'Documents', folder_item_id: root.id, folder_path: 'Papers', team_id: null, channel_id: null })
    .execute();
  // Extraction is measured by bench/extraction.ts; here only requests and bytes matter.
  const deps = { db: h.db, source: w.source, store: new ContentStore(path.join(dir, 'content')), extract: async () => ({ status: 'extracted' as const, pages: ['text'] }), conventions: DEFAULT_CONVENTIONS, now: () => new Date() };
  const key = { partnershipId: p.partnershipId, sourceKind: 'graph' as const, driveId: graph.driveId };

  graph.resetStats();
  const listed = await naiveListing(w.client, graph.driveId, root.id);
  const naive = graph.stats();

  graph.resetStats();
  let t0 = performance.now();
  const first = await syncDrive(deps, key);
  const firstMs = performance.now() - t0;
  const firstStats = graph.stats();

  graph.resetStats();
  await syncDrive(deps, key);
  const idle = graph.stats();

  const changed = `%PDF-1.4 changed ${'y'.repeat(500)}`;
  graph.updateContent(ids[1234]!, changed);
  graph.resetStats();
  t0 = performance.now();
  await syncDrive(deps, key);
  const oneMs = performance.now() - t0;
  const one = graph.stats();

  const files = FOLDERS * PER_FOLDER;
  console.log(`library: ${files} files in ${FOLDERS} folders (stand-in page size 200); naive listing saw ${listed.length} items`);
  console.log('| figure | ours (delta) | baseline (naive listing) | goal |');
  console.log('|---|---|---|---|');
  console.log(`| requests, first sync: listing (API) | ${firstStats.api.requests} | ${naive.api.requests} | ≤ 50%: ${((100 * firstStats.api.requests) / naive.api.requests).toFixed(1)}% |`);
  console.log(`| requests, first sync: with downloads | ${firstStats.api.requests + firstStats.download.requests} | ${naive.api.requests + files} | (downloads equal: ${firstStats.download.requests}) |`);
  console.log(`| requests, re-sync after one change | ${one.api.requests + one.download.requests} | ${naive.api.requests + 1} | ≤ 2 |`);
  console.log(`| bytes downloaded, re-sync after one change | ${one.download.bytes} | changed file: ${Buffer.byteLength(changed)} | only the changed file's |`);
  console.log(`| bytes downloaded, re-sync with nothing changed | ${idle.download.bytes} | — | 0 |`);
  console.log(`| requests, re-sync with nothing changed | ${idle.api.requests + idle.download.requests} | ${naive.api.requests} | — |`);
  console.log(`first sync ${(firstMs / 1000).toFixed(1)} s (${first.processed} files applied); re-sync after one change ${oneMs.toFixed(0)} ms`);
} finally {
  await graph.stop();
  await h.close();
  rmSync(dir, { recursive: true, force: true });
}
