import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONVENTIONS, DocumentConventions } from '../../src/documents/classification.js';
import { ContentStore } from '../../src/documents/content-store.js';
import { extractPages } from '../../src/documents/extraction/index.js';
import { resolveGraphLocation } from '../../src/documents/sources/graph-locations.js';
import { syncDrive } from '../../src/documents/sync/drive-syncer.js';
import { openDatabase, type DatabaseHandle } from '../../src/storage/connect.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { GraphStandIn } from '../support/graph-stand-in.js';
import { wire, type Wired } from '../support/graph-stand-in/test-client.js';

function pdf(pages: string[]): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    for (const text of pages) doc.addPage().text(text);
    doc.end();
  });
}

/** The whole pipeline (Graph source → mirror → documents, versions, pages) against the Graph stand-in. */
describe('syncing a SharePoint library through Microsoft Graph (stand-in)', () => {
  let h: DatabaseHandle;
  let dir: string;
  let graph: GraphStandIn;
  let w: Wired;
  let p: PartnershipFixture;
  let folderId: string;

  const sync = (options: { maxPages?: number } = {}) =>
    syncDrive(
      { db: h.db, source: w.source, store: new ContentStore(path.join(dir, 'content')), extract: extractPages, conventions: DEFAULT_CONVENTIONS, now: () => new Date() },
      { partnershipId: p.partnershipId, sourceKind: 'graph', driveId: graph.driveId },
      options,
    );
  /** The live documents, as path → text of page 1. */
  const synced = async () => {
    const rows = await h.db
      .selectFrom('documents as d')
      .innerJoin('document_versions as v', 'v.id', 'd.current_version_id')
      .leftJoin('document_pages as pg', (j) => j.onRef('pg.document_version_id', '=', 'v.id').on('pg.page_number', '=', 1))
      .select(['d.path', 'pg.text'])
      .where('d.partnership_id', '=', p.partnershipId)
      .where('d.deleted_at', 'is', null)
      .orderBy('d.path')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.path, r.text]));
  };

  beforeAll(async () => {
    h = await openDatabase({ kind: 'pglite' });
    await migrateToLatest(h.db);
    dir = mkdtempSync(path.join(tmpdir(), 'los-graph-sync-'));
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    graph = await GraphStandIn.start({ pageSize: 4 });
    w = wire(graph);
    p = await makePartnership(h.db);
    folderId = graph.ensureFolder('Executive').id;
    const location = await resolveGraphLocation(w.client, { site: graph.siteUrl, library: 'Documents', folder: 'Executive' });
    await h.db
      .insertInto('document_sources')
      .values({ id: randomUUID(), partnership_id: p.partnershipId, forum_id: p.forumId, kind: 'graph', site_id: location.siteId, site_url: location.siteUrl, drive_id: location.driveId, drive_name: location.driveName, folder_item_id: location.folderItemId, folder_path: location.folderPath, team_id: null, channel_id: null })
      .execute();
    const meeting = graph.ensureFolder('Executive/2026-11-11');
    graph.addFile('2026-11-11 Agenda - Executive.pdf', await pdf(['Agenda: welcome and apologies']), { parentId: meeting.id });
    graph.addFile('2026-11-11 Item 3 - Neglect audit.pdf', await pdf(['Findings of the neglect audit', 'Recommendations']), { parentId: meeting.id });
    graph.addFile('Private HR file.pdf', await pdf(['Not a partnership paper']), { parentId: graph.ensureFolder('HR').id });
  });
  afterEach(async () => graph?.stop());

  it('brings in the configured folder, by id, attached to the meeting, with page text', async () => {
    const r = await sync();
    expect(r.status).toBe('done');
    expect(await synced()).toEqual({
      '2026-11-11/2026-11-11 Agenda - Executive.pdf': 'Agenda: welcome and apologies',
      '2026-11-11/2026-11-11 Item 3 - Neglect audit.pdf': 'Findings of the neglect audit',
    });
    const doc = await h.db.selectFrom('documents').select(['meeting_id', 'kind']).where('partnership_id', '=', p.partnershipId).where('title', '=', 'Item 3 - Neglect audit').executeTakeFirstOrThrow();
    expect(doc).toEqual({ meeting_id: p.meetingId, kind: 'paper' });
  });

  it('never sends our Authorization header to the download host', async () => {
    await sync();
    const s = graph.stats();
    expect(s.download.requests).toBeGreaterThanOrEqual(2);
    expect(s.download.withAuthorization).toBe(0);
  });

  it('applies renames, moves, new versions and deletions (deleted items arrive without names)', async () => {
    await sync();
    const files = Object.fromEntries([...(await h.db.selectFrom('documents').select(['item_id', 'title']).where('partnership_id', '=', p.partnershipId).execute())].map((d) => [d.title, d.item_id]));
    const later = graph.ensureFolder('Executive/2026-12-09');
    graph.rename(files['Agenda - Executive']!, '2026-11-11 Agenda (revised) - Executive.pdf');
    graph.move(files['Item 3 - Neglect audit']!, later.id);
    graph.updateContent(files['Item 3 - Neglect audit']!, await pdf(['Findings of the neglect audit, version 2']));
    const extra = graph.addFile('Gone soon.pdf', await pdf(['temporary']), { parentId: folderId });
    await sync();
    graph.remove(extra.id);
    await sync();
    expect(await synced()).toEqual({
      '2026-11-11/2026-11-11 Agenda (revised) - Executive.pdf': 'Agenda: welcome and apologies',
      '2026-12-09/2026-11-11 Item 3 - Neglect audit.pdf': 'Findings of the neglect audit, version 2',
    });
    const versions = await h.db.selectFrom('document_versions').select('version_number').where('document_id', '=', (await h.db.selectFrom('documents').select('id').where('partnership_id', '=', p.partnershipId).where('item_id', '=', files['Item 3 - Neglect audit']!).executeTakeFirstOrThrow()).id).execute();
    expect(versions.map((v) => v.version_number).sort()).toEqual([1, 2]);
  });

  it('starts a full enumeration on 410 and ends with the same set, without duplicates', async () => {
    await sync();
    const before = await synced();
    graph.expireTokens();
    const r = await sync();
    expect(r.status).toBe('done');
    expect(await synced()).toEqual(before);
    const count = await h.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).where('partnership_id', '=', p.partnershipId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('waits as told on 429 Retry-After, retries a 503 and a truncated body, and still ends equal to the source', async () => {
    graph.failNext(1, 429, { retryAfter: 7 });
    graph.failNext(1, 503);
    graph.truncateNext('cut-json');
    const r = await sync();
    expect(r.status).toBe('done');
    expect(w.sleeps).toContain(7000);
    expect(Object.keys(await synced())).toHaveLength(2);
  });

  it('resumes after a crash from the last committed page', async () => {
    for (let i = 0; i < 10; i += 1) graph.addFile(`Paper ${i}.pdf`, await pdf([`Paper ${i}`]), { parentId: folderId });
    const first = await sync({ maxPages: 1 });
    expect(first.status).toBe('interrupted');
    const second = await sync();
    expect(second.status).toBe('done');
    const all = await synced();
    expect(Object.keys(all)).toHaveLength(12);
  });

  it('re-syncs one changed file in at most 2 requests and its bytes only; nothing changed costs no download', async () => {
    await sync();
    graph.resetStats();
    await sync();
    expect(graph.stats().download.bytes).toBe(0);
    const agenda = (await h.db.selectFrom('documents').select('item_id').where('partnership_id', '=', p.partnershipId).where('title', '=', 'Agenda - Executive').executeTakeFirstOrThrow()).item_id;
    const changed = await pdf(['Agenda, changed']);
    graph.updateContent(agenda, changed);
    graph.resetStats();
    await sync();
    const s = graph.stats();
    expect(s.api.requests + s.download.requests, JSON.stringify(s.api.byRoute)).toBeLessThanOrEqual(2);
    expect(s.download.bytes).toBe(changed.byteLength);
  });

  it('dates a paper by a library column when the partnership keeps the meeting date there', async () => {
    w = wire(graph, {}, { expandListItemFields: true });
    graph.addFile('Performance dashboard.pdf', await pdf(['Dashboard']), { parentId: folderId, fields: { MeetingDate: '2026-11-11T00:00:00Z' } });
    await syncDrive(
      { db: h.db, source: w.source, store: new ContentStore(path.join(dir, 'content')), extract: extractPages, conventions: DocumentConventions.parse({ meetingDateField: 'MeetingDate' }), now: () => new Date() },
      { partnershipId: p.partnershipId, sourceKind: 'graph', driveId: graph.driveId },
    );
    const doc = await h.db.selectFrom('documents').select(['meeting_id', 'document_date']).where('partnership_id', '=', p.partnershipId).where('title', '=', 'Performance dashboard').executeTakeFirstOrThrow();
    expect(doc).toEqual({ meeting_id: p.meetingId, document_date: '2026-11-11' });
  });

  it('reads a PowerPoint deck through its PDF rendition', async () => {
    graph.addFile('2026-11-11 Item 5 - Dashboard.pptx', new Uint8Array([80, 75, 3, 4, 0, 0]), { parentId: folderId });
    await sync();
    const v = await h.db
      .selectFrom('documents as d')
      .innerJoin('document_versions as v', 'v.id', 'd.current_version_id')
      .select(['v.extraction_status', 'v.pdf_rendition_path', 'v.page_count'])
      .where('d.partnership_id', '=', p.partnershipId)
      .where('d.title', '=', 'Item 5 - Dashboard')
      .executeTakeFirstOrThrow();
    expect(v.extraction_status).toBe('extracted');
    expect(v.pdf_rendition_path).not.toBeNull();
  });
});
