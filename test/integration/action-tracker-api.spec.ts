import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../src/contract/errors.js';
import { endpoints } from '../../src/contract/endpoints.js';
import type { DevPerson } from '../../src/contract/resources.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const EVIDENCE = 'https://demoborough.sharepoint.com/sites/SCP/Shared%20Documents/QA/Dataset%20agreement.pdf';

describe('the action tracker over HTTP (PGlite, demo data)', () => {
  let t: TestApp;
  let people: DevPerson[];
  let base: string;
  const person = (name: string) => people.find((p) => p.displayName === name)!.id;
  const scrutineer = () => person('Jordan Ellis');
  const manager = () => person('Priya Nair');
  const qaChair = () => person('Dana Whitfield');
  const probation = () => person('Lee Marsh');

  beforeAll(async () => {
    t = await startTestApp();
    people = (await request(t.url, 'GET', '/api/v1/dev/people')).body.people;
    base = `/api/v1/partnerships/${people[0]!.partnership.id}/actions`;
  });
  afterAll(async () => t?.close());

  const expectError = (r: { status: number; body: unknown }, status: number, code: string) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    const parsed = ApiErrorBody.parse(r.body);
    expect(parsed.error.code).toBe(code);
    expect(parsed.error.message.length).toBeGreaterThan(10);
  };

  it('lists the demo partnership\'s composite plan, every column filled, RAG computed', async () => {
    const r = await request(t.url, 'GET', base, { as: scrutineer() });
    expect(r.status).toBe(200);
    const list = endpoints.listActions.response.parse(r.body);
    expect(list.actions.length).toBeGreaterThanOrEqual(40);
    expect(new Set(list.actions.map((a) => a.source))).toEqual(new Set(['scrutiny', 'challenge', 'minutes', 'case_review', 'audit', 'section_11']));
    expect(new Set(list.actions.map((a) => a.status))).toEqual(new Set(['not_started', 'in_progress', 'proposed_complete', 'complete', 'withdrawn']));
    expect(new Set(list.actions.map((a) => a.rag))).toEqual(new Set(['red', 'amber', 'green', null]));
    expect(list.actions.every((a) => a.area && a.owner && a.lastUpdate)).toBe(true);
    // No action is complete or proposed complete without evidence, in the demo as anywhere.
    expect(list.actions.filter((a) => a.status === 'complete' || a.status === 'proposed_complete').every((a) => a.evidence.count > 0)).toBe(true);
    expect(list.ragRule.description).toMatch(/^Overdue and under 50% complete is red/);
  });

  it('shows a partner only what they own or what is addressed to their agency', async () => {
    const r = await request(t.url, 'GET', base, { as: probation() });
    expect(r.status).toBe(200);
    const refs = (r.body.actions as { reference: string; agency: { name: string } }[]);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((a) => a.agency.name === 'Demo Probation Delivery Unit')).toBe(true);
  });

  it('creates, edits inline with history, and refuses a stale edit with 409 edit_conflict', async () => {
    const created = await request(t.url, 'POST', base, {
      as: manager(),
      json: { id: randomUUID(), title: 'Agree the front door dataset with health.', source: 'scrutiny', ownerPersonId: qaChair(), dueDate: '2099-01-31' },
    });
    expect(created.status).toBe(201);
    const a = endpoints.createAction.response.parse(created.body);
    expect(a).toMatchObject({ reference: expect.stringMatching(/^SCR-\d+$/), rag: 'red', agency: { name: 'Demo Borough Council' } });

    const edit = await request(t.url, 'PATCH', `${base}/${a.id}`, { as: scrutineer(), json: { version: a.version, percentComplete: 40, comment: 'Indicators agreed.' } });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ percentComplete: 40, rag: 'amber', version: a.version + 1 });
    expectError(await request(t.url, 'PATCH', `${base}/${a.id}`, { as: manager(), json: { version: a.version, percentComplete: 90 } }), 409, 'edit_conflict');
    expectError(await request(t.url, 'PATCH', `${base}/${a.id}`, { as: manager(), json: { version: edit.body.version, status: 'complete' } }), 400, 'validation_failed');
    expectError(await request(t.url, 'PATCH', `${base}/${a.id}`, { as: qaChair(), json: { version: edit.body.version, percentComplete: 90 } }), 403, 'forbidden');

    const history = await request(t.url, 'GET', `${base}/${a.id}/history`, { as: qaChair() });
    expect(history.status).toBe(200);
    expect(endpoints.actionHistory.response.parse(history.body).entries[0]).toMatchObject({ changes: { percentComplete: { from: 0, to: 40 } }, comment: 'Indicators agreed.', surface: 'tab' });
  });

  it('takes evidence, a proposal from the owner, and a sign-off from the scrutineer; refusals say why', async () => {
    const a = (await request(t.url, 'POST', base, { as: manager(), json: { id: randomUUID(), title: 'Publish the dataset agreement.', source: 'audit', ownerPersonId: qaChair() } })).body;
    expectError(await request(t.url, 'POST', `${base}/${a.id}/propose-complete`, { as: qaChair(), json: {} }), 422, 'evidence_required');
    expectError(await request(t.url, 'POST', `${base}/${a.id}/sign-off`, { as: scrutineer(), json: {} }), 409, 'not_proposed');
    expectError(await request(t.url, 'POST', `${base}/${a.id}/evidence`, { as: qaChair(), json: { url: 'https://example.org/agreement.pdf' } }), 400, 'validation_failed');

    const withEvidence = await request(t.url, 'POST', `${base}/${a.id}/evidence`, { as: qaChair(), json: { url: EVIDENCE, title: 'Dataset agreement (signed)' } });
    expect(withEvidence.status).toBe(201);
    expect(withEvidence.body.evidence).toEqual({ count: 1, links: [expect.objectContaining({ url: EVIDENCE, title: 'Dataset agreement (signed)' })] });

    const proposed = await request(t.url, 'POST', `${base}/${a.id}/propose-complete`, { as: qaChair(), json: { comment: 'Signed by all three partners.' } });
    expect(proposed.status).toBe(200);
    expect(proposed.body.status).toBe('proposed_complete');
    expectError(await request(t.url, 'POST', `${base}/${a.id}/sign-off`, { as: qaChair(), json: {} }), 403, 'forbidden');
    expectError(await request(t.url, 'POST', `${base}/${a.id}/decline-sign-off`, { as: scrutineer(), json: {} }), 400, 'validation_failed');

    const declined = await request(t.url, 'POST', `${base}/${a.id}/decline-sign-off`, { as: scrutineer(), json: { reason: 'The agreement is unsigned by health.' } });
    expect(declined.body).toMatchObject({ status: 'in_progress', lastUpdate: { comment: 'The agreement is unsigned by health.' } });
    await request(t.url, 'POST', `${base}/${a.id}/propose-complete`, { as: qaChair(), json: {} });
    const signed = await request(t.url, 'POST', `${base}/${a.id}/sign-off`, { as: manager(), json: { comment: 'Seen the signed copy.' } });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'complete', rag: 'green', signedOff: { by: { id: manager() } } });

    const audit = await request(t.url, 'GET', `/api/v1/partnerships/${people[0]!.partnership.id}/audit-log?limit=20`, { as: manager() });
    const actions = (audit.body.entries as { action: string; entityId: string }[]).filter((e) => e.entityId === a.id).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['action.add_evidence', 'action.propose_complete', 'action.decline_sign_off', 'action.sign_off']));
  });

  it('answers an unknown action with 404, never 500', async () => {
    expectError(await request(t.url, 'GET', `${base}/${randomUUID()}/history`, { as: scrutineer() }), 404, 'not_found');
    expectError(await request(t.url, 'POST', `${base}/${randomUUID()}/sign-off`, { as: scrutineer(), json: {} }), 404, 'not_found');
    expectError(await request(t.url, 'PATCH', `${base}/not-an-id`, { as: scrutineer(), json: { version: 1, title: 'x' } }), 400, 'validation_failed');
  });
});
