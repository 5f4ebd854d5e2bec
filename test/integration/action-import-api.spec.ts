import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvBytes, type ImportPartnership, makeImportPartnership, xlsxBytes } from '../support/action-import-fixtures.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SP = 'https://demo.sharepoint.com/sites/scp/Shared%20Documents';

/** The import's three steps and the export over HTTP: the file as base64 JSON, the export as a download. */
describe('the tracker import and export API', () => {
  let t: TestApp;
  let p: ImportPartnership;
  const base = () => `/api/v1/partnerships/${p.partnershipId}/actions`;
  const body = (bytes: Uint8Array, fileName: string, extra: Record<string, unknown> = {}) => ({ fileName, contentBase64: Buffer.from(bytes).toString('base64'), ...extra });

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false, env: { RATE_LIMIT_PER_MINUTE: '100000', MAX_BODY_BYTES: '65536' } });
    p = await makeImportPartnership(t.app.database.db);
  });
  afterAll(async () => t?.close());

  it('reads, previews and commits a workbook sent as base64 JSON', async () => {
    const bytes = await xlsxBytes({
      Plan: [
        ['Ref', 'Action', 'Source', 'Owner', 'Due', 'Status', 'RAG', 'Evidence'],
        ['API-1', 'Publish the briefing', 'Case review', 'Jane Smith', '15/12/2026', 'In progress', 'Red', `${SP}/b.pdf`],
        ['API-2', 'Re-audit', 'Audit', 'Ravi Patel', '', '', '', ''],
      ],
    });
    const read = await request(t.url, 'POST', `${base()}/import/read`, { as: p.people.business_manager, json: body(bytes, 'plan.xlsx') });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ format: 'xlsx', sheet: 'Plan', headerRow: 1, dataRows: 2, suggestedMapping: { reference: 0, title: 1, source: 2, owner: 3, dueDate: 4, status: 5, evidence: 7 } });
    const plan = body(bytes, 'plan.xlsx', { mapping: read.body.suggestedMapping });
    const preview = await request(t.url, 'POST', `${base()}/import/preview`, { as: p.people.business_manager, json: plan });
    expect(preview.body).toMatchObject({ ready: true, creates: 2, errorCount: 0 });
    const commit = await request(t.url, 'POST', `${base()}/import/commit`, { as: p.people.business_manager, json: plan });
    expect(commit.status).toBe(200);
    expect(commit.body).toEqual({ created: 2, updated: 0, unchanged: 0, dataRows: 2 });
    const list = await request(t.url, 'GET', base(), { as: p.people.business_manager });
    expect(list.body.actions.map((a: { reference: string }) => a.reference)).toEqual(['API-1', 'API-2']);
  });

  it('refuses a commit with errors as 400, listing each row, and writes nothing', async () => {
    const bytes = csvBytes([['Ref', 'Action', 'Owner'], ['API-3', 'One', 'Nobody Known']]);
    const r = await request(t.url, 'POST', `${base()}/import/commit`, { as: p.people.business_manager, json: body(bytes, 'bad.csv', { mapping: { reference: 0, title: 1, owner: 2 }, defaultSource: 'audit' }) });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'rows.2.owner', message: expect.stringMatching(/^Row 2, column "Owner": unknown owner "Nobody Known"/) }] });
  });

  it('says when the file is bigger than the server takes, and refuses what is not base64', async () => {
    const big = await request(t.url, 'POST', `${base()}/import/read`, { as: p.people.business_manager, json: body(new Uint8Array(60_000).fill(65), 'big.csv') });
    expect(big.status).toBe(413);
    const notBase64 = await request(t.url, 'POST', `${base()}/import/read`, { as: p.people.business_manager, json: { fileName: 'x.csv', contentBase64: 'not base64!' } });
    expect(notBase64.body.error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/contentBase64 must be base64/) });
  });

  it('exports as a download with a safe file name, and a partner sees only their own actions', async () => {
    const xlsx = await fetch(`${t.url}${base()}/export?format=xlsx`, { headers: { 'x-los-dev-person': p.people.business_manager } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''test-partnership-[0-9a-f]{8}-actions-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const mine = await request(t.url, 'GET', `${base()}/export?format=csv`, { as: p.jane });
    expect(mine.status).toBe(200);
    expect(String(mine.body).split('\r\n').slice(1, -1).map((l) => l.split(',')[0])).toEqual(['API-1']);
    const filtered = await request(t.url, 'GET', `${base()}/export?format=csv&source=audit&q=re-audit`, { as: p.people.read_only });
    expect(String(filtered.body).split('\r\n').slice(1, -1).map((l) => l.split(',')[0])).toEqual(['API-2']);
    const bad = await request(t.url, 'GET', `${base()}/export?format=pdf`, { as: p.people.read_only });
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/format must be xlsx or csv/) });
  });
});
