import { useCallback, useSyncExternalStore } from 'react';
import { getDevPersonId, setDevPersonId, subscribeDevPerson } from './dev-person-store.js';

/**
 * Dev sign-in (AUTH_MODE=dev): which synthetic demo person this browser acts as.
 * Kept in localStorage; `signOut` clears it so another person can be chosen.
 */
export function useDevSession(): {
  personId: string | null;
  signIn: (personId: string) => void;
  signOut: () => void;
} {
  const personId = useSyncExternalStore(subscribeDevPerson, getDevPersonId, () => null);
  const signIn = useCallback((id: string) => setDevPersonId(id), []);
  const signOut = useCallback(() => setDevPersonId(null), []);
  return { personId, signIn, signOut };
}
