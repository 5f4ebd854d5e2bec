/**
 * GraphDocumentSource against the local Graph stand-in: delta paging, changes, deletes, moves,
 * renames, new versions, 410 resync, throttling, truncated bodies, downloads on another host, PDF
 * renditions and $batch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversionUnavailableError } from '../../src/documents/document-source.js';
import { naiveListing } from '../../src/documents/sources/graph-source.js';
import { GraphThrottledError } from '../../src/graph/graph-errors.js';
import { GraphStandIn } from '../support/graph-stand-in.js';
import { drain, wire } from '../support/graph-stand-in/test-client.js';

let graph: GraphStandIn;

afterEach(async () => {
  await graph?.stop();
});

/** Two folders and a few files: Executive/{3 files}, Executive/2025/{2 files}, QA/{2 files}, 1 at the root. */
function seed(): Record<string, string> {
  const exec = graph.addFolder('Executive');
  const y2025 = graph.addFolder('2025', { parentId: exec.id });
  const qa = graph.addFolder('QA');
  const ids: Record<string, string> = { exec: exec.id, y2025: y2025.id, qa: qa.id };
  ids.agenda = graph.addFile('Agenda.docx', 'agenda v1', { parentId: exec.id }).id;
  ids.minutes = graph.addFile('Minutes.docx', 'minutes v1', { parentId: exec.id }).id;
  ids.paper = graph.addFile('Paper.pdf', '%PDF-1.4 paper', { parentId: exec.id }).id;
  ids.q1 = graph.addFile('Q1 report.docx', 'q1', { parentId: y2025.id }).id;
  ids.q2 = graph.addFile('Q2 report.docx', 'q2', { parentId: y2025.id }).id;
  ids.audit = graph.addFile('Audit.xlsx', 'audit', { parentId: qa.id }).id;
  ids.plan = graph.addFile('Plan.txt', 'plan', { parentId: qa.id }).id;
  ids.readme = graph.addFile('Read me.txt', 'hello').id;
  return ids;
}

describe('delta feed', () => {
  beforeEach(async () => {
    graph = await GraphStandIn.start({ pageSize: 4 });
  });

  it('pages across nextLinks to a deltaLink, mapping driveItems to SourceItems', async () => {
    const ids = seed();
    const { source } = wire(graph);
    const { pages, items } = await drain(source, graph.driveId, null);

    expect(pages.length).toBe(3); // root + 3 folders + 8 files = 12 items, 4 a page
    expect(pages.slice(0, -1).every((p) => !p.done && p.cursor.startsWith(graph.apiBase))).toBe(true);
    expect(pages.at(-1)?.done).toBe(true);
    expect(pages.every((p) => !p.restarted)).toBe(true);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);

    const root = items.find((i) => i.id === graph.rootId());
    expect(root).toMatchObject({ parentId: null, isFolder: true, deleted: false });
    const q1 = items.find((i) => i.id === ids.q1);
    expect(q1).toMatchObject({
      name: 'Q1 report.docx',
      parentId: ids.y2025,
      isFolder: false,
      deleted: false,
      size: 2,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(q1?.contentHash).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(q1?.eTag).toMatch(/^"\{[0-9A-F-]+\},1"$/);
    expect(q1?.cTag).toBeUndefined(); // SharePoint's delta leaves cTag out
    expect(q1?.downloadUrl?.startsWith(graph.downloadBase)).toBe(true);
    expect(items.find((i) => i.id === ids.exec)).toMatchObject({ name: 'Executive', isFolder: true, parentId: graph.rootId() });
  });

  it('a re-sync after one change returns only that change (and its parent folders)', async () => {
    const ids = seed();
    const { source } = wire(graph);
    const first = await drain(source, graph.driveId, null);
    graph.updateContent(ids.q1 as string, 'q1 v2');

    const { pages, items } = await drain(source, graph.driveId, first.cursor);
    expect(pages).toHaveLength(1);
    expect(items.filter((i) => !i.isFolder).map((i) => i.id)).toEqual([ids.q1]);
    // Graph sends the parents of a changed item too; they are unchanged folders on its path.
    expect(items.filter((i) => i.isFolder).map((i) => i.id)).toEqual([graph.rootId(), ids.exec, ids.y2025]);

    const again = await drain(source, graph.driveId, pages[0]?.cursor ?? null);
    expect(again.items).toEqual([]);
  });

  it('reports deleted items without a name or cTag', async () => {
    const ids = seed();
    const { source } = wire(graph);
    const first = await drain(source, graph.driveId, null);
    graph.remove(ids.qa as string); // the folder and its two files

    const { items } = await drain(source, graph.driveId, first.cursor);
    const deleted = items.filter((i) => i.deleted);
    expect(deleted.map((i) => i.id).sort()).toEqual([ids.qa, ids.audit, ids.plan].sort());
    for (const d of deleted) {
      expect(d.name).toBeUndefined();
      expect(d.cTag).toBeUndefined();
    }
    expect(deleted.find((d) => d.id === ids.qa)?.isFolder).toBe(true);
  });

  it('a move and a rename keep the id, with the new parent and name', async () => {
    const ids = seed();
    const { source } = wire(graph);
    const first = await drain(source, graph.driveId, null);
    graph.move(ids.minutes as string, ids.qa as string);
    graph.rename(ids.agenda as string, 'Agenda (final).docx');

    const { items } = await drain(source, graph.driveId, first.cursor);
    const files = items.filter((i) => !i.isFolder);
    expect(files.find((i) => i.id === ids.minutes)).toMatchObject({ name: 'Minutes.docx', parentId: ids.qa, deleted: false });
    expect(files.find((i) => i.id === ids.agenda)).toMatchObject({ name: 'Agenda (final).docx', parentId: ids.exec });
    expect(files).toHaveLength(2);
  });

  it('keeps the last occurrence when an item comes twice in one page', async () => {
    const ids = seed();
    const { source } = wire(graph);
    const first = await drain(source, graph.driveId, null);
    graph.rename(ids.plan as string, 'Plan v2.txt');
    graph.rename(ids.plan as string, 'Plan v3.txt');
    const { items } = await drain(source, graph.driveId, first.cursor);
    expect(items.filter((i) => i.id === ids.plan).map((i) => i.name)).toEqual(['Plan v3.txt']);
  });

  it('a new version changes the cTag that describe() reports; a rename changes only the eTag', async () => {
    const ids = seed();
    const { source } = wire(graph);
    const id = ids.minutes as string;
    const before = (await source.describe(graph.driveId, [id])).get(id);
    expect(before?.cTag).toMatch(/^"c:\{/);

    graph.rename(id, 'Minutes (renamed).docx');
    const renamed = (await source.describe(graph.driveId, [id])).get(id);
    expect(renamed?.cTag).toBe(before?.cTag);
    expect(renamed?.eTag).not.toBe(before?.eTag);

    graph.updateContent(id, 'minutes v2, longer');
    const updated = (await source.describe(graph.driveId, [id])).get(id);
    expect(updated?.cTag).not.toBe(before?.cTag);
    expect(updated?.size).toBe('minutes v2, longer'.length);
    expect(updated?.contentHash).not.toBe(before?.contentHash);
    expect(updated?.downloadUrl?.startsWith(graph.downloadBase)).toBe(true);
  });

  it('on 410 Gone follows the Location and restarts a full enumeration without duplicates', async () => {
    const ids = seed();
    const { source } = wire(graph);
    const first = await drain(source, graph.driveId, null);
    graph.remove(ids.readme as string);
    graph.expireTokens();

    const { pages, items } = await drain(source, graph.driveId, first.cursor);
    expect(pages[0]?.restarted).toBe(true);
    expect(pages.slice(1).every((p) => !p.restarted)).toBe(true);
    expect(pages.length).toBeGreaterThan(1);
    expect(graph.stats().api.byRoute.delta).toBeGreaterThan(pages.length); // the 410 itself, then each page
    const seen = items.map((i) => i.id);
    expect(new Set(seen).size).toBe(seen.length);
    const live = first.items.filter((i) => i.id !== ids.readme).map((i) => i.id);
    expect([...seen].sort()).toEqual([...live].sort());
    expect(items.some((i) => i.deleted)).toBe(false); // a full enumeration lists what exists
  });

  it('a change made while paging is reported in the next round, never lost', async () => {
    const ids = seed();
    const { source } = wire(graph);
    const firstPage = await source.nextPage(graph.driveId, null);
    graph.updateContent(ids.readme as string, 'changed mid-round');
    const rest = await drain(source, graph.driveId, firstPage.cursor);
    const next = await drain(source, graph.driveId, rest.cursor);
    expect(next.items.filter((i) => !i.isFolder).map((i) => i.id)).toEqual([ids.readme]);
  });

  it('asks for list item fields when configured', async () => {
    graph.addFile('Minutes 2026-01.docx', 'x', { fields: { MeetingDate: '2026-01-14' } });
    const { source } = wire(graph, {}, { expandListItemFields: true });
    const { items } = await drain(source, graph.driveId, null);
    expect(items.find((i) => i.name === 'Minutes 2026-01.docx')?.fields).toMatchObject({ MeetingDate: '2026-01-14' });
  });
});

describe('throttling and unreadable answers', () => {
  beforeEach(async () => {
    graph = await GraphStandIn.start({ pageSize: 50 });
    seed();
  });

  it('honours Retry-After on 429 through the injected sleep', async () => {
    const { source, sleeps } = wire(graph);
    graph.failNext(1, 429, { retryAfter: 7 });
    const { items } = await drain(source, graph.driveId, null);
    expect(items.length).toBe(12);
    expect(sleeps).toEqual([7000]);
    expect(graph.stats().api.byRoute.delta).toBe(2);
  });

  it('caps a very long Retry-After', async () => {
    const { source, sleeps } = wire(graph);
    graph.failNext(1, 429, { retryAfter: 3600 });
    await drain(source, graph.driveId, null);
    expect(sleeps).toEqual([60_000]);
  });

  it('backs off with jitter on 503 without Retry-After', async () => {
    const { source, sleeps } = wire(graph, { retry: { baseDelayMs: 100 } });
    graph.failNext(2, 503);
    await drain(source, graph.driveId, null);
    expect(sleeps).toEqual([75, 150]); // 100·2^(n-1), scaled by 0.5 + 0.5·random (random = 0.5)
  });

  it('gives up with GraphThrottledError after the allowed attempts', async () => {
    const { source, sleeps } = wire(graph, { retry: { maxAttempts: 3 } });
    graph.failNext(5, 429, { retryAfter: 1 });
    const error = await source.nextPage(graph.driveId, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphThrottledError);
    expect(error).toMatchObject({ status: 429, attempts: 3, retryAfterMs: 1000 });
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('recovers from a body cut short of its Content-Length, and from half a JSON document', async () => {
    const { source, sleeps } = wire(graph);
    graph.truncateNext('short-body');
    const a = await drain(source, graph.driveId, null);
    graph.truncateNext('cut-json');
    const b = await drain(source, graph.driveId, null);
    expect(a.items.length).toBe(12);
    expect(b.items.length).toBe(12);
    expect(sleeps).toHaveLength(2);
  });
});

describe('downloads', () => {
  beforeEach(async () => {
    graph = await GraphStandIn.start();
  });

  it('fetches the pre-authenticated URL on the other host without an Authorization header', async () => {
    const file = graph.addFile('Minutes.docx', 'the minutes');
    const { source } = wire(graph);
    const { items } = await drain(source, graph.driveId, null);
    const item = items.find((i) => i.id === file.id);
    expect(item?.downloadUrl?.startsWith(graph.downloadBase)).toBe(true);
    expect(new URL(graph.downloadBase).origin).not.toBe(new URL(graph.apiBase).origin);

    const bytes = await source.download(graph.driveId, item!);
    expect(Buffer.from(bytes).toString()).toBe('the minutes');
    expect(graph.stats().download).toMatchObject({ requests: 1, withAuthorization: 0 });

    // The control: the download host really refuses a bearer token.
    const refused = await fetch(item!.downloadUrl!, { headers: { Authorization: `Bearer ${graph.token}` } });
    expect(refused.status).toBe(401);
  });

  it('without a download URL, follows /content’s 302 itself, sending the token only to Graph', async () => {
    const file = graph.addFile('Agenda.docx', 'the agenda');
    const { source } = wire(graph);
    const bytes = await source.download(graph.driveId, { id: file.id, parentId: null, isFolder: false, deleted: false });
    expect(Buffer.from(bytes).toString()).toBe('the agenda');
    const content = graph.requests.find((r) => r.route === 'content');
    expect(content?.authorization).toBe(`Bearer ${graph.token}`);
    expect(graph.stats().download.withAuthorization).toBe(0);
  });

  it('falls back to /content when the download URL has expired', async () => {
    const file = graph.addFile('Paper.pdf', '%PDF-1.4 x');
    const { source } = wire(graph);
    const details = (await source.describe(graph.driveId, [file.id])).get(file.id);
    graph.expireDownloadUrls();
    const bytes = await source.download(graph.driveId, { id: file.id, parentId: null, isFolder: false, deleted: false, ...details });
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.4 x');
    expect(graph.stats().api.byRoute.content).toBe(1);
  });

  it('retries a throttled download', async () => {
    const file = graph.addFile('Big.docx', 'bytes');
    const { source, sleeps } = wire(graph);
    const details = (await source.describe(graph.driveId, [file.id])).get(file.id);
    graph.failNextDownload(1, 503, { retryAfter: 2 });
    const bytes = await source.download(graph.driveId, { id: file.id, parentId: null, isFolder: false, deleted: false, ...details });
    expect(Buffer.from(bytes).toString()).toBe('bytes');
    expect(sleeps).toEqual([2000]);
  });

  it('gets a PDF rendition of an Office file, and ConversionUnavailableError for others', async () => {
    const docx = graph.addFile('Report.docx', 'not really word');
    const txt = graph.addFile('Notes.txt', 'plain');
    const { source } = wire(graph);
    const pdf = await source.downloadPdfRendition(graph.driveId, docx.id);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(graph.stats().download.withAuthorization).toBe(0);
    await expect(source.downloadPdfRendition(graph.driveId, txt.id)).rejects.toBeInstanceOf(ConversionUnavailableError);
  });
});

describe('describe() through $batch', () => {
  beforeEach(async () => {
    graph = await GraphStandIn.start();
  });

  it('sends 45 ids as 3 batch requests of at most 20', async () => {
    const ids = Array.from({ length: 45 }, (_, i) => graph.addFile(`Paper ${i}.docx`, `paper ${i}`).id);
    const { source } = wire(graph);
    const details = await source.describe(graph.driveId, ids);
    expect(details.size).toBe(45);
    expect(graph.stats().api.byRoute.batch).toBe(3);
    expect(graph.stats().api.byRoute['batch:item']).toBe(45);
    expect(details.get(ids[44] as string)?.size).toBe('paper 44'.length);
  });

  it('retries only the inner requests that were throttled', async () => {
    const ids = Array.from({ length: 5 }, (_, i) => graph.addFile(`Paper ${i}.docx`, `paper ${i}`).id);
    const { source, sleeps } = wire(graph);
    graph.failNextInBatch(2, 429, { retryAfter: 3 });
    const details = await source.describe(graph.driveId, ids);
    expect(details.size).toBe(5);
    expect([...details.values()].every((d) => d.cTag !== undefined)).toBe(true);
    expect(graph.stats().api.byRoute.batch).toBe(2);
    expect(graph.stats().api.byRoute['batch:item']).toBe(7); // 5, then the 2 throttled again
    expect(sleeps).toEqual([3000]);
  });

  it('throws GraphThrottledError when inner requests stay throttled', async () => {
    const ids = Array.from({ length: 3 }, (_, i) => graph.addFile(`Paper ${i}.docx`, `paper ${i}`).id);
    const { source, sleeps } = wire(graph, { retry: { maxAttempts: 2 } });
    graph.failNextInBatch(6, 503, { retryAfter: 1 });
    await expect(source.describe(graph.driveId, ids)).rejects.toBeInstanceOf(GraphThrottledError);
    expect(sleeps).toEqual([1000]);
  });

  it('leaves out items that are gone', async () => {
    const keep = graph.addFile('Keep.docx', 'k').id;
    const gone = graph.addFile('Gone.docx', 'g').id;
    graph.remove(gone);
    const { source } = wire(graph);
    const details = await source.describe(graph.driveId, [keep, gone, 'NOSUCHITEM']);
    expect([...details.keys()]).toEqual([keep]);
  });
});

describe('naive recursive listing (benchmark baseline)', () => {
  it('finds the same items as a full delta enumeration, at a request per folder and page', async () => {
    graph = await GraphStandIn.start({ pageSize: 3 });
    seed();
    const { client, source } = wire(graph);
    const delta = await drain(source, graph.driveId, null);
    graph.resetStats();
    const listed = await naiveListing(client, graph.driveId, null);
    const expected = delta.items.filter((i) => i.id !== graph.rootId()).map((i) => i.id);
    expect(listed.map((i) => i.id).sort()).toEqual(expected.sort());
    expect(graph.stats().api.byRoute.children).toBe(5); // root, Executive (2 pages of 3), 2025, QA
  });
});
