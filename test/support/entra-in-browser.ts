import type { BrowserContext } from 'playwright-core';

/**
 * Entra's sign-in host (login.microsoftonline.com) as MSAL in the browser meets it, answered by Playwright
 * routes: metadata, the authorize page (which sends the popup straight back with a code, as if the person
 * had signed in) and the token endpoint (which answers with the tokens the test mints). Nothing leaves
 * the machine. Returns what MSAL asked for.
 */
export async function standInForEntraSignIn(
  context: BrowserContext,
  o: { tenantId: string; clientId: string; objectId: string; accessToken: () => string },
): Promise<{ authorize: URL[]; tokenRequests: URLSearchParams[] }> {
  const host = 'https://login.microsoftonline.com';
  const seen = { authorize: [] as URL[], tokenRequests: [] as URLSearchParams[] };
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const nonces = new Map<string, string>();
  const tenantBase = `${host}/${o.tenantId}`;
  const json = (body: unknown) => ({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(body) });

  await context.route(`${host}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (request.method() === 'OPTIONS') {
      await route.fulfill({ status: 204, headers: { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST' } });
    } else if (url.pathname.endsWith('/.well-known/openid-configuration')) {
      await route.fulfill(
        json({
          issuer: `${host}/${o.tenantId}/v2.0`,
          authorization_endpoint: `${tenantBase}/oauth2/v2.0/authorize`,
          token_endpoint: `${tenantBase}/oauth2/v2.0/token`,
          end_session_endpoint: `${tenantBase}/oauth2/v2.0/logout`,
          jwks_uri: `${tenantBase}/discovery/v2.0/keys`,
          response_modes_supported: ['query', 'fragment', 'form_post'],
        }),
      );
    } else if (url.pathname.endsWith('/discovery/instance')) {
      await route.fulfill(
        json({
          tenant_discovery_endpoint: `${tenantBase}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net'] }],
        }),
      );
    } else if (url.pathname.endsWith('/oauth2/v2.0/authorize')) {
      seen.authorize.push(url);
      const code = `code-${seen.authorize.length}`;
      nonces.set(code, url.searchParams.get('nonce') ?? '');
      const answer = new URLSearchParams({ code, state: url.searchParams.get('state') ?? '', client_info: b64({ uid: o.objectId, utid: o.tenantId }) });
      const back = url.searchParams.get('response_mode') === 'query' ? `?${answer}` : `#${answer}`;
      await route.fulfill({ status: 302, headers: { location: `${url.searchParams.get('redirect_uri')}${back}` } });
    } else if (url.pathname.endsWith('/oauth2/v2.0/token')) {
      const form = new URLSearchParams(request.postData() ?? '');
      seen.tokenRequests.push(form);
      const now = Math.floor(Date.now() / 1000);
      const idToken = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
        aud: o.clientId,
        iss: `${host}/${o.tenantId}/v2.0`,
        iat: now,
        nbf: now,
        exp: now + 3600,
        nonce: nonces.get(form.get('code') ?? '') ?? '',
        oid: o.objectId,
        tid: o.tenantId,
        sub: o.objectId,
        name: 'Jordan Ellis',
        preferred_username: 'jordan.ellis@example.org',
        ver: '2.0',
      })}.`;
      await route.fulfill(
        json({
          token_type: 'Bearer',
          scope: (form.get('scope') ?? '').split(' ').filter((s) => !['openid', 'profile', 'offline_access'].includes(s)).join(' '),
          expires_in: 3600,
          ext_expires_in: 3600,
          access_token: o.accessToken(),
          refresh_token: 'a-refresh-token',
          id_token: idToken,
          client_info: b64({ uid: o.objectId, utid: o.tenantId }),
        }),
      );
    } else {
      await route.fulfill({ status: 404, body: 'not in the stand-in' });
    }
  });
  return seen;
}
