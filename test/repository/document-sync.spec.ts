import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONVENTIONS } from '../../src/documents/classification.js';
import { ContentStore } from '../../src/documents/content-store.js';
import { syncDrive } from '../../src/documents/sync/drive-syncer.js';
import type { Extractor } from '../../src/documents/sync/process-items.js';
import { testDatabases } from '../support/databases.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { MemorySource } from '../support/memory-source.js';

/** Pages are the text split at form feeds; a file whose text says UNREADABLE fails like a corrupt file. */
const extract: Extractor = async (bytes, _mime, name) => {
  const text = new TextDecoder().decode(bytes);
  if (text.includes('UNREADABLE')) return { status: 'failed', code: 'corrupt', reason: `${name} is damaged and cannot be read.` };
  return { status: 'extracted', pages: text.split('\f') };
};

describe.each(testDatabases())('document sync on $kind', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  let dir: string;
  let p: PartnershipFixture;
  let src: MemorySource;
  let exec: string;
  let board: string;
  let otherForum: string;
  const key = () => ({ partnershipId: p.partnershipId, sourceKind: 'graph' as const, driveId: 'drive-1' });
  const sync = (options: { maxPages?: number } = {}) =>
    syncDrive({ db: h.db, source: src, store: new ContentStore(path.join(dir, 'content')), extract, conventions: DEFAULT_CONVENTIONS, now: () => new Date() }, key(), options);
  const docs = () =>
    h.db
      .selectFrom('documents as d')
      .leftJoin('document_versions as v', 'v.id', 'd.current_version_id')
      .select(['d.id', 'd.item_id', 'd.title', 'd.kind', 'd.forum_id', 'd.meeting_id', 'd.path', 'd.deleted_at', 'd.document_date', 'v.version_number', 'v.extraction_status', 'v.extraction_error'])
      .where('d.partnership_id', '=', p.partnershipId)
      .orderBy('d.item_id')
      .execute();

  beforeAll(async () => {
    h = await target.create();
    dir = mkdtempSync(path.join(tmpdir(), 'los-sync-'));
  });
  afterAll(async () => {
    await h?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    p = await makePartnership(h.db);
    otherForum = (await h.db.insertInto('forums').values({ id: crypto.randomUUID(), partnership_id: p.partnershipId, name: 'Quality Assurance Subgroup', kind: 'subgroup', chair_person_id: null, teams_team_id: null, teams_channel_id: null, document_folder: null }).returning('id').executeTakeFirstOrThrow()).id;
    src = new MemorySource();
    exec = src.folder('Executive');
    board = src.folder('Quality Assurance');
    src.folder('Finance (not configured)');
    for (const [forumId, folderId] of [[p.forumId, exec], [otherForum, board]] as const) {
      await h.db.insertInto('document_sources').values({ id: crypto.randomUUID(), partnership_id: p.partnershipId, forum_id: forumId, kind: 'graph', site_id: 's', site_url: 'https://demo.example/sites/scp', drive_id: 'drive-1', drive_name: 'Documents', folder_item_id: folderId, folder_path: 'x', team_id: null, channel_id: null }).execute();
    }
  });

  it('brings in the files of configured folders only, classified, dated, attached to their meeting, with text per page', async () => {
    const meetingFolder = src.folder('2026-11-11', exec);
    src.file('2026-11-11 Agenda - Executive.docx', meetingFolder, 'Agenda page one');
    src.file('Item 3 - Neglect audit.pdf', meetingFolder, 'Page one text\fPage two text');
    src.file('Budget.xlsx', src.nodes.get([...src.nodes.values()].find((n) => n.name === 'Finance (not configured)')!.id)!.id, 'secret');
    const r = await sync();
    expect(r.status).toBe('done');
    const all = await docs();
    expect(all.map((d) => [d.title, d.kind, d.meeting_id, d.document_date])).toEqual([
      ['Agenda - Executive', 'agenda', p.meetingId, '2026-11-11'],
      ['Item 3 - Neglect audit', 'paper', p.meetingId, '2026-11-11'],
    ]);
    const pages = await h.db.selectFrom('document_pages').select(['page_number', 'text']).where('partnership_id', '=', p.partnershipId).orderBy('text').execute();
    expect(pages).toEqual([
      { page_number: 1, text: 'Agenda page one' },
      { page_number: 1, text: 'Page one text' },
      { page_number: 2, text: 'Page two text' },
    ]);
  });

  it('downloads nothing when nothing changed, and only the changed file when one did, keeping every version', async () => {
    const a = src.file('2026-11-11 Paper A.pdf', exec, 'first');
    src.file('2026-11-11 Paper B.pdf', exec, 'other');
    await sync();
    src.downloads = 0;
    await sync();
    expect(src.downloads).toBe(0);
    src.update(a, 'second');
    await sync();
    expect(src.downloads).toBe(1);
    const doc = (await docs()).find((d) => d.item_id === a)!;
    expect(doc.version_number).toBe(2);
    const versions = await h.db.selectFrom('document_versions').select('version_number').where('document_id', '=', doc.id).orderBy('version_number').execute();
    expect(versions.map((v) => v.version_number)).toEqual([1, 2]);
  });

  it('follows renames and moves by id, and removes files that leave the configured folders or are deleted', async () => {
    const a = src.file('Paper A.pdf', exec, 'a');
    const b = src.file('Paper B.pdf', exec, 'b');
    const c = src.file('Paper C.pdf', exec, 'c');
    await sync();
    const before = await docs();
    src.rename(a, 'Paper A renamed.pdf');
    src.move(b, board);
    src.remove(c);
    src.downloads = 0;
    await sync();
    const after = await docs();
    expect(after.map((d) => d.id)).toEqual(before.map((d) => d.id));
    expect(after.find((d) => d.item_id === a)).toMatchObject({ title: 'Paper A renamed', deleted_at: null });
    expect(after.find((d) => d.item_id === b)).toMatchObject({ forum_id: otherForum, deleted_at: null });
    expect(after.find((d) => d.item_id === c)!.deleted_at).not.toBeNull();
    expect(src.downloads).toBe(0);
    src.move(a, [...src.nodes.values()].find((n) => n.name === 'Finance (not configured)')!.id);
    await sync();
    expect((await docs()).find((d) => d.item_id === a)!.deleted_at).not.toBeNull();
  });

  it('re-dates the files below a renamed folder, which the feed does not repeat', async () => {
    const meeting = src.folder('2026-10-01', exec);
    const f = src.file('Paper.pdf', meeting, 'x');
    await sync();
    expect((await docs()).find((d) => d.item_id === f)!.document_date).toBe('2026-10-01');
    src.rename(meeting, '2026-11-11');
    await sync();
    expect((await docs()).find((d) => d.item_id === f)).toMatchObject({ document_date: '2026-11-11', meeting_id: p.meetingId, path: '2026-11-11/Paper.pdf' });
  });

  it('resumes after a crash from the last committed page, without duplicates', async () => {
    for (let i = 0; i < 10; i += 1) src.file(`Paper ${i}.pdf`, exec, `text ${i}`);
    src.pageSize = 2;
    const first = await sync({ maxPages: 2 });
    expect(first.status).toBe('interrupted');
    const state = await h.db.selectFrom('drive_sync_state').select(['cursor', 'enumeration_id']).where('partnership_id', '=', p.partnershipId).executeTakeFirstOrThrow();
    expect(state.cursor).toMatch(/^full:4:/);
    expect(state.enumeration_id).not.toBeNull();
    const second = await sync();
    expect(second.status).toBe('done');
    const all = await docs();
    expect(all).toHaveLength(10);
    expect(new Set(all.map((d) => d.item_id)).size).toBe(10);
  });

  it('enumerates again when the source cannot continue (410), and sweeps what disappeared meanwhile', async () => {
    const keep = src.file('Keep.pdf', exec, 'k');
    const lose = src.file('Lose.pdf', exec, 'l');
    await sync();
    src.nodes.delete(lose); // gone without a trace in the feed
    src.forgetTokens = true;
    const r = await sync();
    expect(r.status).toBe('done');
    const all = await docs();
    expect(all.find((d) => d.item_id === keep)!.deleted_at).toBeNull();
    expect(all.find((d) => d.item_id === lose)!.deleted_at).not.toBeNull();
    expect(all).toHaveLength(2);
  });

  it('records a file it cannot read, with the reason, and carries on with the rest', async () => {
    src.file('Broken.pdf', exec, 'UNREADABLE');
    src.file('Fine.pdf', exec, 'fine');
    const r = await sync();
    expect(r.status).toBe('done');
    const all = await docs();
    expect(all.find((d) => d.title === 'Broken')).toMatchObject({ extraction_status: 'failed', extraction_error: 'Broken.pdf is damaged and cannot be read.' });
    expect(all.find((d) => d.title === 'Fine')).toMatchObject({ extraction_status: 'extracted' });
  });

  it('asks for missing cTags in one describe call per sync, not per file', async () => {
    for (let i = 0; i < 5; i += 1) src.file(`P${i}.pdf`, exec, `t${i}`);
    src.describes = 0;
    await sync();
    expect(src.describes).toBe(1);
  });
});
