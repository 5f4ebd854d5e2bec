import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../src/contract/errors.js';
import { endpoints } from '../../src/contract/endpoints.js';
import type { DevPerson } from '../../src/contract/resources.js';
import { testDatabases } from '../support/databases.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** What Teams gives for one meeting: its chat thread, and the meeting id (base64 of "0#<thread>#0"). */
const THREAD = '19:meeting_NjU4ZjBhYzgtZDk2Zi00@thread.v2';
const TEAMS_MEETING_ID = Buffer.from(`0#${THREAD}#0`).toString('base64');

describe.each(testDatabases())('the meeting side panel API on $kind (demo data)', (target) => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  let people: DevPerson[];
  let partnershipId: string;
  let meetingId: string;
  let other: PartnershipFixture;
  const person = (role: string) => people.find((p) => p.role === role)!.id;
  const base = () => `/api/v1/partnerships/${partnershipId}`;

  const expectError = (r: { status: number; body: unknown }, status: number, code: string, message?: RegExp) => {
    expect(r.status).toBe(status);
    const parsed = ApiErrorBody.parse(r.body);
    expect(parsed.error.code).toBe(code);
    if (message) expect(parsed.error.message).toMatch(message);
  };

  beforeAll(async () => {
    const h = await target.create();
    dispose = h.dispose;
    t = await startTestApp({ database: h });
    people = (await request(t.url, 'GET', '/api/v1/dev/people')).body.people;
    partnershipId = people[0]!.partnership.id;
    const db = t.app.database.db;
    // A past meeting with papers, so its agenda names them.
    const meeting = await db
      .selectFrom('meetings as m')
      .where('m.partnership_id', '=', partnershipId)
      .where((eb) => eb.exists(eb.selectFrom('agenda_items as a').whereRef('a.meeting_id', '=', 'm.id').where('a.document_id', 'is not', null)))
      .orderBy('m.starts_at')
      .select('m.id')
      .executeTakeFirstOrThrow();
    meetingId = meeting.id;
    other = await makePartnership(db);
  });
  afterAll(async () => {
    await t?.close();
    await dispose?.();
  });

  it('gives a meeting with its agenda in order and its papers', async () => {
    const r = await request(t.url, 'GET', `${base()}/meetings/${meetingId}`, { as: person('scrutineer') });
    expect(r.status).toBe(200);
    const meeting = endpoints.getMeeting.response.parse(r.body);
    expect(meeting.id).toBe(meetingId);
    expect(meeting.agendaItems.length).toBeGreaterThanOrEqual(3);
    expect(meeting.agendaItems.map((a) => a.position)).toEqual([...meeting.agendaItems.map((a) => a.position)].sort((a, b) => a - b));
    expect(meeting.agendaItems[0]!.title).toBe('Welcome, introductions and apologies');
    expect(meeting.agendaItems.at(-1)!.title).toBe('Any other business');
    expect(meeting.documents.length).toBe(meeting.documentCount);
    // Every paper an agenda item names is among the meeting's documents.
    const documentIds = new Set(meeting.documents.map((d) => d.id));
    const linked = meeting.agendaItems.filter((a) => a.documentId);
    expect(linked.length).toBeGreaterThan(0);
    for (const item of linked) expect(documentIds.has(item.documentId!)).toBe(true);
  });

  it('reports a meeting of another partnership, or none at all, as not found', async () => {
    expectError(await request(t.url, 'GET', `${base()}/meetings/${other.meetingId}`, { as: person('scrutineer') }), 404, 'not_found', /meeting/);
    expectError(await request(t.url, 'GET', `${base()}/meetings/${randomUUID()}`, { as: person('scrutineer') }), 404, 'not_found');
    // Asking through the other partnership, as its own member, finds it.
    const own = await request(t.url, 'GET', `/api/v1/partnerships/${other.partnershipId}/meetings/${other.meetingId}`, { as: other.people.scrutineer });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: other.meetingId, agendaItems: [], documents: [] });
  });

  it('refuses a role that may not see meetings, and a meeting id that is not an id', async () => {
    expectError(await request(t.url, 'GET', `${base()}/meetings/${meetingId}`, { as: person('partner_member') }), 403, 'forbidden', /meeting\.read/);
    expectError(await request(t.url, 'GET', `${base()}/meetings/next`, { as: person('scrutineer') }), 400, 'validation_failed', /params\.meetingId must be an id/);
  });

  describe('finding the meeting Teams is in', () => {
    beforeAll(async () => {
      const db = t.app.database.db;
      // What the bot records from meetingStart / getMeetingInfo: the chat thread id.
      await db.updateTable('meetings').set({ teams_meeting_id: THREAD }).where('id', '=', meetingId).execute();
      // The same Teams meeting recorded in another partnership must never be found from this one.
      await db.updateTable('meetings').set({ teams_meeting_id: `${THREAD}-other` }).where('id', '=', other.meetingId).execute();
    });
    const resolve = (json: unknown, as = person('scrutineer')) => request(t.url, 'POST', `${base()}/meetings/resolve`, { as, json });

    it('finds it by the chat id, and by the Teams meeting id that wraps it', async () => {
      for (const body of [{ chatId: THREAD }, { teamsMeetingId: TEAMS_MEETING_ID }, { teamsMeetingId: TEAMS_MEETING_ID, chatId: THREAD }]) {
        const r = await resolve(body);
        expect(r.status, JSON.stringify(body)).toBe(200);
        expect(endpoints.resolveMeeting.response.parse(r.body).id).toBe(meetingId);
      }
    });

    it('answers 404 not_found for a Teams meeting it does not know, so the panel offers the list', async () => {
      expectError(await resolve({ chatId: '19:meeting_unknown@thread.v2' }), 404, 'not_found', /Choose the meeting from the list/);
      expectError(await resolve({ chatId: `${THREAD}-other` }), 404, 'not_found');
    });

    it('refuses a body naming neither id, or with unknown fields', async () => {
      expectError(await resolve({}), 400, 'validation_failed', /must name teamsMeetingId or chatId/);
      expectError(await resolve({ chatId: THREAD, meetingUrl: 'x' }), 400, 'validation_failed', /unexpected fields: meetingUrl/);
      expectError(await resolve({ chatId: '   ' }), 400, 'validation_failed', /body\.chatId must not be empty/);
    });
  });

  it('saves an observation sent again with the same id once, answering with the stored one', async () => {
    const scrutineer = person('scrutineer');
    const checklist = await request(t.url, 'GET', `${base()}/checklist`, { as: scrutineer });
    const meeting = (await request(t.url, 'GET', `${base()}/meetings/${meetingId}`, { as: scrutineer })).body;
    const obs = {
      id: randomUUID(),
      body: 'Chair summarised the audit findings clearly.',
      judgement: 'gone_well',
      evidenceType: 'meeting_observation',
      areaIds: [checklist.body.areas[0].id],
      meetingId,
      agendaItemId: meeting.agendaItems[2].id,
      documentId: meeting.agendaItems[2].documentId,
    };
    const path = `${base()}/observations`;
    const first = await request(t.url, 'POST', path, { as: scrutineer, json: obs });
    expect(first.status).toBe(201);
    // A retry after the answer was lost, even after an edit in between, gets the stored observation back.
    await request(t.url, 'PATCH', `${path}/${obs.id}`, { as: scrutineer, json: { body: 'Edited after saving.' } });
    const again = await request(t.url, 'POST', path, { as: scrutineer, json: obs });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: obs.id, body: 'Edited after saving.', agendaItemId: obs.agendaItemId });
    const listed = await request(t.url, 'GET', `${path}?meetingId=${meetingId}`, { as: scrutineer });
    expect(listed.body.observations.filter((o: { id: string }) => o.id === obs.id)).toHaveLength(1);
  });
});
