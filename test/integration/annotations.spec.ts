import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../src/contract/resources.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

function pdf(pages: string[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (const text of pages) doc.addPage().text(text);
    doc.end();
  });
}

const PASSAGE = 'The partnership agreed to re-audit the neglect cases judged inadequate within three months.';

describe('annotations that outlive versions (HTTP, local library)', () => {
  let t: TestApp;
  let people: DevPerson[];
  let pid: string;
  let file: string;
  let documentId: string;
  let annotationId: string;
  const as = (role: string) => people.find((p) => p.role === role)!.id;
  const base = () => `/api/v1/partnerships/${pid}`;
  const sync = () => t.app.documents.runner.syncPartnership(pid);

  beforeAll(async () => {
    t = await startTestApp();
    people = (await request(t.url, 'GET', '/api/v1/dev/people')).body.people;
    pid = people[0]!.partnership.id;
    const folder = path.join(t.libraryDir, 'Executive', '2026-12-09');
    mkdirSync(folder, { recursive: true });
    file = path.join(folder, '2026-12-09 Item 9 - Neglect re-audit.pdf');
    writeFileSync(file, await pdf(['Purpose of the paper.', `Findings. ${PASSAGE} Other business followed.`, 'Appendix.']));
    await sync();
    const doc = await t.app.database.db.selectFrom('documents').select('id').where('title', '=', 'Item 9 - Neglect re-audit').executeTakeFirstOrThrow();
    documentId = doc.id;
  });
  afterAll(async () => t?.close());

  it('shows the paper: its versions, its page text and its PDF', async () => {
    const d = await request(t.url, 'GET', `${base()}/documents/${documentId}`, { as: as('scrutineer') });
    expect(d.status).toBe(200);
    expect(d.body.versions).toHaveLength(1);
    const v = d.body.versions[0];
    expect(v).toMatchObject({ pageCount: 3, hasPdf: true });
    const pages = await request(t.url, 'GET', `${base()}/documents/${documentId}/versions/${v.id}/pages`, { as: as('scrutineer') });
    expect(pages.body.pages[1].text).toContain('re-audit the neglect cases');
    const res = await fetch(`${t.url}${base()}/documents/${documentId}/versions/${v.id}/pdf`, { headers: { 'x-los-dev-person': as('scrutineer') } });
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF');
    expect((await fetch(`${t.url}${base()}/documents/${documentId}/versions/${v.id}/pdf`)).status).toBe(401);
  });

  it('annotates a selected passage with an observation, found in the server\'s own page text', async () => {
    const d = await request(t.url, 'GET', `${base()}/documents/${documentId}`, { as: as('scrutineer') });
    const checklist = await request(t.url, 'GET', `${base()}/checklist`, { as: as('scrutineer') });
    const obs = await request(t.url, 'POST', `${base()}/observations`, {
      as: as('scrutineer'),
      json: { id: randomUUID(), body: 'Good: a time-bound re-audit.', judgement: 'gone_well', evidenceType: 'paper_or_data', areaIds: [checklist.body.areas[3].id], documentId },
    });
    annotationId = randomUUID();
    // The browser's text layer may break lines differently: the server finds the passage anyway.
    const r = await request(t.url, 'POST', `${base()}/documents/${documentId}/annotations`, {
      as: as('scrutineer'),
      json: { id: annotationId, documentVersionId: d.body.currentVersionId, pageNumber: 2, quote: 're-audit the neglect\ncases judged inadequate', prefix: 'The partnership agreed to ', suffix: ' within three months', observationId: obs.body.id },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ pageNumber: 2, status: 'anchored', quote: 're-audit the neglect cases judged inadequate' });
    const bad = await request(t.url, 'POST', `${base()}/documents/${documentId}/annotations`, {
      as: as('scrutineer'),
      json: { id: randomUUID(), documentVersionId: d.body.currentVersionId, pageNumber: 2, quote: 'words that are nowhere in this paper at all', observationId: obs.body.id },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('keeps a private observation\'s annotation from everyone else', async () => {
    const mine = await request(t.url, 'GET', `${base()}/documents/${documentId}/annotations`, { as: as('scrutineer') });
    expect(mine.body.annotations.map((a: { id: string }) => a.id)).toContain(annotationId);
    const theirs = await request(t.url, 'GET', `${base()}/documents/${documentId}/annotations`, { as: as('business_manager') });
    expect(theirs.body.annotations).toEqual([]);
  });

  it('re-attaches the annotation when a new version inserts text on an earlier page', async () => {
    writeFileSync(file, await pdf(['Purpose of the paper.', 'A new page of background was added here.', `Findings. ${PASSAGE} Other business followed.`, 'Appendix.']));
    await sync();
    const a = (await request(t.url, 'GET', `${base()}/documents/${documentId}/annotations`, { as: as('scrutineer') })).body.annotations[0];
    const d = await request(t.url, 'GET', `${base()}/documents/${documentId}`, { as: as('scrutineer') });
    expect(d.body.versions).toHaveLength(2);
    expect(a).toMatchObject({ status: 'anchored', pageNumber: 3, documentVersionId: d.body.currentVersionId, quote: 're-audit the neglect cases judged inadequate' });
  });

  it('shows the annotation as orphaned, with its original words, when the passage is deleted', async () => {
    writeFileSync(file, await pdf(['Purpose of the paper.', 'Findings were discussed; no actions were agreed.', 'Appendix.']));
    await sync();
    const a = (await request(t.url, 'GET', `${base()}/documents/${documentId}/annotations`, { as: as('scrutineer') })).body.annotations[0];
    expect(a.status).toBe('orphaned');
    expect(a.originalQuote).toBe('re-audit the neglect cases judged inadequate');
    expect(a.orphanReason).toMatch(/\w/);
  });
});
