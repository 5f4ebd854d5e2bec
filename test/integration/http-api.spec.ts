import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../src/contract/errors.js';
import { endpoints } from '../../src/contract/endpoints.js';
import type { DevPerson } from '../../src/contract/resources.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the HTTP API in dev mode (PGlite, demo data)', () => {
  let t: TestApp;
  let people: DevPerson[];
  let partnershipId: string;
  const person = (role: string) => people.find((p) => p.role === role)!.id;

  beforeAll(async () => {
    t = await startTestApp({ env: { MAX_BODY_BYTES: '4096' } });
    people = (await request(t.url, 'GET', '/api/v1/dev/people')).body.people;
    partnershipId = people[0]!.partnership.id;
  });
  afterAll(async () => t?.close());

  const expectError = (r: { status: number; body: unknown }, status: number, code: string) => {
    expect(r.status).toBe(status);
    const parsed = ApiErrorBody.parse(r.body);
    expect(parsed.error.code).toBe(code);
    expect(parsed.error.message.length).toBeGreaterThan(10);
    expect(JSON.stringify(r.body)).not.toMatch(/at .+\.ts:\d+|Error:/);
  };

  it('says the process is up and the database is ready', async () => {
    expect((await request(t.url, 'GET', '/healthz')).body.status).toBe('ok');
    const ready = await request(t.url, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', database: 'pglite' });
  });

  it('lists the synthetic demo people, one or more in every role', async () => {
    expect(new Set(people.map((p) => p.role))).toEqual(
      new Set(['scrutineer', 'business_manager', 'safeguarding_partner', 'subgroup_chair', 'partner_member', 'read_only']),
    );
    expect(people.every((p) => p.partnership.isSynthetic)).toBe(true);
  });

  it('tells the signed-in scrutineer who they are and what they may do', async () => {
    const r = await request(t.url, 'GET', '/api/v1/me', { as: person('scrutineer') });
    expect(r.status).toBe(200);
    const me = endpoints.me.response.parse(r.body).memberships[0]!;
    expect(me.person.role).toBe('scrutineer');
    expect(me.partnership.name).toBe('Demo Borough Safeguarding Children Partnership');
    expect(me.permissions).toContain('observation.create');
    expect(me.authMode).toBe('dev');
  });

  it('shows the partnership, its forums, meetings, papers and checklist', async () => {
    const as = person('scrutineer');
    const overview = await request(t.url, 'GET', `/api/v1/partnerships/${partnershipId}`, { as });
    expect(overview.body.counts.forums).toBe(6);
    const forums = await request(t.url, 'GET', `/api/v1/partnerships/${partnershipId}/forums`, { as });
    expect(forums.body.forums.map((f: { name: string }) => f.name)).toContain('Quality Assurance Subgroup');
    const meetings = await request(t.url, 'GET', `/api/v1/partnerships/${partnershipId}/meetings?from=2000-01-01`, { as });
    const withPapers = meetings.body.meetings.find((m: { documentCount: number }) => m.documentCount > 0);
    const docs = await request(t.url, 'GET', `/api/v1/partnerships/${partnershipId}/meetings/${withPapers.id}/documents`, { as });
    expect(docs.body.documents[0].kind).toBe('agenda');
    const checklist = await request(t.url, 'GET', `/api/v1/partnerships/${partnershipId}/checklist`, { as });
    expect(checklist.body.areas).toHaveLength(6);
  });

  describe('refusals', () => {
    it('refuses a request with no identity (401)', async () => {
      expectError(await request(t.url, 'GET', `/api/v1/partnerships/${partnershipId}/forums`), 401, 'unauthenticated');
      expectError(await request(t.url, 'GET', '/api/v1/me'), 401, 'unauthenticated');
    });

    it('refuses an identity that is not a person id (401)', async () => {
      expectError(await request(t.url, 'GET', '/api/v1/me', { as: 'jordan' }), 401, 'unauthenticated');
    });

    it('refuses a partnership the caller does not belong to (403)', async () => {
      expectError(await request(t.url, 'GET', `/api/v1/partnerships/${randomUUID()}/forums`, { as: person('scrutineer') }), 403, 'forbidden');
    });

    it('refuses an operation the role may not do (403), in the service, whatever the UI shows', async () => {
      const r = await request(t.url, 'POST', `/api/v1/partnerships/${partnershipId}/observations`, {
        as: person('business_manager'),
        json: { id: randomUUID(), body: 'x', judgement: 'concern', evidenceType: 'audit', areaIds: [randomUUID()] },
      });
      expectError(r, 403, 'forbidden');
    });

    it('refuses malformed JSON (400 malformed_json)', async () => {
      const r = await request(t.url, 'POST', `/api/v1/partnerships/${partnershipId}/observations`, { as: person('scrutineer'), raw: '{"body": "unterminated' });
      expectError(r, 400, 'malformed_json');
    });

    it('refuses a body over the limit (413 payload_too_large) before reading it all', async () => {
      const r = await request(t.url, 'POST', `/api/v1/partnerships/${partnershipId}/observations`, { as: person('scrutineer'), json: { body: 'x'.repeat(10_000) } });
      expectError(r, 413, 'payload_too_large');
    });

    it('answers a chunked body over the limit with 413 and keeps the connection whole (no reset while the client sends)', async () => {
      // Regression: the body reader left a `for await` early, which destroyed the request, so a client still
      // sending got ECONNRESET instead of its 413.
      const { port } = new URL(t.url);
      const outcome = await new Promise<{ head: string; error?: string }>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1');
        let head = '';
        let error: string | undefined;
        socket.on('data', (d) => (head += d.toString()));
        socket.on('error', (e) => (error = (e as NodeJS.ErrnoException).code));
        socket.on('close', () => resolve({ head, error }));
        socket.write(
          `POST /api/v1/partnerships/${partnershipId}/observations HTTP/1.1\r\nHost: x\r\n` +
            `x-los-dev-person: ${person('scrutineer')}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n`,
        );
        const chunk = Buffer.alloc(1024, 0x20);
        let sent = 0;
        const pump = () => {
          if (sent >= 64) {
            socket.write('0\r\n\r\n');
            setTimeout(() => socket.end(), 100);
            return;
          }
          socket.write(`${chunk.length.toString(16)}\r\n`);
          socket.write(chunk);
          socket.write('\r\n');
          sent++;
          setTimeout(pump, 2);
        };
        pump();
      });
      expect(outcome.head).toMatch(/^HTTP\/1\.1 413 /);
      expect(outcome.head).toContain('"payload_too_large"');
      expect(outcome.error).toBeUndefined();
    });

    it('refuses text the database cannot store (NUL, an unpaired surrogate) as 400 with its field, in a body or a query', async () => {
      // Regression: these passed the contract and failed in PostgreSQL with a 500.
      const observation = (body: string) => ({ id: randomUUID(), body, judgement: 'concern', evidenceType: 'audit', areaIds: [randomUUID()] });
      for (const text of ['before\u0000after', 'half a pair \uD800 here', '\uDC00']) {
        const r = await request(t.url, 'POST', `/api/v1/partnerships/${partnershipId}/observations`, { as: person('scrutineer'), json: observation(text) });
        expectError(r, 400, 'validation_failed');
        expect(r.body.error.details).toEqual([{ path: 'body.body', message: expect.stringContaining('NUL') }]);
      }
      const search = await request(t.url, 'GET', `/api/v1/partnerships/${partnershipId}/search?q=a%00b`, { as: person('scrutineer') });
      expectError(search, 400, 'validation_failed');
      expect(search.body.error.details[0].path).toBe('query.q');
      // A whole pair (an emoji) is text like any other.
      const ok = await request(t.url, 'POST', `/api/v1/partnerships/${partnershipId}/meetings/resolve`, { as: person('scrutineer'), json: { chatId: '19:meeting 👩‍👩‍👧 \u202E' } });
      expect(ok.status).toBe(404);
    });

    it('refuses dates in the right format outside the years 0001–9999 (400, not a database error)', async () => {
      // Regression: year 0000, and 9999-12-31 carried into year 10000 by its offset, reached PostgreSQL (500).
      const base = `/api/v1/partnerships/${partnershipId}`;
      const action = await request(t.url, 'POST', `${base}/actions`, { as: person('scrutineer'), json: { id: randomUUID(), title: 'Dated', source: 'audit', dueDate: '0000-01-01' } });
      expectError(action, 400, 'validation_failed');
      expect(action.body.error.details[0].path).toBe('body.dueDate');
      for (const observedAt of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59-12:00', '0001-01-01T00:00:00+14:00']) {
        const r = await request(t.url, 'POST', `${base}/observations`, {
          as: person('scrutineer'),
          json: { id: randomUUID(), body: 'Seen.', judgement: 'concern', evidenceType: 'audit', areaIds: [randomUUID()], observedAt },
        });
        expectError(r, 400, 'validation_failed');
        expect(r.body.error.details[0].path, observedAt).toBe('body.observedAt');
      }
    });

    it('refuses a body that is not JSON (415)', async () => {
      const r = await request(t.url, 'POST', `/api/v1/partnerships/${partnershipId}/observations`, { as: person('scrutineer'), raw: 'body=x', contentType: 'application/x-www-form-urlencoded' });
      expectError(r, 415, 'unsupported_media_type');
    });

    it('refuses a body of the wrong shape (400 validation_failed) and says which field', async () => {
      const r = await request(t.url, 'POST', `/api/v1/partnerships/${partnershipId}/observations`, {
        as: person('scrutineer'),
        json: { id: randomUUID(), body: '', judgement: 'brilliant', evidenceType: 'audit', areaIds: [] },
      });
      expectError(r, 400, 'validation_failed');
      expect(r.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.body', 'body.judgement', 'body.areaIds']));
    });

    it.each([['null'], ['[]'], ['"text"'], ['42']])('refuses a JSON body that is not an object: %s', async (raw) => {
      const r = await request(t.url, 'POST', `/api/v1/partnerships/${partnershipId}/observations`, { as: person('scrutineer'), raw });
      expectError(r, 400, 'validation_failed');
    });

    it('refuses a bad path parameter and a bad query (400)', async () => {
      expectError(await request(t.url, 'GET', '/api/v1/partnerships/not-an-id/forums', { as: person('scrutineer') }), 400, 'validation_failed');
      expectError(await request(t.url, 'GET', `/api/v1/partnerships/${partnershipId}/meetings?from=22/11/2026`, { as: person('scrutineer') }), 400, 'validation_failed');
    });

    it('answers an unknown API path with 404 route_not_found, never the tab', async () => {
      expectError(await request(t.url, 'GET', '/api/v1/nothing-here'), 404, 'route_not_found');
      expectError(await request(t.url, 'DELETE', '/api/v1/me'), 404, 'route_not_found');
    });
  });

  it('saves an observation once however often it is sent, and keeps it private', async () => {
    const scrutineer = person('scrutineer');
    const checklist = await request(t.url, 'GET', `/api/v1/partnerships/${partnershipId}/checklist`, { as: scrutineer });
    const obs = { id: randomUUID(), body: 'Private note: <script>alert(1)</script>', judgement: 'concern', evidenceType: 'meeting_observation', areaIds: [checklist.body.areas[0].id] };
    const path = `/api/v1/partnerships/${partnershipId}/observations`;
    const [a, b] = await Promise.all([request(t.url, 'POST', path, { as: scrutineer, json: obs }), request(t.url, 'POST', path, { as: scrutineer, json: obs })]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
    const mine = await request(t.url, 'GET', path, { as: scrutineer });
    expect(mine.body.observations.filter((o: { id: string }) => o.id === obs.id)).toHaveLength(1);
    const theirs = await request(t.url, 'GET', path, { as: person('business_manager') });
    expect(theirs.body.observations.map((o: { id: string }) => o.id)).not.toContain(obs.id);
  });

  it('serves the tab with a CSP that allows framing by Teams only', async () => {
    const r = await fetch(`${t.url}/some/deep/link`);
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    expect(csp).not.toMatch(/frame-ancestors[^;]*\*(\s|;|$)/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
