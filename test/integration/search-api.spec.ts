import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchEndpoints } from '../../src/contract/endpoints/search.js';
import { ApiErrorBody } from '../../src/contract/errors.js';
import type { DevPerson } from '../../src/contract/resources.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../src/contract/search.js';
import { request } from '../support/http.js';
import { addSearchableDocument } from '../support/search-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('GET /api/v1/partnerships/:id/search (PGlite, demo data)', () => {
  let t: TestApp;
  let people: DevPerson[];
  let partnershipId: string;
  let documentId: string;
  const person = (role: string) => people.find((p) => p.role === role)!.id;
  const path = (query: string) => `/api/v1/partnerships/${partnershipId}/search${query}`;

  const expectError = (r: { status: number; body: unknown }, status: number, code: string, message?: RegExp) => {
    expect(r.status).toBe(status);
    const parsed = ApiErrorBody.parse(r.body);
    expect(parsed.error.code).toBe(code);
    if (message) expect(parsed.error.message).toMatch(message);
  };

  beforeAll(async () => {
    t = await startTestApp();
    people = (await request(t.url, 'GET', '/api/v1/dev/people')).body.people;
    partnershipId = people[0]!.partnership.id;
    const forum = await t.app.database.db.selectFrom('forums').select('id').where('partnership_id', '=', partnershipId).where('name', '=', 'Quality Assurance Subgroup').executeTakeFirstOrThrow();
    ({ documentId } = await addSearchableDocument(t.app.database.db, {
      partnershipId,
      forumId: forum.id,
      title: 'Kestrelbrook neglect audit (search test)',
      documentDate: '2026-01-14',
      pages: ['Contents and introduction.', 'The Kestrelbrook audit looked at 12 families. Neglect was audited across health, police and schools.'],
    }));
  });
  afterAll(async () => t?.close());

  it('finds the page, with its highlighted snippet, for a member who may read papers', async () => {
    const r = await request(t.url, 'GET', path('?q=kestrelbrook%20audits'), { as: person('scrutineer') });
    expect(r.status).toBe(200);
    const body = searchEndpoints.searchDocuments.response.parse(r.body);
    expect(body).toMatchObject({ query: 'kestrelbrook audits', total: 1, limit: 20, offset: 0 });
    expect(body.hits[0]).toMatchObject({ documentId, pageNumber: 2, forumName: 'Quality Assurance Subgroup', documentDate: '2026-01-14', kind: 'paper' });
    expect(body.hits[0]!.snippet).toContain(`${HIGHLIGHT_START}Kestrelbrook${HIGHLIGHT_END} ${HIGHLIGHT_START}audit${HIGHLIGHT_END}`);
  });

  it('applies the filters', async () => {
    const as = person('read_only');
    expect((await request(t.url, 'GET', path('?q=kestrelbrook&type=minutes'), { as })).body.total).toBe(0);
    expect((await request(t.url, 'GET', path('?q=kestrelbrook&type=paper&from=2026-01-14&to=2026-01-14'), { as })).body.total).toBe(1);
    expect((await request(t.url, 'GET', path('?q=kestrelbrook&from=2026-01-15'), { as })).body.total).toBe(0);
  });

  it('answers a query of stop words with no hits', async () => {
    const r = await request(t.url, 'GET', path('?q=the'), { as: person('scrutineer') });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 0, hits: [] });
  });

  it.each([
    ['?q=', /query\.q must not be empty/],
    ['?q=%20%20', /query\.q must not be empty/],
    ['', /query\.q is required/],
    [`?q=${'a'.repeat(201)}`, /query\.q must be at most 200 characters/],
    ['?q=neglect&type=policy', /query\.type must be agenda, paper, minutes, report or other/],
    ['?q=neglect&from=14/01/2026', /query\.from must be a date as YYYY-MM-DD/],
    ['?q=neglect&from=2026-02-01&to=2026-01-01', /query\.to must be on or after from/],
    ['?q=neglect&limit=101', /query\.limit must be at most 100/],
    ['?q=neglect&limit=ten', /query\.limit must be a whole number/],
    ['?q=neglect&forumId=qa', /query\.forumId must be an id/],
    ['?q=neglect&sort=date', /query has unexpected fields: sort/],
  ])('refuses a bad query (%s) with 400', async (query, message) => {
    expectError(await request(t.url, 'GET', path(query), { as: person('scrutineer') }), 400, 'validation_failed', message);
  });

  it('refuses a partner member, whose role does not include reading papers (403)', async () => {
    expectError(await request(t.url, 'GET', path('?q=neglect'), { as: person('partner_member') }), 403, 'forbidden', /document\.read/);
  });

  it('refuses a caller with no identity (401)', async () => {
    expectError(await request(t.url, 'GET', path('?q=neglect')), 401, 'unauthenticated');
  });
});
