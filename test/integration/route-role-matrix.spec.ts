/**
 * Every API route against every role, and against no sign-in at all. A route's declared permission is
 * enforced before its body is even read, so a refused role gets 403 whatever it sends; an allowed role
 * never does (it may get 400 or 404 for the placeholder ids, never a 5xx).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints, type Endpoint } from '../../src/contract/endpoints.js';
import { can } from '../../src/domain/permissions.js';
import { ROLES } from '../../src/domain/vocabulary.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ALL = Object.values(endpoints) as Endpoint[];

describe('every route × every role', () => {
  let t: TestApp;
  let p: PartnershipFixture;
  let other: PartnershipFixture;

  const pathFor = (e: Endpoint, partnershipId: string) =>
    e.path.replace(/:(\w+)/g, (_, name: string) =>
      name === 'partnershipId' ? partnershipId : name === 'forumId' ? p.forumId : name === 'meetingId' ? p.meetingId : randomUUID(),
    );

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    p = await makePartnership(t.app.database.db);
    other = await makePartnership(t.app.database.db);
  });
  afterAll(async () => t?.close());

  it('declares a permission for every route (public only for health-like routes)', () => {
    for (const e of ALL) {
      expect(e.access, e.name).toBeTruthy();
      // Outside dev mode only how to sign in is public: the tab must know it before anyone signs in.
      if (e.access === 'public') expect(e.devOnly || e.beforeSignIn, `${e.name} is public outside dev mode`).toBe(true);
    }
  });

  it('includes the action tracker\'s routes', () => {
    const names = ALL.map((e) => e.name);
    for (const name of ['listActions', 'createAction', 'updateAction', 'actionHistory', 'addActionEvidence', 'proposeActionComplete', 'signOffAction', 'declineActionSignOff']) {
      expect(names, name).toContain(name);
    }
  });

  it('refuses every non-public route without sign-in', async () => {
    for (const e of ALL.filter((x) => x.access !== 'public')) {
      const r = await request(t.url, e.method, pathFor(e, p.partnershipId), e.method === 'GET' ? {} : { json: {} });
      expect(r.status, `${e.method} ${e.path}`).toBe(401);
    }
  });

  it('answers each role as the permission table says, and never with a 5xx', async () => {
    const rows: string[] = [];
    for (const e of ALL.filter((x) => x.access !== 'public')) {
      for (const role of ROLES) {
        const r = await request(t.url, e.method, pathFor(e, p.partnershipId), { as: p.people[role], ...(e.method === 'GET' ? {} : { json: {} }) });
        expect(r.status, `${role} ${e.method} ${e.path}`).toBeLessThan(500);
        if (e.access !== 'signed_in' && e.access !== 'public') {
          const allowed = can(role, e.access);
          if (allowed) expect(r.status, `${role} may ${e.access}: ${e.name}`).not.toBe(403);
          else expect(r.body.error?.code, `${role} may not ${e.access}: ${e.name}`).toBe('forbidden');
          rows.push(`${e.name} ${role} ${allowed ? 'allowed' : 'refused'} ${r.status}`);
        }
      }
    }
    expect(rows.length).toBeGreaterThan(ROLES.length * 10);
  });

  it('lists the dashboard, work plan and escalations routes with their permissions, and the readers get 200', async () => {
    const expected: Record<string, string> = {
      dashboard: 'report.read',
      getWorkPlan: 'work_plan.read',
      createWorkPlanActivity: 'work_plan.manage',
      updateWorkPlanActivity: 'work_plan.manage',
      deleteWorkPlanActivity: 'work_plan.manage',
      listEscalations: 'escalation.read',
      createEscalation: 'escalation.manage',
      updateEscalation: 'escalation.manage',
      listAgencies: 'partnership.read',
    };
    for (const [name, access] of Object.entries(expected)) expect(ALL.find((e) => e.name === name)?.access, name).toBe(access);
    for (const name of ['dashboard', 'getWorkPlan', 'listEscalations', 'listAgencies']) {
      const e = ALL.find((x) => x.name === name)!;
      for (const role of ROLES) {
        const r = await request(t.url, 'GET', pathFor(e, p.partnershipId), { as: p.people[role] });
        expect(r.status, `${role} ${name}`).toBe(can(role, e.access as Parameters<typeof can>[1]) ? 200 : 403);
      }
    }
  });

  it('lists the tracker import and export routes with their permissions: every member may export what they may see', async () => {
    const expected: Record<string, string> = {
      readActionImport: 'action.create',
      previewActionImport: 'action.create',
      commitActionImport: 'action.create',
      exportActions: 'signed_in',
    };
    for (const [name, access] of Object.entries(expected)) expect(ALL.find((e) => e.name === name)?.access, name).toBe(access);
    const e = ALL.find((x) => x.name === 'exportActions')!;
    for (const role of ROLES) {
      const r = await request(t.url, 'GET', `${pathFor(e, p.partnershipId)}?format=csv`, { as: p.people[role] });
      expect(r.status, `${role} exportActions`).toBe(200);
    }
  });

  it('keeps the data protection routes (retention, erasure, export) to the business manager', async () => {
    const names = ['getRetention', 'updateRetention', 'runRetention', 'erasePerson', 'erasePartnership', 'exportPartnership'];
    for (const name of names) expect(ALL.find((e) => e.name === name)?.access, name).toBe('data_protection.manage');
    expect(ROLES.filter((role) => can(role, 'data_protection.manage'))).toEqual(['business_manager']);
    const e = ALL.find((x) => x.name === 'getRetention')!;
    for (const role of ROLES) {
      const r = await request(t.url, 'GET', pathFor(e, p.partnershipId), { as: p.people[role] });
      expect(r.status, `${role} getRetention`).toBe(role === 'business_manager' ? 200 : 403);
    }
  });

  it('lists the report routes with their permissions: drafts for the scrutineer, documents for the readers', async () => {
    const expected: Record<string, string> = {
      listReports: 'report.read',
      openReportDraft: 'report.draft',
      getReportDraft: 'report.draft',
      saveReportSection: 'report.draft',
      selectReportEvidence: 'report.draft',
      generateReport: 'report.draft',
      downloadReport: 'report.read',
    };
    for (const [name, access] of Object.entries(expected)) expect(ALL.find((e) => e.name === name)?.access, name).toBe(access);
    const e = ALL.find((x) => x.name === 'listReports')!;
    for (const role of ROLES) {
      const r = await request(t.url, 'GET', pathFor(e, p.partnershipId), { as: p.people[role] });
      expect(r.status, `${role} listReports`).toBe(can(role, 'report.read') ? 200 : 403);
    }
  });

  it('refuses every partnership route to a member of another partnership', async () => {
    for (const e of ALL.filter((x) => x.path.includes(':partnershipId'))) {
      for (const role of ROLES) {
        const r = await request(t.url, e.method, pathFor(e, p.partnershipId), { as: other.people[role], ...(e.method === 'GET' ? {} : { json: {} }) });
        expect(r.status, `${role} of another partnership: ${e.method} ${e.path}`).toBe(403);
      }
    }
  });
});
