import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { accessTokenClaims, newSigningKey, signToken, startKeyServer, type SigningKey } from '../support/entra-stand-in.js';

const GUID = '11111111-2222-4333-8444-555555555555';

describe('outside dev mode', () => {
  let dev: TestApp;
  let entra: TestApp;
  let personId: string;
  let partnershipId: string;
  let keyServer: Awaited<ReturnType<typeof startKeyServer>>;
  let key: SigningKey;
  const OBJECT_ID = '99999999-2222-4333-8444-555555555555';
  beforeAll(async () => {
    key = newSigningKey();
    keyServer = await startKeyServer([key]);
    dev = await startTestApp();
    const people = (await request(dev.url, 'GET', '/api/v1/dev/people')).body.people;
    personId = people[0].id;
    partnershipId = people[0].partnership.id;
    // The same database, served with Entra sign-in.
    entra = await startTestApp({ database: dev.app.database, seedDemo: false, env: { AUTH_MODE: 'entra', ENTRA_TENANT_ID: GUID, ENTRA_CLIENT_ID: GUID, ENTRA_JWKS_URL: keyServer.url } });
    // The demo person, as a member of the host tenant.
    await dev.app.database.db.updateTable('people').set({ tenant_id: GUID, entra_object_id: OBJECT_ID }).where('id', '=', personId).execute();
  });
  afterAll(async () => {
    await entra?.close();
    await keyServer?.close();
    await dev?.close();
  });

  it('has no dev sign-in endpoint', async () => {
    expect((await request(entra.url, 'GET', '/api/v1/dev/people')).body.error.code).toBe('route_not_found');
  });

  it('ignores a dev identity header: every API route requires a real sign-in', async () => {
    for (const path of ['/api/v1/me', `/api/v1/partnerships/${partnershipId}`, `/api/v1/partnerships/${partnershipId}/forums`, `/api/v1/partnerships/${partnershipId}/observations`]) {
      const r = await request(entra.url, 'GET', path, { as: personId });
      expect(r.status, path).toBe(401);
      expect(r.body.error.code).toBe('unauthenticated');
    }
  });

  it('refuses a bearer token it cannot validate', async () => {
    const r = await request(entra.url, 'GET', '/api/v1/me', { headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJvaWQiOiJ4In0.' } });
    expect(r.status).toBe(401);
  });

  it('signs in with a valid SSO token, and refuses the same token once tampered with', async () => {
    const token = signToken(accessTokenClaims({ tenantId: GUID, clientId: GUID, objectId: OBJECT_ID }), key);
    const me = await request(entra.url, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body.memberships.map((m: { person: { id: string } }) => m.person.id)).toEqual([personId]);
    const overview = await request(entra.url, 'GET', `/api/v1/partnerships/${partnershipId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(overview.status).toBe(200);

    const [h, p, sig] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, oid: '00000000-2222-4333-8444-555555555555' })).toString('base64url')}.${sig}`;
    const r = await request(entra.url, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${tampered}` } });
    expect(r.status).toBe(401);
    expect(r.body.error).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/signature/) });
  });

  it('cannot be configured with dev sign-in in production at all', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_MODE: 'dev', BOT_ID: GUID, BOT_PASSWORD: 'x', BOT_TENANT_ID: GUID })).toThrow(ConfigError);
  });
});
