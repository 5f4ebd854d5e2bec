import { getDevPersonId } from '../auth/dev-person-store.js';
import { mightBeHosted } from '../teams/teams-host.js';
import { parseLocation, type RouteKey } from './routes.js';

/*
 * The chunks each surface needs. The same specifiers as the lazy() calls in app-shell.tsx, so the
 * browser fetches each chunk once and React finds it already loaded.
 */
const PAGES: Partial<Record<RouteKey, () => Promise<unknown>>> = {
  home: () => import('../pages/home-page.js'),
  meeting: () => import('../pages/meeting-page.js'),
  papers: () => import('../pages/papers-page.js'),
  search: () => import('../pages/search-page.js'),
  libraries: () => import('../pages/libraries-page.js'),
};

/**
 * Starts fetching the app shell and the page the address asks for, at once, while the tab is still
 * asking the host and the server who the user is. Without it each waited for the step before it:
 * entry, then sign-in, then shell, then page — four round trips before a meeting's side panel could
 * be used (bench/first-render.ts).
 */
export function preloadRoute(location: Pick<Location, 'hash' | 'pathname'> = window.location): void {
  // Signed out in a browser, the sign-in page comes first; nothing else is worth fetching yet.
  if (!getDevPersonId() && !mightBeHosted()) return;
  const route = parseLocation(location.hash, location.pathname);
  const page = route === 'not_found' ? undefined : PAGES[route];
  void import('../app-shell.js').catch(() => undefined);
  void page?.().catch(() => undefined);
}
