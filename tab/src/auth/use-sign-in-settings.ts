import { useEffect, useState, useSyncExternalStore } from 'react';
import { knownSignInSettings, signInSettings, subscribeSignInSettings, type SignInSettings } from './sign-in-settings.js';

/**
 * How the server signs people in: undefined while it is asked (usually already answered at start-up,
 * router/preload-route.ts), with the failure and a retry when it could not be asked.
 */
export function useSignInSettings(): { settings: SignInSettings | undefined; failed: boolean; retry: () => void } {
  const settings = useSyncExternalStore(subscribeSignInSettings, knownSignInSettings, () => undefined);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (settings) return;
    let live = true;
    setFailed(false);
    signInSettings().catch(() => {
      if (live) setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [settings, attempt]);
  return { settings, failed, retry: () => setAttempt((n) => n + 1) };
}
