import { useCallback, useSyncExternalStore } from 'react';
import { parseLocation, routeFor, type RouteKey } from './routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

const current = (): RouteKey | 'not_found' => parseLocation(window.location.hash, window.location.pathname);

/** A tiny hash router: the current route, and a way to go to another. */
export function useHashRoute(): { route: RouteKey | 'not_found'; navigate: (key: RouteKey) => void } {
  const route = useSyncExternalStore(subscribe, current, () => 'home' as const);
  const navigate = useCallback((key: RouteKey) => {
    window.location.hash = routeFor(key).hash;
  }, []);
  return { route, navigate };
}
