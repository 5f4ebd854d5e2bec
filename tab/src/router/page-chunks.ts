import { chunk, type Chunk } from './chunk.js';
import type { RouteKey } from './routes.js';

/*
 * The tab's parts that load on demand: the signed-in shell and each page. One place, so the preloader
 * (preload-route.ts) and the components that show them share one load.
 */
export const APP_SHELL = chunk(() => import('../app-shell.js'));
export const SIGN_IN_PAGE = chunk(() => import('../pages/sign-in-page.js'));

/** A meeting's workspace in the side panel (capture form, timeline…), apart from the pick list. */
export const MEETING_PANEL = chunk(() => import('../meeting/meeting-panel.js').then((m) => ({ default: m.MeetingPanel })));

export const PAGES = {
  home: chunk(() => import('../pages/home-page.js')),
  meeting: chunk(() => import('../pages/meeting-page.js')),
  papers: chunk(() => import('../pages/papers-page.js')),
  search: chunk(() => import('../pages/search-page.js')),
  libraries: chunk(() => import('../pages/libraries-page.js')),
  surface: chunk(() => import('../pages/surface-page.js')),
  notFound: chunk(() => import('../pages/not-found-page.js')),
  config: chunk(() => import('../pages/config-page.js')),
  tracker: chunk(() => import('../pages/tracker-page.js')),
  dashboard: chunk(() => import('../pages/dashboard-page.js')),
  workPlan: chunk(() => import('../pages/work-plan-page.js')),
  escalations: chunk(() => import('../pages/escalations-page.js')),
  dataProtection: chunk(() => import('../pages/data-protection-page.js')),
  reports: chunk(() => import('../pages/reports-page.js')),
};

/** The page chunk that shows a route (app-shell.tsx renders the same). */
export function pageFor(route: RouteKey | 'not_found'): Chunk<unknown> {
  if (route === 'not_found') return PAGES.notFound;
  if (route === 'home' || route === 'meeting' || route === 'papers' || route === 'search' || route === 'libraries') return PAGES[route];
  if (route === 'tracker' || route === 'dashboard' || route === 'escalations') return PAGES[route];
  if (route === 'reports') return PAGES.reports;
  if (route === 'work-plan') return PAGES.workPlan;
  if (route === 'data-protection') return PAGES.dataProtection;
  return PAGES.surface;
}
