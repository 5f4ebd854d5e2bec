import { InteractionRequiredAuthError, PublicClientApplication } from '@azure/msal-browser';
import type { EntraSignInSettings } from '../../../src/contract/sign-in.js';
import { MSAL_REDIRECT_PATH } from './auth-paths.js';
import type { BrowserAuth } from './token-provider.js';

/**
 * MSAL in a plain browser (never in Teams, where Teams SSO gives the token). This module is only ever
 * loaded with import(), so MSAL (~90 kB gzip) stays out of the side panel's code.
 */
export async function createBrowserAuth(settings: EntraSignInSettings, origin: string = window.location.origin): Promise<BrowserAuth> {
  const msal = new PublicClientApplication({
    auth: {
      clientId: settings.clientId,
      // The host tenant, as in Teams: its members and its guests sign in there.
      authority: `${settings.authorityHost}/${settings.tenantId}`,
      redirectUri: `${origin}${MSAL_REDIRECT_PATH}`,
    },
    // Tokens last for the browser session; a new tab signs in silently from them.
    cache: { cacheLocation: 'localStorage' },
  });
  await msal.initialize();
  const account = () => msal.getActiveAccount() ?? msal.getAllAccounts()[0] ?? undefined;
  return {
    async silentToken(scopes, forceRefresh) {
      const signedIn = account();
      if (!signedIn) return undefined;
      try {
        return (await msal.acquireTokenSilent({ scopes, account: signedIn, forceRefresh })).accessToken;
      } catch (error) {
        if (error instanceof InteractionRequiredAuthError) return undefined;
        throw error;
      }
    },
    async popupToken(scopes, prompt) {
      const result = await msal.acquireTokenPopup({ scopes, prompt, account: account() });
      if (result.account) msal.setActiveAccount(result.account);
      return result.accessToken;
    },
  };
}
