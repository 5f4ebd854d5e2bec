/**
 * Reports over HTTP: a scrutineer opens a draft, writes, generates the Word document, and anyone who may
 * read the partnership's reports downloads it. The document is read back with mammoth.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_PERSON_HEADER } from '../../src/server/authenticator.js';
import { type ReportLibrary, ReportStoreError } from '../../src/reports/report-library.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { addReportEvidence, type ReportEvidenceFixture } from '../support/report-fixtures.js';
import { readDocx } from '../support/report-docx-reader.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const now = () => new Date('2026-12-02T10:00:00Z');

async function download(base: string, path: string, as: string): Promise<{ status: number; type: string | null; bytes: Uint8Array }> {
  const res = await fetch(base + path, { headers: { [DEV_PERSON_HEADER]: as } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('reports API', () => {
  let t: TestApp;
  let p: PartnershipFixture;
  let f: ReportEvidenceFixture;
  let other: PartnershipFixture;
  const api = (path = '') => `/api/v1/partnerships/${p.partnershipId}/reports${path}`;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false, now, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    p = await makePartnership(t.app.database.db);
    f = await addReportEvidence(t.app.database.db, p);
    other = await makePartnership(t.app.database.db);
  });
  afterAll(async () => t?.close());

  it('drafts, saves, generates and downloads a quarterly report whose evidence links open pages that exist', async () => {
    const opened = await request(t.url, 'POST', api('/drafts'), { as: p.people.scrutineer, json: { kind: 'quarterly', period: '2026-Q4' } });
    expect(opened.status).toBe(200);
    const draft = opened.body;
    expect(draft.empty).toBe(false);

    const saved = await request(t.url, 'PUT', api(`/drafts/${draft.id}/sections/introduction`), { as: p.people.scrutineer, json: { narrative: 'NARRATIVE-INTRO: a quarter of steady progress.', expectedVersion: 0 } });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    const stale = await request(t.url, 'PUT', api(`/drafts/${draft.id}/sections/introduction`), { as: p.people.scrutineer, json: { narrative: 'Older window.', expectedVersion: 0 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('edit_conflict');

    const generated = await request(t.url, 'POST', api(`/drafts/${draft.id}/generate`), { as: p.people.scrutineer });
    expect(generated.status).toBe(201);
    const document = generated.body.document;
    expect(document).toMatchObject({ store: 'local', version: '1', kind: 'quarterly', periodKey: '2026-Q4' });
    expect(existsSync(document.localPath)).toBe(true);

    const file = await download(t.url, document.downloadPath, p.people.read_only);
    expect(file.status).toBe(200);
    expect(file.type).toContain('wordprocessingml');
    const doc = await readDocx(file.bytes);
    const h1 = doc.headings.filter((h) => h.level === 1).map((h) => h.text);
    expect(h1[0]).toBe('Contents');
    for (const s of draft.sections) expect(h1).toContain(s.title);
    const checklist = await request(t.url, 'GET', `/api/v1/partnerships/${p.partnershipId}/checklist`, { as: p.people.scrutineer });
    expect(checklist.body.areas).toHaveLength(6);
    for (const a of checklist.body.areas) expect(h1).toContain(a.title);
    expect(doc.text).toContain('NARRATIVE-INTRO');
    expect(doc.text).toContain(f.texts.shared);
    expect(doc.text).toContain(f.texts.otherShared);

    // Private observations, the author's own and another's, are in no document.
    expect(doc.text).not.toContain(f.texts.ownPrivate);
    expect(doc.text).not.toContain(f.texts.otherPrivate);

    // Every evidence link names a paper page the API serves.
    const paperLinks = doc.links.filter((l) => !l.href.startsWith('#'));
    expect(paperLinks.length).toBeGreaterThan(0);
    for (const link of paperLinks) {
      const params = new URLSearchParams(new URL(link.href).hash.replace(/^#\/papers\?/, ''));
      const documentId = params.get('documentId')!;
      const page = Number(params.get('page'));
      const paper = await request(t.url, 'GET', `/api/v1/partnerships/${p.partnershipId}/documents/${documentId}`, { as: p.people.read_only });
      expect(paper.status).toBe(200);
      const pages = await request(t.url, 'GET', `/api/v1/partnerships/${p.partnershipId}/documents/${documentId}/versions/${paper.body.currentVersionId}/pages`, { as: p.people.read_only });
      expect(pages.body.pages.map((x: { pageNumber: number }) => x.pageNumber)).toContain(page);
    }

    // After generating, nothing shows as changed; the list shows the document to readers.
    const again = await request(t.url, 'GET', api(`/drafts/${draft.id}`), { as: p.people.scrutineer });
    expect(again.body.counts.changedSinceLastDraft).toBe(0);
    expect(again.body.lastGenerated.id).toBe(document.id);
    const list = await request(t.url, 'GET', api(), { as: p.people.safeguarding_partner });
    expect(list.status).toBe(200);
    expect(list.body.documents.map((d: { id: string }) => d.id)).toContain(document.id);
    expect(list.body.drafts).toEqual([]);

    const audit = await t.app.database.db.selectFrom('audit_log').select('action').where('partnership_id', '=', p.partnershipId).where('action', 'like', 'report.%').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['report.open', 'report.generate', 'report.download']));
  });

  it("shows the author their own private observation, flagged and not included, and never another's", async () => {
    const mine = await request(t.url, 'POST', api('/drafts'), { as: p.people.scrutineer, json: { kind: 'quarterly', period: '2026-Q4' } });
    const text = JSON.stringify(mine.body);
    expect(text).toContain(f.texts.ownPrivate);
    expect(text).not.toContain(f.texts.otherPrivate);
    const include = await request(t.url, 'PUT', api(`/drafts/${mine.body.id}/evidence`), { as: p.people.scrutineer, json: { items: [{ id: `observation:${f.ownPrivateObservationId}`, included: true }] } });
    expect(include.status).toBe(400);
    expect(include.body.error.message).toMatch(/share it first/);
  });

  it('refuses the wrong role, another partnership, and another author', async () => {
    const mine = await request(t.url, 'POST', api('/drafts'), { as: p.people.scrutineer, json: { kind: 'quarterly', period: '2026-Q4' } });
    for (const role of ['business_manager', 'safeguarding_partner', 'subgroup_chair', 'partner_member', 'read_only'] as const) {
      const r = await request(t.url, 'POST', api('/drafts'), { as: p.people[role], json: { kind: 'quarterly', period: '2026-Q4' } });
      expect(r.status, role).toBe(403);
      expect((await request(t.url, 'GET', api(`/drafts/${mine.body.id}`), { as: p.people[role] })).status, role).toBe(403);
    }
    expect((await request(t.url, 'GET', api(`/drafts/${mine.body.id}`), { as: other.people.scrutineer })).status).toBe(403);
    const second = await request(t.url, 'GET', api(`/drafts/${mine.body.id}`), { as: f.otherScrutineer.personId });
    expect(second.status).toBe(404);
    const list = await request(t.url, 'GET', api(), { as: p.people.business_manager });
    const doc = list.body.documents[0];
    expect((await download(t.url, doc.downloadPath, p.people.subgroup_chair)).status).toBe(403);
    expect((await download(t.url, doc.downloadPath.replace(p.partnershipId, other.partnershipId), other.people.scrutineer)).status).toBe(404);
    const bad = await request(t.url, 'POST', api('/drafts'), { as: p.people.scrutineer, json: { kind: 'annual', period: '2026-Q3' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('holds back narratives the child-identifier guard flags until the scrutineer confirms them', async () => {
    const draft = await request(t.url, 'POST', api('/drafts'), { as: p.people.scrutineer, json: { kind: 'quarterly', period: '2026-Q3' } });
    await request(t.url, 'PUT', api(`/drafts/${draft.body.id}/sections/conclusion`), { as: p.people.scrutineer, json: { narrative: 'The child born 04/03/2016 at SW1A 1AA was discussed.', expectedVersion: 0 } });
    const refused = await request(t.url, 'POST', api(`/drafts/${draft.body.id}/generate`), { as: p.people.scrutineer, json: {} });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('child_identifiers_flagged');
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual(['body.narrative.conclusion', 'body.narrative.conclusion']);
    const confirmed = await request(t.url, 'POST', api(`/drafts/${draft.body.id}/generate`), { as: p.people.scrutineer, json: { identifiersConfirmed: true } });
    expect(confirmed.status).toBe(201);
  });

  it('generates a report for a period with no data that says so', async () => {
    const draft = await request(t.url, 'POST', api('/drafts'), { as: p.people.scrutineer, json: { kind: 'annual', period: '2020/21' } });
    expect(draft.body.empty).toBe(true);
    const generated = await request(t.url, 'POST', api(`/drafts/${draft.body.id}/generate`), { as: p.people.scrutineer });
    expect(generated.status).toBe(201);
    const doc = await readDocx((await download(t.url, generated.body.document.downloadPath, p.people.scrutineer)).bytes);
    expect(doc.text).toContain('There is no evidence for this period');
  });
});

describe('reports API when the library fails', () => {
  let t: TestApp;
  let p: PartnershipFixture;
  const failing: ReportLibrary = {
    save: async () => {
      throw new ReportStoreError('SharePoint did not accept the report (503 serviceNotAvailable).', 'Try again in a few minutes. The draft is kept.');
    },
  };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false, now, reportLibrary: failing });
    p = await makePartnership(t.app.database.db);
    await addReportEvidence(t.app.database.db, p);
  });
  afterAll(async () => t?.close());

  it('answers 502 with what to do, and leaves the draft and its narrative as they were', async () => {
    const api = `/api/v1/partnerships/${p.partnershipId}/reports`;
    const draft = await request(t.url, 'POST', `${api}/drafts`, { as: p.people.scrutineer, json: { kind: 'quarterly', period: '2026-Q4' } });
    await request(t.url, 'PUT', `${api}/drafts/${draft.body.id}/sections/conclusion`, { as: p.people.scrutineer, json: { narrative: 'Kept words.', expectedVersion: 0 } });
    const generated = await request(t.url, 'POST', `${api}/drafts/${draft.body.id}/generate`, { as: p.people.scrutineer });
    expect(generated.status).toBe(502);
    expect(generated.body.error.code).toBe('report_store_failed');
    expect(generated.body.error.message).toMatch(/Try again/);
    const after = await request(t.url, 'GET', `${api}/drafts/${draft.body.id}`, { as: p.people.scrutineer });
    expect(after.body.sections.find((s: { key: string }) => s.key === 'conclusion')).toMatchObject({ narrative: 'Kept words.', version: 1 });
    expect(after.body.lastGenerated).toBeNull();
    expect((await request(t.url, 'GET', api, { as: p.people.scrutineer })).body.documents).toEqual([]);
  });
});
