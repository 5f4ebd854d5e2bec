import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCsv } from '../../src/services/audit-csv.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the audit log for the business manager', () => {
  let t: TestApp;
  let p: PartnershipFixture;
  const base = () => `/api/v1/partnerships/${p.partnershipId}/audit-log`;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
    p = await makePartnership(t.app.database.db);
    // Three observations by the scrutineer, each leaving an entry.
    for (const body of ['First note', 'Second note', '=HYPERLINK("http://evil.example","click")']) {
      const r = await request(t.url, 'POST', `/api/v1/partnerships/${p.partnershipId}/observations`, {
        as: p.people.scrutineer,
        json: { id: randomUUID(), body, judgement: 'concern', evidenceType: 'meeting_observation', areaIds: [p.areaIds[0]] },
      });
      expect(r.status).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  it('lists who did what, newest first, in pages, and logs the reading itself', async () => {
    const first = await request(t.url, 'GET', `${base()}?action=observation.create&limit=2`, { as: p.people.business_manager });
    expect(first.status).toBe(200);
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.entries[0]).toMatchObject({ action: 'observation.create', actorPersonId: p.people.scrutineer, surface: 'tab' });
    expect(first.body.entries[0].id).toBeGreaterThan(first.body.entries[1].id);
    const second = await request(t.url, 'GET', `${base()}?action=observation.create&limit=2&before=${first.body.nextBefore}`, { as: p.people.business_manager });
    expect(second.body.entries).toHaveLength(1);
    expect(second.body.nextBefore).toBeNull();
    const reads = await request(t.url, 'GET', `${base()}?action=audit.read`, { as: p.people.business_manager });
    expect(reads.body.entries.length).toBeGreaterThanOrEqual(2);
  });

  it('filters by person and by UK calendar day', async () => {
    const mine = await request(t.url, 'GET', `${base()}?personId=${p.people.scrutineer}`, { as: p.people.business_manager });
    expect(mine.body.entries.every((e: { actorPersonId: string }) => e.actorPersonId === p.people.scrutineer)).toBe(true);
    const longAgo = await request(t.url, 'GET', `${base()}?from=2001-01-01&to=2001-12-31`, { as: p.people.business_manager });
    expect(longAgo.body.entries).toEqual([]);
    const backwards = await request(t.url, 'GET', `${base()}?from=2026-02-01&to=2026-01-01`, { as: p.people.business_manager });
    expect(backwards.status).toBe(400);
  });

  it('exports the log as CSV that a spreadsheet cannot run as formulas', async () => {
    const r = await request(t.url, 'GET', `${base()}/export?action=observation.create`, { as: p.people.business_manager });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''audit-log-\d{4}-\d{2}-\d{2}\.csv/);
    const lines = (r.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('id,at (UTC),who,person id,surface,action,record type,record id,detail');
    expect(lines).toHaveLength(4);
    // Oldest first.
    expect(Number(lines[1]!.split(',')[0])).toBeLessThan(Number(lines[3]!.split(',')[0]));
  });

  it('is refused to everyone but the business manager', async () => {
    for (const role of ['scrutineer', 'partner_member', 'subgroup_chair', 'safeguarding_partner', 'read_only'] as const) {
      expect((await request(t.url, 'GET', base(), { as: p.people[role] })).status, role).toBe(403);
      expect((await request(t.url, 'GET', `${base()}/export`, { as: p.people[role] })).status, role).toBe(403);
    }
  });
});

describe('audit CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses cells that would be formulas', () => {
    const csv = auditCsv([
      { id: 1, at: new Date('2026-11-22T10:00:00Z'), partnershipId: randomUUID(), actorPersonId: null, actorLabel: '=cmd|calc', surface: 'tab', action: 'x', entityType: 'y', entityId: null, detail: { note: 'a, "b"\nc' } },
    ]);
    const row = csv.split('\r\n')[1]!;
    expect(row.startsWith("1,2026-11-22T10:00:00.000Z,'=cmd|calc,,tab,x,y,,")).toBe(true);
    expect(row).toContain('"{""note"":""a, \\""b\\""\\nc""}"');
  });
});
