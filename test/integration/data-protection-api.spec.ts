import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/config.js';
import { listZipEntries, readZipEntry } from '../../src/documents/extraction/zip-entries.js';
import { ROLES } from '../../src/domain/vocabulary.js';
import { openDatabase } from '../../src/storage/connect.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const unzip = (zip: Buffer) => new Map((listZipEntries(zip) ?? []).map((e) => [e.name, new TextDecoder().decode(readZipEntry(zip, e)!)]));

describe('data protection through the API: retention, erasure, export', () => {
  let t: TestApp;
  let p: PartnershipFixture;
  let other: PartnershipFixture;
  const base = (id = p.partnershipId) => `/api/v1/partnerships/${id}/data-protection`;
  const audit = async (action: string) =>
    (await request(t.url, 'GET', `/api/v1/partnerships/${p.partnershipId}/audit-log?action=${action}`, { as: p.people.business_manager })).body.entries as { entityId: string; detail: Record<string, unknown>; actorPersonId: string }[];

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
    p = await makePartnership(t.app.database.db, 'Northshire Safeguarding Children Partnership');
    other = await makePartnership(t.app.database.db);
    const r = await request(t.url, 'POST', `/api/v1/partnerships/${p.partnershipId}/observations`, {
      as: p.people.scrutineer,
      json: { id: randomUUID(), body: 'The Executive heard the voice of children', judgement: 'gone_well', evidenceType: 'meeting_observation', areaIds: [p.areaIds[0]] },
    });
    expect(r.status).toBe(201);
  });
  afterAll(async () => t?.close());

  it('shows the six-year defaults, changes one period, and refuses a period that is not whole months', async () => {
    const first = await request(t.url, 'GET', `${base()}/retention`, { as: p.people.business_manager });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ usingDefaults: true, periods: { observations: 72, auditLog: 72 }, updatedAt: null });
    const changed = await request(t.url, 'PATCH', `${base()}/retention`, { as: p.people.business_manager, json: { auditLog: 84, closedEscalations: null } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ usingDefaults: false, periods: { auditLog: 84, closedEscalations: null, observations: 72 }, updatedBy: 'business_manager person' });
    const bad = await request(t.url, 'PATCH', `${base()}/retention`, { as: p.people.business_manager, json: { auditLog: 0.5 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.auditLog');
    const nothing = await request(t.url, 'PATCH', `${base()}/retention`, { as: p.people.business_manager, json: {} });
    expect(nothing.status).toBe(400);
    expect((await audit('retention.configure'))[0]?.detail).toMatchObject({ after: { auditLog: 84 } });
    const run = await request(t.url, 'POST', `${base()}/retention/run`, { as: p.people.business_manager, json: {} });
    expect(run.status).toBe(200);
    expect(run.body.removed).toEqual({ observations: 0, annotations: 0, closedChallenges: 0, completedActions: 0, closedEscalations: 0, auditLog: 0 });
  });

  it('refuses every data protection route to every other role, and to a business manager of another partnership', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/retention'],
      ['PATCH', '/retention', { auditLog: 12 }],
      ['POST', '/retention/run', {}],
      ['POST', `/people/${p.people.partner_member}/erase`, { confirmName: 'partner_member person' }],
      ['POST', '/erase', { confirmPartnershipName: 'Northshire Safeguarding Children Partnership' }],
      ['GET', '/export'],
    ];
    for (const [method, suffix, json] of routes) {
      for (const role of ROLES.filter((r) => r !== 'business_manager')) {
        const r = await request(t.url, method, `${base()}${suffix}`, { as: p.people[role], ...(json ? { json } : {}) });
        expect(r.status, `${role} ${method} ${suffix}`).toBe(403);
        expect(r.body.error.code).toBe('forbidden');
      }
      const stranger = await request(t.url, method, `${base()}${suffix}`, { as: other.people.business_manager, ...(json ? { json } : {}) });
      expect(stranger.status, `other partnership ${method} ${suffix}`).toBe(403);
    }
    // Nothing was erased by any of them.
    const people = await request(t.url, 'GET', `/api/v1/partnerships/${p.partnershipId}/people`, { as: p.people.business_manager });
    expect(people.body.people.map((x: { displayName: string }) => x.displayName)).toContain('partner_member person');
  });

  it('exports the whole partnership as a zip of JSON lines, marked private and no-store, and audits it', async () => {
    const res = await fetch(`${t.url}${base()}/export`, { headers: { 'x-los-dev-person': p.people.business_manager } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''partnership-export-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const files = unzip(Buffer.from(await res.arrayBuffer()));
    expect(JSON.parse(files.get('manifest.json')!)).toMatchObject({ partnershipId: p.partnershipId, partnershipName: 'Northshire Safeguarding Children Partnership' });
    expect(files.get('tables/observations.jsonl')).toContain('The Executive heard the voice of children');
    expect(files.get('tables/people.jsonl')).not.toContain(other.people.business_manager);
    const entry = (await audit('partnership.export'))[0];
    expect(entry).toMatchObject({ actorPersonId: p.people.business_manager, detail: { complete: true } });
  });

  it('erases a person only when the request repeats their name, and records it', async () => {
    const url = `${base()}/people/${p.people.partner_member}/erase`;
    const missing = await request(t.url, 'POST', url, { as: p.people.business_manager, json: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('body.confirmName');
    const wrong = await request(t.url, 'POST', url, { as: p.people.business_manager, json: { confirmName: 'scrutineer person' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/does not match/);
    const unknown = await request(t.url, 'POST', `${base()}/people/${randomUUID()}/erase`, { as: p.people.business_manager, json: { confirmName: 'x' } });
    expect(unknown.status).toBe(404);
    const self = await request(t.url, 'POST', `${base()}/people/${p.people.business_manager}/erase`, { as: p.people.business_manager, json: { confirmName: 'business_manager person' } });
    expect(self.status).toBe(409);

    const done = await request(t.url, 'POST', url, { as: p.people.business_manager, json: { confirmName: 'Partner_member person' } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ scope: 'person', personId: p.people.partner_member });
    const people = await request(t.url, 'GET', `/api/v1/partnerships/${p.partnershipId}/people`, { as: p.people.business_manager });
    const names = people.body.people.map((x: { displayName: string }) => x.displayName);
    expect(names).not.toContain('partner_member person');
    const entry = (await audit('person.erase'))[0];
    expect(entry).toMatchObject({ entityId: p.people.partner_member, actorPersonId: p.people.business_manager, detail: { erasureId: done.body.id } });
    expect(JSON.stringify(entry)).not.toContain('partner_member person');
    // The erased person can no longer act.
    const after = await request(t.url, 'GET', `/api/v1/partnerships/${p.partnershipId}/challenges`, { as: p.people.partner_member });
    expect(after.status).toBeGreaterThanOrEqual(400);
  });

  it('erases the whole partnership only when the request repeats its name, keeping the erasure and its audit entry', async () => {
    const doomed = await makePartnership(t.app.database.db, 'Endshire Partnership');
    const url = `${base(doomed.partnershipId)}/erase`;
    expect((await request(t.url, 'POST', url, { as: doomed.people.business_manager, json: {} })).status).toBe(400);
    const wrong = await request(t.url, 'POST', url, { as: doomed.people.business_manager, json: { confirmPartnershipName: 'Northshire Safeguarding Children Partnership' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe('confirmPartnershipName');

    const done = await request(t.url, 'POST', url, { as: doomed.people.business_manager, json: { confirmPartnershipName: 'endshire partnership' } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ scope: 'partnership', personId: null, counts: { people: 6 } });
    const db = t.app.database.db;
    expect(await db.selectFrom('people').select('id').where('partnership_id', '=', doomed.partnershipId).execute()).toEqual([]);
    const kept = await db.selectFrom('audit_log').select(['action', 'actor_label']).where('partnership_id', '=', doomed.partnershipId).execute();
    expect(kept).toEqual([{ action: 'partnership.erase', actor_label: 'business_manager person' }]);
    // No one is left to sign in to it; the other partnership is untouched.
    expect((await request(t.url, 'GET', `${base(doomed.partnershipId)}/retention`, { as: doomed.people.business_manager })).status).toBe(403);
    expect((await request(t.url, 'GET', `${base()}/retention`, { as: p.people.business_manager })).status).toBe(200);
  });
});

describe('npx los partnership export', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'los-export-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the zip to --out and records the export', async () => {
    const config = loadConfig({ DATA_DIR: dir }, dir);
    const h = await openDatabase(config.database);
    let p: PartnershipFixture;
    try {
      await migrateToLatest(h.db);
      p = await makePartnership(h.db, 'Cli Borough');
    } finally {
      await h.close();
    }
    const lines: string[] = [];
    const errors: string[] = [];
    const code = await runCli(['partnership', 'export', '--partnership', 'Cli Borough', '--out', 'cli-borough.zip'], { out: (l) => lines.push(l), err: (l) => errors.push(l), env: { DATA_DIR: dir }, cwd: dir });
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/Wrote \d+ row\(s\) from \d+ table\(s\) of Cli Borough/);
    const files = unzip(readFileSync(path.join(dir, 'cli-borough.zip')));
    expect(files.get('tables/people.jsonl')!.trim().split('\n')).toHaveLength(6);
    const h2 = await openDatabase(config.database);
    try {
      const entries = await h2.db.selectFrom('audit_log').select(['action', 'surface', 'actor_label']).where('partnership_id', '=', p!.partnershipId).execute();
      expect(entries).toContainEqual(expect.objectContaining({ action: 'partnership.export', surface: 'cli' }));
    } finally {
      await h2.close();
    }
    expect(await runCli(['partnership', 'export'], { out: () => undefined, err: (l) => errors.push(l), env: { DATA_DIR: dir }, cwd: dir })).toBe(2);
  });
});
