/**
 * The tab signed in through Entra ID (AUTH_MODE=entra), in Chromium: in Teams, where a fake host page
 * answers teams-js's messages (test/support/fake-teams-host.ts), and in a plain browser, where MSAL signs in
 * against a stand-in for Entra's sign-in host (test/support/entra-in-browser.ts). Entra's signing keys are a
 * local stand-in, and every token is minted with its key, as Entra would sign it. The app is served to the
 * browser as https://los.test: Teams opens only https pages.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { launchBrowser } from '../support/browser.js';
import { DEMO_PARTNERSHIP, SCRUTINEER_ROLE } from '../support/demo-sign-in.js';
import { standInForEntraSignIn } from '../support/entra-in-browser.js';
import { accessTokenClaims, newSigningKey, signToken, startKeyServer, type SigningKey } from '../support/entra-stand-in.js';
import { HTTPS_ORIGIN, openInFakeTeams, serveOverHttps } from '../support/fake-teams-host.js';
import { request } from '../support/http.js';
import { describeViolations, runAxe, watchForErrors } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TAB_INDEX = path.join(PROJECT_ROOT, 'dist', 'tab', 'index.html');
const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = '22222222-2222-4333-8444-555555555555';
const OBJECT_ID = '99999999-2222-4333-8444-555555555555';
/** The demo scrutineer (src/demo/demo-partnership.ts), made a member of the host tenant below. */
const DEMO_SCRUTINEER_OID = '00000000-0000-4000-8000-000000000001';
const SETTINGS_PATH = '/api/v1/auth/config';
const CONSENT_MESSAGE = 'Microsoft asks for consent before Line of Sight can do this for you.';

interface Sent {
  path: string;
  authorization?: string;
  devPerson?: string;
}

/** The API requests the tab sends, each with the identity it carried. */
function watchApi(context: BrowserContext): Sent[] {
  const sent: Sent[] = [];
  context.on('request', (r: Request) => {
    const url = new URL(r.url());
    if (!url.pathname.startsWith('/api/')) return;
    const headers = r.headers();
    sent.push({ path: url.pathname, authorization: headers.authorization, devPerson: headers['x-los-dev-person'] });
  });
  return sent;
}

/** Each call but the sign-in settings carried a bearer token, and none a demo person. */
function expectAllSigned(sent: Sent[]): void {
  const signed = sent.filter((s) => s.path !== SETTINGS_PATH);
  expect(signed.map((s) => s.path)).toContain('/api/v1/me');
  for (const s of signed) {
    expect(s.authorization, s.path).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(s.devPerson, s.path).toBeUndefined();
  }
}

/**
 * Answers requests to `url` with an API error (`times` of them, then lets the rest through to the app).
 * Returns how many requests came.
 */
async function answerWithError(context: BrowserContext, url: string, status: number, code: string, message: string, times = 1): Promise<() => number> {
  let count = 0;
  await context.route(url, async (route) => {
    if (count++ < times) await route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ error: { code, message } }) });
    else await route.fallback();
  });
  return () => count;
}

describe('the tab signed in through Entra ID: in a fake Teams, and in a plain browser', () => {
  let app: TestApp;
  let browser: Browser;
  let keyServer: Awaited<ReturnType<typeof startKeyServer>>;
  let key: SigningKey;
  let overviewUrl: string;
  let minted = 0;
  const mint = () => signToken({ ...accessTokenClaims({ tenantId: TENANT, clientId: CLIENT, objectId: OBJECT_ID, name: 'Jordan Ellis' }), n: ++minted }, key);

  /** A fresh browser context with the app at https://los.test, closed afterwards. */
  async function inContext(options: Parameters<Browser['newContext']>[0], run: (context: BrowserContext, base: string) => Promise<void>): Promise<void> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    try {
      await run(context, await serveOverHttps(context, app.url));
    } finally {
      await context.close();
    }
  }

  beforeAll(async () => {
    if (!existsSync(TAB_INDEX)) throw new Error(`The tab has not been built (${TAB_INDEX} is missing). Run npm run build first.`);
    key = newSigningKey();
    keyServer = await startKeyServer([key]);
    app = await startTestApp({
      env: { AUTH_MODE: 'entra', ENTRA_TENANT_ID: TENANT, ENTRA_CLIENT_ID: CLIENT, ENTRA_JWKS_URL: keyServer.url, PUBLIC_URL: HTTPS_ORIGIN },
    });
    const person = await app.app.database.db
      .updateTable('people')
      .set({ tenant_id: TENANT, entra_object_id: OBJECT_ID })
      .where('entra_object_id', '=', DEMO_SCRUTINEER_OID)
      .returning(['partnership_id'])
      .executeTakeFirstOrThrow();
    overviewUrl = `${HTTPS_ORIGIN}/api/v1/partnerships/${person.partnership_id}`;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await keyServer?.close();
  });

  it('refuses an API request that carries no token, or a dev person', async () => {
    for (const options of [{}, { as: DEMO_SCRUTINEER_OID }]) {
      const r = await request(app.url, 'GET', '/api/v1/me', options);
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('unauthenticated');
    }
  });

  it('in Teams, gets a token from Teams SSO, calls the API with it, and shows the partnership', { timeout: 60_000 }, () =>
    inContext({}, async (context, base) => {
      const sent = watchApi(context);
      const { page, host } = await openInFakeTeams(context, base, '/', { mintToken: mint });
      const errors = watchForErrors(page);
      const tab = page.frameLocator('#tab');
      const banner = tab.getByRole('banner');
      await banner.getByText(DEMO_PARTNERSHIP, { exact: true }).waitFor();
      await banner.getByText(SCRUTINEER_ROLE).waitFor();
      await tab.getByRole('heading', { name: 'At a glance' }).waitFor();
      await tab.getByRole('heading', { level: 3, name: 'Executive', exact: true }).waitFor();
      // Signed in by Teams: there is no one to switch to.
      expect(await tab.getByRole('button', { name: 'Switch person' }).count()).toBe(0);

      const calls = (await host.calls()).map((c) => c.func);
      expect(calls).toContain('initialize');
      // One token from Teams serves every call while it is valid.
      expect(calls.filter((f) => f === 'authentication.getAuthToken')).toHaveLength(1);
      expectAllSigned(sent);
      // How to sign in is asked without any identity.
      expect(sent.find((s) => s.path === SETTINGS_PATH)).toEqual({ path: SETTINGS_PATH });
      expect(errors.filter((e) => !/Failed to load resource/.test(e)), errors.join('\n')).toEqual([]);
    }),
  );

  it('in Teams, asks for a fresh token once when the server refuses one, and carries on', { timeout: 60_000 }, () =>
    inContext({}, async (context, base) => {
      const meCalls = await answerWithError(context, `${base}/api/v1/me`, 401, 'unauthenticated', 'The access token was refused: it has expired.');
      const { page, host } = await openInFakeTeams(context, base, '/', { mintToken: mint });
      await page.frameLocator('#tab').getByRole('heading', { name: 'At a glance' }).waitFor();
      expect((await host.calls()).filter((c) => c.func === 'authentication.getAuthToken')).toHaveLength(2);
      expect(meCalls()).toBe(2);
    }),
  );

  it('in Teams, says why when Teams cannot sign the person in, and tries again when asked', { timeout: 60_000 }, () =>
    inContext({}, async (context, base) => {
      let attempts = 0;
      const { page } = await openInFakeTeams(context, base, '/', {
        mintToken: () => {
          if (attempts++ === 0) throw new Error('FailedToOpenWindow');
          return mint();
        },
      });
      const tab = page.frameLocator('#tab');
      const problem = tab.getByText('Signing in did not work.');
      await problem.waitFor();
      await tab.getByText(/Teams could not sign you in to Line of Sight: FailedToOpenWindow/).waitFor();
      await tab.getByRole('button', { name: 'Try again' }).click();
      await tab.getByRole('heading', { name: 'At a glance' }).waitFor();
      expect(attempts).toBe(2);
    }),
  );

  it('in Teams, shows the consent prompt when the server needs consent, asks it in Teams’ window, then sends the call again', { timeout: 60_000 }, () =>
    inContext({}, async (context, base) => {
      const overviews = await answerWithError(context, overviewUrl, 403, 'consent_required', CONSENT_MESSAGE);
      const windows: string[] = [];
      const { page } = await openInFakeTeams(context, base, '/', {
        mintToken: mint,
        authenticate: (url) => {
          windows.push(url);
          return [true, 'consented'];
        },
      });
      const tab = page.frameLocator('#tab');
      const prompt = tab.getByRole('alert').filter({ hasText: 'Microsoft needs your consent' });
      await prompt.getByText(CONSENT_MESSAGE).waitFor();
      // The call waits for the answer: still loading, not failed.
      await tab.getByText('Loading the partnership overview…').waitFor();
      expect(await tab.getByText('Could not load the partnership overview.').count()).toBe(0);
      expect(overviews()).toBe(1);

      await prompt.getByRole('button', { name: 'Give consent' }).click();
      await tab.getByRole('heading', { name: 'At a glance' }).waitFor();
      expect(await prompt.count()).toBe(0);
      expect(overviews()).toBe(2);
      // Teams' authentication window opened our consent page, for the tenant the person's token came from.
      expect(windows).toEqual([`${base}/auth/consent-start?tenant=${TENANT}`]);
    }),
  );

  it('sends the consent window on to Entra’s consent page for the Graph scopes, and reports back to Teams', { timeout: 60_000 }, () =>
    inContext({}, async (context, base) => {
      // Step one: Entra is not reachable here; where the page goes is what matters.
      let authorize: URL | undefined;
      await context.route('https://login.microsoftonline.com/**', async (route) => {
        authorize = new URL(route.request().url());
        await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Entra</title>' });
      });
      const page = await context.newPage();
      await page.goto(`${base}/auth/consent-start?tenant=${TENANT}`);
      await expect.poll(() => authorize?.pathname, { timeout: 20_000 }).toBe(`/${TENANT}/oauth2/v2.0/authorize`);
      const q = authorize!.searchParams;
      expect(q.get('client_id')).toBe(CLIENT);
      expect(q.get('prompt')).toBe('consent');
      expect(q.get('scope')).toBe('openid https://graph.microsoft.com/.default');
      expect(q.get('redirect_uri')).toBe(`${base}/auth/consent-end`);
      expect(q.get('code_challenge_method')).toBe('S256');
      const state = q.get('state')!;
      expect(state.length).toBeGreaterThan(20);
      await page.close();

      // Step two, back from Entra, inside Teams' authentication window.
      const { host } = await openInFakeTeams(context, base, `/auth/consent-end?code=unused&state=${encodeURIComponent(state)}`, {
        mintToken: mint,
        frameContext: 'authentication',
        beforeTab: `sessionStorage.setItem('los.consentState', ${JSON.stringify(state)});`,
      });
      await expect.poll(async () => (await host.calls()).map((c) => c.func), { timeout: 20_000 }).toContain('authentication.authenticate.success');
    }),
  );

  it('in a plain browser, signs in with MSAL in a popup after a click, asks consent the same way, and stays signed in after a reload', { timeout: 60_000 }, () =>
    inContext({}, async (context, base) => {
      const entra = await standInForEntraSignIn(context, { tenantId: TENANT, clientId: CLIENT, objectId: OBJECT_ID, accessToken: mint });
      const sent = watchApi(context);
      const overviews = await answerWithError(context, overviewUrl, 403, 'consent_required', CONSENT_MESSAGE);
      const page = await context.newPage();
      const errors = watchForErrors(page);
      await page.goto(`${base}/`);
      await page.getByRole('heading', { level: 1, name: 'Sign in to Line of Sight' }).waitFor();
      // Nothing was sent without a token.
      expect(sent.filter((s) => s.path !== SETTINGS_PATH)).toEqual([]);

      const signInWindow = context.waitForEvent('page');
      await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
      await signInWindow;
      await page.getByRole('banner').getByText(DEMO_PARTNERSHIP, { exact: true }).waitFor();
      const signIn = entra.authorize[0]!.searchParams;
      expect(signIn.get('client_id')).toBe(CLIENT);
      expect(signIn.get('redirect_uri')).toBe(`${base}/auth/redirect`);
      expect(signIn.get('scope')?.split(' ')).toContain(`api://los.test/${CLIENT}/access_as_user`);

      // Consent, in a browser, is MSAL's popup too; then the call goes again.
      const consentWindow = context.waitForEvent('page');
      await page.getByRole('alert').getByRole('button', { name: 'Give consent' }).click();
      await consentWindow;
      await page.getByRole('heading', { name: 'At a glance' }).waitFor();
      expect(overviews()).toBe(2);
      expect(entra.authorize).toHaveLength(2);
      expect(entra.authorize[1]!.searchParams.get('prompt')).toBe('consent');
      expect(entra.authorize[1]!.searchParams.get('scope')?.split(' ')).toContain('https://graph.microsoft.com/.default');
      expectAllSigned(sent);
      expect(errors.filter((e) => !/Failed to load resource/.test(e)), errors.join('\n')).toEqual([]);

      // Reloaded, MSAL signs in silently from what it keeps: no click, no popup.
      await page.reload();
      await page.getByRole('heading', { name: 'At a glance' }).waitFor();
      expect(entra.authorize).toHaveLength(2);
    }),
  );

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`has no WCAG 2.2 AA violations on the Microsoft sign-in page and the consent prompt (${theme} theme)`, { timeout: 60_000 }, () =>
      // bypassCSP: axe is added as an inline script (test/support/page-checks.ts).
      inContext({ viewport: { width: 320, height: 800 }, bypassCSP: true }, async (context, base) => {
        await standInForEntraSignIn(context, { tenantId: TENANT, clientId: CLIENT, objectId: OBJECT_ID, accessToken: mint });
        await answerWithError(context, overviewUrl, 403, 'consent_required', CONSENT_MESSAGE, Infinity);
        const page = await context.newPage();
        await page.goto(`${base}/?theme=${theme}`);
        await page.getByRole('heading', { level: 1, name: 'Sign in to Line of Sight' }).waitFor();
        let violations = await runAxe(page);
        expect(violations, describeViolations(violations)).toEqual([]);

        await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
        await page.getByRole('alert').getByRole('button', { name: 'Give consent' }).waitFor();
        violations = await runAxe(page);
        expect(violations, describeViolations(violations)).toEqual([]);
      }),
    );
  }
});
