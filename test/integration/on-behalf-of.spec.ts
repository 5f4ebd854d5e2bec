/**
 * A business manager signed in with Teams SSO points a forum at a SharePoint site: the site is looked
 * up with their own access (on-behalf-of), not the app's, and a missing consent reaches the tab as a
 * prompt. Entra's signing keys, its token exchange and Graph are stand-ins.
 */
import { randomUUID } from 'node:crypto';
import { InteractionRequiredAuthError } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphPartsFor } from '../../src/documents/graph-parts.js';
import type { ConfidentialClientLike } from '../../src/graph/graph-auth.js';
import { openDatabase } from '../../src/storage/connect.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { accessTokenClaims, newSigningKey, signToken, startKeyServer, type SigningKey } from '../support/entra-stand-in.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { GraphStandIn } from '../support/graph-stand-in.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = randomUUID();
const CLIENT = randomUUID();
const MANAGER = randomUUID();
const UNCONSENTED_MANAGER = randomUUID();

describe('Graph on behalf of the signed-in user', () => {
  let keyServer: Awaited<ReturnType<typeof startKeyServer>>;
  let key: SigningKey;
  let graph: GraphStandIn;
  let t: TestApp;
  let p: PartnershipFixture;
  const exchanged: string[] = [];

  const tokenFor = (objectId: string) => signToken(accessTokenClaims({ tenantId: TENANT, clientId: CLIENT, objectId }), key);
  const oidOf = (assertion: string) => JSON.parse(Buffer.from(assertion.split('.')[1]!, 'base64url').toString()).oid as string;

  beforeAll(async () => {
    key = newSigningKey();
    keyServer = await startKeyServer([key]);
    graph = await GraphStandIn.start({ token: 'graph-token-of-the-manager' });
    // Entra's token exchange: the manager's token becomes one Graph accepts; the other has not consented.
    const onBehalfOfApp: ConfidentialClientLike = {
      acquireTokenByClientCredential: async () => ({ accessToken: 'app-only-token' }),
      acquireTokenOnBehalfOf: async ({ oboAssertion }) => {
        exchanged.push(oboAssertion);
        if (oidOf(oboAssertion) === MANAGER) return { accessToken: graph.token };
        throw new InteractionRequiredAuthError('invalid_grant', 'corr', "AADSTS65001: The user or administrator has not consented to use the application.", 'consent_required', undefined, undefined, undefined, '65001');
      },
    };
    const database = await openDatabase({ kind: 'pglite' });
    await migrateToLatest(database.db);
    p = await makePartnership(database.db);
    for (const [role, oid] of [['business_manager', MANAGER], ['scrutineer', UNCONSENTED_MANAGER]] as const) {
      await database.db.updateTable('people').set({ tenant_id: TENANT, entra_object_id: oid }).where('id', '=', p.people[role]).execute();
    }
    await database.db.updateTable('people').set({ role: 'business_manager' }).where('id', '=', p.people.scrutineer).execute();
    t = await startTestApp({
      database,
      seedDemo: false,
      env: {
        AUTH_MODE: 'entra',
        ENTRA_TENANT_ID: TENANT,
        ENTRA_CLIENT_ID: CLIENT,
        ENTRA_CLIENT_SECRET: 'stand-in-secret',
        ENTRA_JWKS_URL: keyServer.url,
        DOCUMENT_SOURCE: 'graph',
        GRAPH_BASE_URL: graph.apiBase,
        // The app-only token Graph refuses: only the user's own token can resolve the site.
        GRAPH_TOKEN: 'app-only-token',
      },
      graph: (config) => graphPartsFor(config, undefined, { onBehalfOfApp }),
    });
  });

  afterAll(async () => {
    await t?.close();
    await graph?.stop();
    await keyServer?.close();
  });

  it('resolves the site with the manager\'s own access', async () => {
    const token = tokenFor(MANAGER);
    const r = await request(t.url, 'PUT', `/api/v1/partnerships/${p.partnershipId}/forums/${p.forumId}/document-source`, {
      headers: { authorization: `Bearer ${token}` },
      json: { site: 'https://contoso.sharepoint.com/sites/scp' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.source).toMatchObject({ kind: 'graph', driveId: graph.driveId });
    // Each Graph call asks for a token; msal answers repeats from its cache (this stand-in does not cache).
    expect(exchanged.length).toBeGreaterThan(0);
    expect(new Set(exchanged)).toEqual(new Set([token]));
    expect(graph.requests.length).toBeGreaterThan(0);
    expect(graph.requests.every((q) => q.authorization === `Bearer ${graph.token}`)).toBe(true);
  });

  it('asks for consent when Entra says the user has not given it', async () => {
    const r = await request(t.url, 'PUT', `/api/v1/partnerships/${p.partnershipId}/forums/${p.forumId}/document-source`, {
      headers: { authorization: `Bearer ${tokenFor(UNCONSENTED_MANAGER)}` },
      json: { site: 'https://contoso.sharepoint.com/sites/scp' },
    });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'consent_required', message: expect.stringMatching(/consent/) });
  });
});
