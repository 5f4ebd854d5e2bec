import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIGHLIGHT_END, HIGHLIGHT_START, splitHighlights } from '../../src/contract/search.js';
import { SearchService } from '../../src/services/search-service.js';
import type { DatabaseHandle } from '../../src/storage/connect.js';
import { SearchRepository, type SearchFilter } from '../../src/storage/repositories/search-repository.js';
import type { Database } from '../../src/storage/schema.js';
import { testDatabases } from '../support/databases.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { addSearchableDocument, type SearchableDocument } from '../support/search-fixtures.js';

type NewDoc = Omit<SearchableDocument, 'partnershipId'>;
const addDocument = (db: Kysely<Database>, partnershipId: string, doc: NewDoc) => addSearchableDocument(db, { partnershipId, ...doc });

async function insertVersion(db: Kysely<Database>, partnershipId: string, documentId: string, versionId: string, n: number, pages: string[], fileName: string) {
  await db
    .insertInto('document_versions')
    .values({ id: versionId, partnership_id: partnershipId, document_id: documentId, version_number: n, file_name: fileName, mime_type: 'application/pdf', size_bytes: 1000, etag: null, ctag: null, content_hash: null, content_path: null, source_modified_at: null, extraction_error: null, page_count: pages.length, pdf_rendition_path: null })
    .execute();
  if (pages.length > 0) {
    await db
      .insertInto('document_pages')
      .values(pages.map((text, i) => ({ partnership_id: partnershipId, document_version_id: versionId, page_number: i + 1, text })))
      .execute();
  }
}

const filler = (n: number) => Array.from({ length: n }, (_, i) => `The board considered item ${i} of its business plan and agreed the minutes.`).join(' ');

for (const kind of testDatabases()) {
  describe(`full-text search over document pages (${kind.kind})`, () => {
    let h: DatabaseHandle & { dispose(): Promise<void> };
    let repo: SearchRepository;
    let p: PartnershipFixture;
    let other: PartnershipFixture;
    let qaForumId: string;
    let qaMeetingId: string;
    const ids: Record<string, string> = {};

    const search = (query: string, f: Partial<Omit<SearchFilter, 'query'>> = {}) =>
      repo.search(p.partnershipId, { query, limit: 20, offset: 0, ...f });
    const titles = async (query: string, f: Partial<Omit<SearchFilter, 'query'>> = {}) => (await search(query, f)).hits.map((x) => x.title);

    beforeAll(async () => {
      h = await kind.create();
      repo = new SearchRepository(h.db);
      p = await makePartnership(h.db);
      other = await makePartnership(h.db);

      // A second forum with a meeting late on a winter evening: 23:30 UTC is still 14 January in London...
      qaForumId = randomUUID();
      await h.db.insertInto('forums').values({ id: qaForumId, partnership_id: p.partnershipId, name: 'Quality Assurance Subgroup', kind: 'subgroup', chair_person_id: null, teams_team_id: null, teams_channel_id: null, document_folder: null }).execute();
      qaMeetingId = randomUUID();
      await h.db.insertInto('meetings').values({ id: qaMeetingId, partnership_id: p.partnershipId, forum_id: qaForumId, title: 'QA subgroup', starts_at: new Date('2026-01-14T23:30:00Z'), ends_at: new Date('2026-01-15T00:30:00Z'), location: null, join_url: null, teams_meeting_id: null }).execute();
      // ...and one on a summer evening: 23:30 UTC on 14 June is already 15 June in London (BST).
      const summerMeetingId = randomUUID();
      await h.db.insertInto('meetings').values({ id: summerMeetingId, partnership_id: p.partnershipId, forum_id: qaForumId, title: 'QA subgroup (summer)', starts_at: new Date('2026-06-14T23:30:00Z'), ends_at: new Date('2026-06-15T00:30:00Z'), location: null, join_url: null, teams_meeting_id: null }).execute();

      const add = async (key: string, doc: NewDoc) => {
        ids[key] = (await addDocument(h.db, p.partnershipId, doc)).documentId;
      };
      await add('neglectAudit', {
        title: 'Neglect audit findings',
        forumId: qaForumId,
        meetingId: qaMeetingId,
        pages: [
          filler(3),
          'The multi-agency neglect audit was audited by the QA subgroup. Neglect was recognised late in four of ten cases; the neglect toolkit was used in two.',
          filler(2),
        ],
      });
      await add('passingMention', {
        title: 'Annual report draft',
        kind: 'report',
        documentDate: '2025-09-30',
        pages: [`${filler(6)} One case mentioned neglect in passing. ${filler(6)}`],
      });
      await add('exploitation', {
        title: 'Child exploitation profile',
        forumId: p.forumId,
        meetingId: p.meetingId,
        pages: ['Child criminal exploitation and county lines: the MASH received 40 referrals.', 'Missing episodes and return home interviews.'],
      });
      await add('summerMinutes', {
        title: 'Summer QA minutes',
        kind: 'minutes',
        forumId: qaForumId,
        meetingId: summerMeetingId,
        pages: ['Minutes: the subgroup reviewed the exploitation dashboard and the neglect strategy.'],
      });
      await add('hostile', {
        title: 'Pasted web page',
        documentDate: '2026-02-01',
        pages: [`Escalation <img src=x onerror=alert(1)> and <script>alert(2)</script> text with ${HIGHLIGHT_START}fake markers${HIGHLIGHT_END} about escalation.`],
      });

      // A deleted document: never found.
      await add('deleted', { title: 'Deleted paper on safeguarding supervision', pages: ['Supervision of practitioners in safeguarding supervision sessions.'] });
      await h.db.updateTable('documents').set({ deleted_at: new Date() }).where('id', '=', ids.deleted!).execute();

      // A document with two versions: only the current one is searched.
      const v = await addDocument(h.db, p.partnershipId, { title: 'Thresholds document', pages: ['Version one talked about a graduated approach to thresholds.'] });
      ids.versioned = v.documentId;
      const v2 = randomUUID();
      await insertVersion(h.db, p.partnershipId, v.documentId, v2, 2, ['Page one of version two.', 'Version two: continuum of need replaces the old wording.'], 'Thresholds v2.pdf');
      await h.db.updateTable('documents').set({ current_version_id: v2 }).where('id', '=', v.documentId).execute();

      // Another partnership's paper with the same words.
      await addDocument(h.db, other.partnershipId, { title: 'Other partnership neglect audit', pages: ['Neglect audit: neglect, neglect, neglect.'] });
    });

    afterAll(async () => h?.dispose());

    it('finds words by their stem ("audits" finds "audited" and "audit")', async () => {
      const r = await search('audits');
      expect(r.hits.map((x) => x.title)).toContain('Neglect audit findings');
      expect(r.hits[0]!.snippet).toMatch(new RegExp(`${HIGHLIGHT_START}audited${HIGHLIGHT_END}`));
    });

    it('puts the more relevant page first, and says which page it is', async () => {
      const r = await search('neglect');
      expect(r.hits[0]).toMatchObject({ title: 'Neglect audit findings', pageNumber: 2, kind: 'paper', forumName: 'Quality Assurance Subgroup', fileName: 'Neglect audit findings.pdf' });
      expect(r.hits.map((x) => x.title)).toEqual(expect.arrayContaining(['Annual report draft', 'Summer QA minutes']));
      const ranks = r.hits.map((x) => x.rank);
      expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
      expect(r.hits.find((x) => x.title === 'Annual report draft')!.rank).toBeLessThan(r.hits[0]!.rank);
      expect(r.total).toBe(r.hits.length);
    });

    it('gives the meeting\'s date as a UK calendar day', async () => {
      const r = await search('neglect');
      expect(r.hits.find((x) => x.title === 'Neglect audit findings')).toMatchObject({ meetingId: qaMeetingId, meetingDate: '2026-01-14', documentDate: null });
      expect(r.hits.find((x) => x.title === 'Summer QA minutes')!.meetingDate).toBe('2026-06-15');
      expect(r.hits.find((x) => x.title === 'Annual report draft')).toMatchObject({ meetingId: null, meetingDate: null, documentDate: '2025-09-30', forumId: null, forumName: null });
    });

    it('searches only the current version of a document', async () => {
      expect(await titles('graduated')).toEqual([]);
      const r = await search('continuum of need');
      expect(r.hits).toHaveLength(1);
      expect(r.hits[0]).toMatchObject({ documentId: ids.versioned, pageNumber: 2, fileName: 'Thresholds v2.pdf' });
    });

    it('never finds a deleted document', async () => {
      expect(await titles('supervision')).toEqual([]);
    });

    it('never finds another partnership\'s pages', async () => {
      const r = await search('neglect audit');
      expect(r.hits.map((x) => x.title)).toEqual(['Neglect audit findings']);
      const theirs = await repo.search(other.partnershipId, { query: 'neglect', limit: 20, offset: 0 });
      expect(theirs.hits.map((x) => x.title)).toEqual(['Other partnership neglect audit']);
    });

    it('filters by forum, by type and by date (the meeting\'s UK date, else the document\'s)', async () => {
      expect((await titles('neglect', { forumId: qaForumId })).sort()).toEqual(['Neglect audit findings', 'Summer QA minutes']);
      expect(await titles('exploitation', { forumId: p.forumId })).toEqual(['Child exploitation profile']);
      expect(await titles('neglect', { kind: 'minutes' })).toEqual(['Summer QA minutes']);
      expect(await titles('neglect', { kind: 'report' })).toEqual(['Annual report draft']);
      // 14 January (London) counts as 14 January even though it is 23:30 UTC.
      expect(await titles('neglect', { from: '2026-01-14', to: '2026-01-14' })).toEqual(['Neglect audit findings']);
      expect(await titles('neglect', { from: '2026-01-15', to: '2026-06-14' })).toEqual([]);
      expect(await titles('neglect', { from: '2026-06-15' })).toEqual(['Summer QA minutes']);
      expect(await titles('neglect', { to: '2025-12-31' })).toEqual(['Annual report draft']);
    });

    it('returns zero hits, not an error, for a query of stop words or punctuation only', async () => {
      expect(await search('the')).toEqual({ total: 0, hits: [] });
      expect(await search('and of the')).toEqual({ total: 0, hits: [] });
      expect(await search('"(" - :* & |')).toEqual({ total: 0, hits: [] });
    });

    it('understands phrases, exclusions and "or"', async () => {
      expect(await titles('"county lines"')).toEqual(['Child exploitation profile']);
      expect(await titles('"lines county"')).toEqual([]);
      expect((await titles('exploitation -dashboard'))).toEqual(['Child exploitation profile']);
      expect((await titles('thresholds or continuum')).sort()).toEqual(['Thresholds document']);
    });

    it('finds a hyphenated word as written, in or out of quotes, and excludes it with a minus', async () => {
      expect(await titles('multi-agency')).toEqual(['Neglect audit findings']);
      expect(await titles('multi-agency toolkit')).toEqual(['Neglect audit findings']);
      expect(await titles('"multi-agency neglect audit"')).toEqual(['Neglect audit findings']);
      expect(await titles('"multi-agency audit"')).toEqual([]);
      expect(await titles('neglect -multi-agency', { forumId: qaForumId })).toEqual(['Summer QA minutes']);
      // The same parts joined the other way round are another word.
      expect(await titles('agency-multi')).toEqual([]);
    });

    it('pages through the hits with a total that counts them all', async () => {
      const all = await search('neglect');
      expect(all.total).toBeGreaterThanOrEqual(3);
      const second = await search('neglect', { limit: 1, offset: 1 });
      expect(second.total).toBe(all.total);
      expect(second.hits).toHaveLength(1);
      expect(second.hits[0]!.title).toBe(all.hits[1]!.title);
      const past = await search('neglect', { limit: 5, offset: 50 });
      expect(past).toEqual({ total: all.total, hits: [] });
    });

    it('marks the matched words with control characters, and returns hostile text as inert plain text', async () => {
      const r = await search('escalation');
      expect(r.hits).toHaveLength(1);
      const snippet = r.hits[0]!.snippet;
      const parts = splitHighlights(snippet);
      expect(parts.filter((x) => x.highlighted).map((x) => x.text)).toEqual(['Escalation', 'escalation']);
      // The markers that were in the page itself are gone: only the two hits are marked.
      expect(snippet.split(HIGHLIGHT_START)).toHaveLength(3);
      expect(snippet).toContain('fake markers');
      // Nothing was escaped or turned into markup: a client that renders text shows it as typed.
      // (The text parser drops what it reads as a well-formed tag, like <script>, and keeps the rest.)
      expect(snippet).toContain('<img src=x onerror=alert(1)>');
      expect(snippet).toContain('alert(2)');
      expect(snippet).not.toMatch(/&lt;|&gt;|<mark|<b>/);
    });

    it('keeps snippets short on long pages', async () => {
      const r = await search('passing');
      expect(r.hits[0]!.snippet.split(' ').length).toBeLessThanOrEqual(70);
      expect(r.hits[0]!.snippet).toContain(`${HIGHLIGHT_START}passing${HIGHLIGHT_END}`);
    });

    it('a substring scan (the benchmark baseline) finds the same pages for a plain word, with % and _ taken literally', async () => {
      const scan = await repo.ilikeScan(p.partnershipId, 'neglect', 20);
      const fts = await search('neglect');
      expect(new Set(scan.hits.map((x) => `${x.documentId}/${x.pageNumber}`))).toEqual(new Set(fts.hits.map((x) => `${x.documentId}/${x.pageNumber}`)));
      expect((await repo.ilikeScan(p.partnershipId, '%', 20)).total).toBe(0);
      expect((await repo.ilikeScan(p.partnershipId, 'item_', 20)).total).toBe(0);
    });

    describe('through the service', () => {
      it('lets anyone who may read papers search, and no one else', async () => {
        const service = new SearchService({ search: repo });
        const r = await service.search(p.actors.read_only, { q: '  neglect audit ' });
        expect(r).toMatchObject({ query: 'neglect audit', total: 1, limit: 20, offset: 0 });
        await expect(service.search(p.actors.partner_member, { q: 'neglect' })).rejects.toMatchObject({ kind: 'forbidden' });
        await expect(service.search(p.actors.scrutineer, { q: '   ' })).rejects.toMatchObject({ kind: 'validation_failed' });
        await expect(service.search(p.actors.scrutineer, { q: 'x', from: '2026-02-01', to: '2026-01-01' })).rejects.toMatchObject({ kind: 'validation_failed' });
      });
    });
  });
}

for (const kind of testDatabases()) {
  describe(`broad queries rank within the most recent matching pages (${kind.kind})`, () => {
    let h: DatabaseHandle & { dispose(): Promise<void> };
    afterAll(async () => h?.dispose());

    it('ranks only the budget of most recent matches, and still counts them all', async () => {
      h = await kind.create();
      const p = await makePartnership(h.db);
      // An old page that would rank first, and three newer, weaker matches.
      await addSearchableDocument(h.db, { partnershipId: p.partnershipId, title: 'Old and very relevant', documentDate: '2024-01-10', pages: ['Neglect neglect neglect: the neglect audit.'] });
      for (const [i, date] of ['2026-03-01', '2026-04-01', '2026-05-01'].entries()) {
        await addSearchableDocument(h.db, { partnershipId: p.partnershipId, title: `Recent ${i}`, documentDate: date, pages: [`${filler(5)} One mention of neglect.`] });
      }
      const budgeted = await new SearchRepository(h.db, 3).search(p.partnershipId, { query: 'neglect', limit: 20, offset: 0 });
      expect(budgeted.total).toBe(4);
      expect(budgeted.hits.map((x) => x.title)).not.toContain('Old and very relevant');
      const full = await new SearchRepository(h.db, 10).search(p.partnershipId, { query: 'neglect', limit: 20, offset: 0 });
      expect(full.hits[0]!.title).toBe('Old and very relevant');
    });
  });
}

for (const kind of testDatabases()) {
  describe(`search keeps up with documents and meetings that change after their pages were stored (${kind.kind})`, () => {
    let h: DatabaseHandle & { dispose(): Promise<void> };
    afterAll(async () => h?.dispose());

    it('follows a restore, a moved meeting, a new forum and type, and a new version', async () => {
      h = await kind.create();
      const p = await makePartnership(h.db);
      const repo = new SearchRepository(h.db);
      const titles = async (query: string, f: Partial<Omit<SearchFilter, 'query'>> = {}) =>
        (await repo.search(p.partnershipId, { query, limit: 20, offset: 0, ...f })).hits.map((x) => x.title);
      const meetingId = randomUUID();
      await h.db.insertInto('meetings').values({ id: meetingId, partnership_id: p.partnershipId, forum_id: p.forumId, title: 'Board', starts_at: new Date('2026-03-10T10:00:00Z'), ends_at: new Date('2026-03-10T12:00:00Z'), location: null, join_url: null, teams_meeting_id: null }).execute();
      const doc = await addSearchableDocument(h.db, { partnershipId: p.partnershipId, title: 'Escalation paper', meetingId, forumId: p.forumId, pages: ['Escalation of professional differences.'] });

      await h.db.updateTable('documents').set({ deleted_at: new Date() }).where('id', '=', doc.documentId).execute();
      expect(await titles('escalation')).toEqual([]);
      await h.db.updateTable('documents').set({ deleted_at: null }).where('id', '=', doc.documentId).execute();
      expect(await titles('escalation')).toEqual(['Escalation paper']);

      // The meeting moves to April: the paper is dated by it.
      await h.db.updateTable('meetings').set({ starts_at: new Date('2026-04-21T10:00:00Z'), ends_at: new Date('2026-04-21T12:00:00Z') }).where('id', '=', meetingId).execute();
      expect(await titles('escalation', { from: '2026-03-01', to: '2026-03-31' })).toEqual([]);
      expect(await titles('escalation', { from: '2026-04-21', to: '2026-04-21' })).toEqual(['Escalation paper']);

      // Reclassified as minutes of another forum, with no meeting but a date of its own.
      const forumId = randomUUID();
      await h.db.insertInto('forums').values({ id: forumId, partnership_id: p.partnershipId, name: 'Learning subgroup', kind: 'subgroup', chair_person_id: null, teams_team_id: null, teams_channel_id: null, document_folder: null }).execute();
      await h.db.updateTable('documents').set({ forum_id: forumId, kind: 'minutes', meeting_id: null, document_date: '2025-11-02' }).where('id', '=', doc.documentId).execute();
      expect(await titles('escalation', { forumId: p.forumId })).toEqual([]);
      expect(await titles('escalation', { forumId, kind: 'minutes', from: '2025-11-02', to: '2025-11-02' })).toEqual(['Escalation paper']);

      // A new version whose pages arrive before the document points at it, as the sync writes them.
      const v2 = randomUUID();
      await insertVersion(h.db, p.partnershipId, doc.documentId, v2, 2, ['Resolving professional differences, renamed.'], 'Escalation v2.pdf');
      expect(await titles('renamed')).toEqual([]);
      await h.db.updateTable('documents').set({ current_version_id: v2 }).where('id', '=', doc.documentId).execute();
      expect(await titles('renamed', { forumId, kind: 'minutes', from: '2025-11-02', to: '2025-11-02' })).toEqual(['Escalation paper']);
      expect(await titles('escalation')).toEqual([]);
    });
  });
}
