/**
 * The tab's token provider, with Teams and MSAL standing in (passed in, as the app passes the real ones):
 * Teams SSO inside Teams, MSAL in a plain browser, a token kept until shortly before it expires, a
 * refused token asked for again, and consent asked in the person's own tenant.
 */
import { describe, expect, it } from 'vitest';
import type { EntraSignInSettings } from '../../src/contract/sign-in.js';
import { awaitConsent, declineConsent, getConsentState, giveConsent } from '../../tab/src/auth/consent-store.js';
import { SignInFailed, SignInRequired, TokenProvider, type BrowserAuth, type TeamsAuth } from '../../tab/src/auth/token-provider.js';

const HOST_TENANT = '11111111-2222-4333-8444-555555555555';
const GUEST_TENANT = '33333333-2222-4333-8444-555555555555';
const settings: EntraSignInSettings = {
  mode: 'entra',
  clientId: '22222222-2222-4333-8444-555555555555',
  tenantId: HOST_TENANT,
  authorityHost: 'https://login.microsoftonline.com',
  apiScope: 'api://los.example.org/22222222-2222-4333-8444-555555555555/access_as_user',
  consentScopes: ['https://graph.microsoft.com/.default'],
};

/** An unsigned token with the claims the tab reads (the server is what checks signatures). */
const token = (claims: { exp: number; tid?: string; n?: number }) =>
  ['{"alg":"RS256"}', JSON.stringify(claims), 'sig'].map((p) => Buffer.from(p).toString('base64url')).join('.');

function fakeTeams(tokens: (() => Promise<string>)[]) {
  const calls = { getAuthToken: 0, authenticate: [] as string[] };
  const teams: TeamsAuth = {
    getAuthToken: () => {
      const next = tokens[Math.min(calls.getAuthToken, tokens.length - 1)]!;
      calls.getAuthToken += 1;
      return next();
    },
    authenticate: async (url) => {
      calls.authenticate.push(url);
    },
  };
  return { teams, calls };
}

function fakeBrowser(signedIn: string | undefined) {
  const calls = { silent: [] as { scopes: string[]; forceRefresh: boolean }[], popup: [] as { scopes: string[]; prompt: string }[] };
  let account = signedIn;
  const browser: BrowserAuth = {
    silentToken: async (scopes, forceRefresh) => {
      calls.silent.push({ scopes, forceRefresh });
      return account;
    },
    popupToken: async (scopes, prompt) => {
      calls.popup.push({ scopes, prompt });
      if (prompt === 'select_account') account = token({ exp: 4_000_000_000, n: 9 });
      return prompt === 'consent' ? 'a-graph-token' : account!;
    },
  };
  return { browser, calls };
}

function provider(where: 'teams' | 'browser', teams: TeamsAuth, browser: BrowserAuth, now = () => 1_000_000_000_000) {
  let browserLoads = 0;
  const p = new TokenProvider({
    settings,
    host: async () => where,
    teams: async () => teams,
    browser: async () => {
      browserLoads += 1;
      return browser;
    },
    consentPageUrl: (tenant) => `https://los.example.org/auth/consent-start?tenant=${tenant}`,
    now,
  });
  return { p, browserLoads: () => browserLoads };
}

describe('the tab’s token provider', () => {
  it('in Teams, uses Teams SSO, keeps the token until shortly before it expires, and never loads MSAL', async () => {
    let clock = 1_000_000_000_000;
    const first = token({ exp: clock / 1000 + 3600, n: 1 });
    const second = token({ exp: clock / 1000 + 7200, n: 2 });
    const { teams, calls } = fakeTeams([async () => first, async () => second]);
    const { p, browserLoads } = provider('teams', teams, fakeBrowser(undefined).browser, () => clock);

    // Two calls at once share one request to Teams.
    expect(await Promise.all([p.token(), p.token()])).toEqual([first, first]);
    expect(calls.getAuthToken).toBe(1);
    clock += 50 * 60_000;
    expect(await p.token()).toBe(first);
    // Within five minutes of expiry it is renewed.
    clock += 6 * 60_000;
    expect(await p.token()).toBe(second);
    expect(calls.getAuthToken).toBe(2);
    expect(browserLoads()).toBe(0);
  });

  it('asks Teams again when the server refused the token', async () => {
    const { teams, calls } = fakeTeams([async () => token({ exp: 4_000_000_000, n: 1 }), async () => token({ exp: 4_000_000_000, n: 2 })]);
    const { p } = provider('teams', teams, fakeBrowser(undefined).browser);
    const first = await p.token();
    const renewed = await p.token({ refresh: true });
    expect(renewed).not.toBe(first);
    expect(calls.getAuthToken).toBe(2);
  });

  it('says in words why Teams could not sign the person in', async () => {
    const { teams } = fakeTeams([async () => Promise.reject(new Error('resourceRequiresConsent'))]);
    const { p } = provider('teams', teams, fakeBrowser(undefined).browser);
    const refusal = p.token();
    await expect(refusal).rejects.toBeInstanceOf(SignInFailed);
    await expect(refusal).rejects.toThrow(/Teams could not sign you in.*resourceRequiresConsent/);
  });

  it('in a browser with no MSAL account, asks for a click; signing in (a popup) then gives the API token', async () => {
    const { browser, calls } = fakeBrowser(undefined);
    const { teams, calls: teamsCalls } = fakeTeams([async () => 'never']);
    const { p } = provider('browser', teams, browser);
    await expect(p.token()).rejects.toBeInstanceOf(SignInRequired);
    await p.signIn();
    expect(calls.popup).toEqual([{ scopes: [settings.apiScope], prompt: 'select_account' }]);
    // Kept from the sign-in: no silent call needed.
    const silentBefore = calls.silent.length;
    expect(await p.token()).toMatch(/\./);
    expect(calls.silent.length).toBe(silentBefore);
    expect(teamsCalls.getAuthToken).toBe(0);
  });

  it('in a browser, renews silently for the API scope, forcing MSAL past its cache after a refusal', async () => {
    const { browser, calls } = fakeBrowser(token({ exp: 4_000_000_000 }));
    const { p } = provider('browser', fakeTeams([]).teams, browser);
    await p.token();
    await p.token({ refresh: true });
    expect(calls.silent).toEqual([
      { scopes: [settings.apiScope], forceRefresh: false },
      { scopes: [settings.apiScope], forceRefresh: true },
    ]);
  });

  it('asks consent in Teams through its authentication window, in the tenant the person’s token came from', async () => {
    const { teams, calls } = fakeTeams([async () => token({ exp: 4_000_000_000, tid: GUEST_TENANT })]);
    const { p } = provider('teams', teams, fakeBrowser(undefined).browser);
    await p.consent();
    expect(calls.authenticate).toEqual([`https://los.example.org/auth/consent-start?tenant=${HOST_TENANT}`]);
    await p.token();
    await p.consent();
    expect(calls.authenticate[1]).toBe(`https://los.example.org/auth/consent-start?tenant=${GUEST_TENANT}`);
  });

  it('asks consent in a browser through MSAL’s popup, for the Graph scopes', async () => {
    const { browser, calls } = fakeBrowser(token({ exp: 4_000_000_000 }));
    const { p } = provider('browser', fakeTeams([]).teams, browser);
    await p.consent();
    expect(calls.popup).toEqual([{ scopes: settings.consentScopes, prompt: 'consent' }]);
  });
});

describe('the consent question', () => {
  it('holds every call that needs consent until it is given, then lets them all go again', async () => {
    const first = awaitConsent('The app needs your consent to read SharePoint.');
    const second = awaitConsent('Another call needs it too.');
    expect(getConsentState()).toEqual({ status: 'asked', message: 'The app needs your consent to read SharePoint.' });
    let granted = false;
    await giveConsent(async () => {
      granted = true;
    });
    expect(granted).toBe(true);
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(getConsentState()).toEqual({ status: 'idle' });
  });

  it('keeps asking when the consent window fails, and lets the calls fail when the person declines', async () => {
    const call = awaitConsent('Consent needed.');
    await giveConsent(async () => {
      throw new Error('The window was closed.');
    });
    expect(getConsentState()).toEqual({ status: 'failed', message: 'Consent needed.', problem: 'The window was closed.' });
    declineConsent();
    expect(await call).toBe(false);
    expect(getConsentState()).toEqual({ status: 'idle' });
  });

  it('stops holding a call nobody waits for any more', async () => {
    const controller = new AbortController();
    const call = awaitConsent('Consent needed.', controller.signal);
    controller.abort();
    expect(await call).toBe(false);
    expect(getConsentState()).toEqual({ status: 'idle' });
  });
});
