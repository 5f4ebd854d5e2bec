import { CONSENT_END_PATH, CONSENT_START_PATH, MSAL_REDIRECT_PATH } from './auth-paths.js';
import { signInSettings } from './sign-in-settings.js';

/*
 * The sign-in pages (auth-paths.ts), run by main.tsx in place of the app. They show a line of text only:
 * each lasts a moment in a popup window.
 */

const STATE_KEY = 'los.consentState';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomText = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/**
 * Teams' authentication window, step one: on to Entra's consent page for what Graph on the person's
 * behalf needs. Only the consent matters (the server's on-behalf-of exchange uses it), so the code
 * Entra sends back is never redeemed; the PKCE challenge is there because Entra expects one from an SPA.
 */
async function startConsent(location: Location): Promise<void> {
  const settings = await signInSettings();
  if (settings.mode !== 'entra') throw new Error('This server does not sign people in with Entra ID.');
  const asked = new URLSearchParams(location.search).get('tenant') ?? '';
  const tenant = GUID.test(asked) ? asked : settings.tenantId;
  const state = randomText();
  sessionStorage.setItem(STATE_KEY, state);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(randomText()))));
  const query = new URLSearchParams({
    client_id: settings.clientId,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: `${location.origin}${CONSENT_END_PATH}`,
    scope: ['openid', ...settings.consentScopes].join(' '),
    prompt: 'consent',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`${settings.authorityHost}/${tenant}/oauth2/v2.0/authorize?${query}`);
}

/** Step two, back from Entra: tells Teams whether consent was given (Teams closes the window). */
async function endConsent(location: Location): Promise<void> {
  const answer = new URLSearchParams(location.search);
  // The code is of no use to anyone: off the address at once.
  history.replaceState(null, '', location.pathname);
  const expected = sessionStorage.getItem(STATE_KEY);
  sessionStorage.removeItem(STATE_KEY);
  const { app, authentication } = await import('@microsoft/teams-js');
  await app.initialize();
  if (!expected || answer.get('state') !== expected) authentication.notifyFailure('The answer from Microsoft did not match the request.');
  else if (answer.get('error')) authentication.notifyFailure(answer.get('error_description') ?? answer.get('error') ?? 'Consent was not given.');
  else authentication.notifySuccess();
}

/** MSAL's popup (a plain browser), back from Entra: hands the answer to the page that opened it. */
async function finishMsalPopup(): Promise<void> {
  const { broadcastResponseToMainFrame } = await import('@azure/msal-browser/redirect-bridge');
  await broadcastResponseToMainFrame();
}

const WORDS: Record<string, string> = {
  [MSAL_REDIRECT_PATH]: 'Finishing signing in…',
  [CONSENT_START_PATH]: 'Taking you to Microsoft to give your consent…',
  [CONSENT_END_PATH]: 'Finishing…',
};

/** Runs the sign-in page at this address, writing what happens into `root`. */
export async function runAuthPage(root: HTMLElement, location: Location = window.location): Promise<void> {
  root.textContent = WORDS[location.pathname] ?? '';
  try {
    if (location.pathname === MSAL_REDIRECT_PATH) await finishMsalPopup();
    else if (location.pathname === CONSENT_START_PATH) await startConsent(location);
    else if (location.pathname === CONSENT_END_PATH) await endConsent(location);
  } catch (error) {
    root.textContent = `Signing in did not finish: ${error instanceof Error ? error.message : String(error)}. Close this window and try again.`;
  }
}
