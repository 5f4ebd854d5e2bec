/** Saving a report to SharePoint through Graph: the upload, its version, and what a failure tells the scrutineer. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticTokenProvider } from '../../src/graph/graph-auth.js';
import { createGraphClient } from '../../src/graph/graph-client.js';
import { GraphReportLibrary, ReportStoreError } from '../../src/reports/report-library.js';
import { openDatabase, type DatabaseHandle } from '../../src/storage/connect.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';

interface Seen {
  method: string;
  url: string;
  contentType: string | null;
  auth: string | null;
  bytes: number;
}

/** A Graph that takes uploads into a drive and keeps a version count per path, or answers 503 when told to. */
function fakeGraph(state: { failing: boolean; seen: Seen[] }): typeof fetch {
  const versions = new Map<string, number>();
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const headers = new Headers(init?.headers);
    const body = init?.body as Uint8Array | undefined;
    state.seen.push({ method: init?.method ?? 'GET', url, contentType: headers.get('content-type'), auth: headers.get('authorization'), bytes: body?.byteLength ?? 0 });
    if (state.failing) return new Response(JSON.stringify({ error: { code: 'serviceNotAvailable' } }), { status: 503, headers: { 'retry-after': '1' } });
    const upload = /\/drives\/([^/]+)\/root:\/(.+):\/content$/.exec(new URL(url).pathname);
    if (init?.method === 'PUT' && upload) {
      const key = decodeURIComponent(upload[2]!);
      versions.set(key, (versions.get(key) ?? 0) + 1);
      return Response.json({ id: `item-${key.length}`, webUrl: `https://contoso.sharepoint.com/sites/lscp/${key}` }, { status: versions.get(key) === 1 ? 201 : 200 });
    }
    if (/\/versions$/.test(new URL(url).pathname)) {
      const n = [...versions.values()][0] ?? 1;
      return Response.json({ value: [{ id: `${n}.0` }, { id: `${n - 1}.0` }] });
    }
    return Response.json({ error: { code: 'itemNotFound' } }, { status: 404 });
  };
}

describe('saving reports to SharePoint', () => {
  let h: DatabaseHandle;
  let p: PartnershipFixture;
  const state = { failing: false, seen: [] as Seen[] };
  const graph = fakeGraph(state);
  const library = () =>
    new GraphReportLibrary(
      h.db,
      createGraphClient({ baseUrl: 'https://graph.example.test/v1.0', tokens: new StaticTokenProvider('app-token'), fetch: graph, sleep: async () => undefined, retry: { maxAttempts: 2 } }),
      'Scrutiny/Reports',
    );

  beforeAll(async () => {
    h = await openDatabase({ kind: 'pglite' });
    await migrateToLatest(h.db);
    p = await makePartnership(h.db);
  });
  afterAll(async () => h?.close());

  it('says what to do when no SharePoint library is set up', async () => {
    const saving = library().save({ partnershipId: p.partnershipId, fileName: 'X.docx', bytes: new Uint8Array([1]), previousSaves: 0 });
    await expect(saving).rejects.toBeInstanceOf(ReportStoreError);
    await expect(saving).rejects.toMatchObject({ advice: expect.stringMatching(/SharePoint library/) });
  });

  it("uploads into the reports folder of the forum's library, and each save is a new version", async () => {
    await h.db.insertInto('document_sources').values({ id: randomUUID(), partnership_id: p.partnershipId, forum_id: p.forumId, kind: 'graph', site_id: 'site-1', site_url: null, drive_id: 'drive-1', drive_name: 'Documents', folder_item_id: null, team_id: null, channel_id: null }).execute();
    const bytes = new Uint8Array([80, 75, 3, 4, 9, 9]);
    const first = await library().save({ partnershipId: p.partnershipId, fileName: 'TP Annual statement of assurance 2026-27.docx', bytes, previousSaves: 0 });
    expect(first).toEqual({ store: 'graph', webUrl: 'https://contoso.sharepoint.com/sites/lscp/Scrutiny/Reports/TP Annual statement of assurance 2026-27.docx', localPath: null, versionLabel: '1.0' });
    const put = state.seen.find((s) => s.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe('/v1.0/drives/drive-1/root:/Scrutiny/Reports/TP%20Annual%20statement%20of%20assurance%202026-27.docx:/content');
    expect(put.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(put.auth).toBe('Bearer app-token');
    expect(put.bytes).toBe(bytes.byteLength);
    const second = await library().save({ partnershipId: p.partnershipId, fileName: 'TP Annual statement of assurance 2026-27.docx', bytes, previousSaves: 1 });
    expect(second.versionLabel).toBe('2.0');
  });

  it('turns a Graph failure into a store error that says to try again, or download and upload by hand', async () => {
    state.failing = true;
    const saving = library().save({ partnershipId: p.partnershipId, fileName: 'X.docx', bytes: new Uint8Array([1]), previousSaves: 0 });
    await expect(saving).rejects.toBeInstanceOf(ReportStoreError);
    await expect(saving).rejects.toMatchObject({ message: expect.stringMatching(/SharePoint did not accept the report/), advice: expect.stringMatching(/Try again/) });
  });
});
