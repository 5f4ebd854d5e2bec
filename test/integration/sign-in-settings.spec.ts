/**
 * The tab asks how to sign in before anyone has: dev sign-in, or Entra with the ids and scopes MSAL and
 * the consent prompt need. The answer is public, so it must carry nothing secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = '22222222-2222-4333-8444-555555555555';
const SECRET = 'a-client-secret-that-must-stay-on-the-server';

describe('GET /api/v1/auth/config', () => {
  let dev: TestApp;
  let entra: TestApp;
  beforeAll(async () => {
    dev = await startTestApp({ seedDemo: false });
    entra = await startTestApp({
      seedDemo: false,
      env: {
        AUTH_MODE: 'entra',
        ENTRA_TENANT_ID: TENANT,
        ENTRA_CLIENT_ID: CLIENT,
        ENTRA_CLIENT_SECRET: SECRET,
        PUBLIC_URL: 'https://los.example.org',
        ENTRA_JWKS_URL: 'http://127.0.0.1:9/keys',
      },
    });
  });
  afterAll(async () => {
    await entra?.close();
    await dev?.close();
  });

  it('says dev sign-in in dev mode', async () => {
    const r = await request(dev.url, 'GET', '/api/v1/auth/config');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ mode: 'dev' });
  });

  it('gives a signed-out caller the Entra ids and scopes, and no secret', async () => {
    const r = await request(entra.url, 'GET', '/api/v1/auth/config');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      mode: 'entra',
      clientId: CLIENT,
      tenantId: TENANT,
      authorityHost: 'https://login.microsoftonline.com',
      apiScope: `api://los.example.org/${CLIENT}/access_as_user`,
      consentScopes: ['https://graph.microsoft.com/.default'],
    });
    expect(JSON.stringify(r.body)).not.toContain(SECRET);
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});
