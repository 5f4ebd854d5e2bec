import { hostConnection } from '../teams/teams-host.js';
import { consentPageUrl } from './auth-paths.js';
import { getDevPersonId } from './dev-person-store.js';
import { signInSettings } from './sign-in-settings.js';
import { TokenProvider } from './token-provider.js';

/** The dev identity header the server's DevAuthenticator reads (src/server/authenticator.ts). */
export const DEV_PERSON_HEADER = 'x-los-dev-person';

let provider: Promise<TokenProvider> | undefined;

/** The page's one token provider (AUTH_MODE=entra), made from the server's sign-in settings. */
export function tokenProvider(): Promise<TokenProvider> {
  provider ??= signInSettings().then((settings) => {
    if (settings.mode !== 'entra') throw new Error('This server signs people in with dev sign-in, not Entra ID.');
    return new TokenProvider({
      settings,
      host: () => hostConnection().then((host) => host.mode),
      teams: () => import('./teams-auth.js').then((m) => m.loadTeamsAuth()),
      // Loaded only here, in a plain browser signed in through Entra: MSAL stays out of the side panel.
      browser: () => import('./msal-auth.js').then((m) => m.createBrowserAuth(settings)),
      consentPageUrl: (tenantId) => consentPageUrl(tenantId),
    });
  });
  provider.catch(() => (provider = undefined));
  return provider;
}

/**
 * How a call proves who is calling: a remembered demo person's id (dev sign-in, as it always was, at
 * once), otherwise a bearer token when the server signs people in with Entra, otherwise nothing.
 * Public routes (how to sign in, the demo people) need nothing. May throw SignInRequired/SignInFailed.
 */
export async function credentialsFor(route: { access: string }, { refresh = false } = {}): Promise<Record<string, string>> {
  const devPersonId = getDevPersonId();
  if (devPersonId) return { [DEV_PERSON_HEADER]: devPersonId };
  if (route.access === 'public') return {};
  // Not known (a server too old to say, or not reachable): the call goes as it always did, unsigned.
  const settings = await signInSettings().catch(() => undefined);
  if (settings?.mode !== 'entra') return {};
  const token = await (await tokenProvider()).token({ refresh });
  return { authorization: `Bearer ${token}` };
}

/** Whether a refused call is worth one more try with a fresh token: only when signing in through Entra. */
export async function mayRenewSignIn(): Promise<boolean> {
  return signInSettings().then(
    (settings) => settings.mode === 'entra',
    () => false,
  );
}
