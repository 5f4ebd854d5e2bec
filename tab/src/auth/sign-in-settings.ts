import type { SignInSettings } from '../../../src/contract/sign-in.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { getDevPersonId, setDevPersonId } from './dev-person-store.js';

export type { EntraSignInSettings, SignInSettings } from '../../../src/contract/sign-in.js';

/*
 * How this server signs people in (GET /api/v1/auth/config): asked once per page, at start-up
 * (router/preload-route.ts), before any call that needs a sign-in. Read with plain fetch: the API client
 * asks this module how to sign its calls, so it cannot be the one asking.
 */

let settings: Promise<SignInSettings> | undefined;
let known: SignInSettings | undefined;
const listeners = new Set<() => void>();

async function load(): Promise<SignInSettings> {
  const response = await fetch(apiRoutes.signInSettings.path, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  const body = (await response.json().catch(() => undefined)) as SignInSettings | undefined;
  if (!response.ok || (body?.mode !== 'dev' && body?.mode !== 'entra')) {
    throw new Error(`The server did not say how to sign in (HTTP ${response.status}).`);
  }
  return body;
}

/** The server's answer, fetched once; a failure is forgotten so that the next ask tries again. */
export function signInSettings(): Promise<SignInSettings> {
  settings ??= load().then(
    (value) => {
      known = value;
      // A demo person remembered from a dev server on this address means nothing to an Entra one.
      if (value.mode === 'entra' && getDevPersonId()) setDevPersonId(null);
      for (const listener of listeners) listener();
      return value;
    },
    (error: unknown) => {
      settings = undefined;
      for (const listener of listeners) listener();
      throw error;
    },
  );
  return settings;
}

/** The answer if it has come, for code that must decide at once (what code to preload, the first render). */
export function knownSignInSettings(): SignInSettings | undefined {
  return known;
}

/** Told when the answer comes, or fails. */
export function subscribeSignInSettings(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
