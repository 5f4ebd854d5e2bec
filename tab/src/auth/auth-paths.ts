/*
 * The tab's sign-in pages. Each is index.html (the server answers unknown paths with it) and main.tsx
 * runs auth-pages.ts there instead of the app. Each is a redirect URI of the app registration's SPA
 * platform (aad.manifest.json).
 */

/** Where Entra sends MSAL's popup back to (a plain browser): it hands the answer to the opener. */
export const MSAL_REDIRECT_PATH = '/auth/redirect';
/** Opened by Teams' authentication window to ask the person's consent: goes on to Entra. */
export const CONSENT_START_PATH = '/auth/consent-start';
/** Where Entra sends that window back to: reports the outcome to Teams. */
export const CONSENT_END_PATH = '/auth/consent-end';

export const AUTH_PAGE_PATHS: readonly string[] = [MSAL_REDIRECT_PATH, CONSENT_START_PATH, CONSENT_END_PATH];

/** The consent page Teams opens, for the person's tenant. */
export function consentPageUrl(tenantId: string, origin: string = window.location.origin): string {
  return `${origin}${CONSENT_START_PATH}?tenant=${encodeURIComponent(tenantId)}`;
}
