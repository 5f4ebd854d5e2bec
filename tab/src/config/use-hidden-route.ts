import { useSyncExternalStore } from 'react';
import { parseHiddenLocation, type HiddenRouteKey } from '../router/routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

const current = (): HiddenRouteKey | null => parseHiddenLocation(window.location.hash, window.location.pathname);

/** The hidden page the address asks for (the tab configuration page), kept in step with the address. */
export function useHiddenRoute(): HiddenRouteKey | null {
  return useSyncExternalStore(subscribe, current, () => null);
}
