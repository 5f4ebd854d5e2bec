import type { Operation } from '../../../src/domain/permissions.js';

/** The tab's surfaces, in navigation order. `hash` is what the address shows. */
export const ROUTES = [
  { key: 'home', hash: '#/', label: 'Home', title: 'Partnership overview' },
  { key: 'meeting', hash: '#/meeting', label: 'Meeting', title: 'Meeting side panel' },
  { key: 'papers', hash: '#/papers', label: 'Papers', title: 'Papers' },
  { key: 'tracker', hash: '#/tracker', label: 'Action tracker', title: 'Action tracker' },
  { key: 'dashboard', hash: '#/dashboard', label: 'Dashboard', title: 'Assurance dashboard' },
  { key: 'work-plan', hash: '#/work-plan', label: 'Work plan', title: 'Work plan' },
  { key: 'escalations', hash: '#/escalations', label: 'Escalations', title: 'Escalations log' },
  { key: 'reports', hash: '#/reports', label: 'Reports', title: 'Reports' },
  { key: 'search', hash: '#/search', label: 'Search', title: 'Search' },
  { key: 'challenges', hash: '#/challenges', label: 'Challenges', title: 'Challenges' },
  { key: 'libraries', hash: '#/libraries', label: 'Libraries', title: 'Libraries' },
  { key: 'data-protection', hash: '#/data-protection', label: 'Data protection', title: 'Data protection' },
] as const;

export type RouteKey = (typeof ROUTES)[number]['key'];
export type Route = (typeof ROUTES)[number];

/** Routes offered only to people whose role includes an operation (the server refuses the rest anyway). */
export const ROUTE_PERMISSIONS: Partial<Record<RouteKey, Operation>> = {
  libraries: 'document.read',
  dashboard: 'report.read',
  'work-plan': 'work_plan.read',
  escalations: 'escalation.read',
  'data-protection': 'data_protection.manage',
  reports: 'report.read',
};

/** The routes to offer someone with these permissions, in navigation order. */
export function routesFor(permissions: readonly string[]): Route[] {
  return ROUTES.filter((r) => {
    const needed = ROUTE_PERMISSIONS[r.key];
    return !needed || permissions.includes(needed);
  });
}

const BY_KEY = new Map<string, Route>(ROUTES.map((r) => [r.key, r]));

export function routeFor(key: RouteKey): Route {
  return BY_KEY.get(key)!;
}

/**
 * Reads the route from the address: the hash (`#/papers`) first; with no hash,
 * the last path segment, so a deep link saved by a Teams tab configuration
 * (e.g. `/tab/meeting`) opens the right surface. Unknown → 'not_found'.
 */
export function parseLocation(hash: string, pathname: string): RouteKey | 'not_found' {
  const fromHash = hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '';
  if (hash && hash !== '#') {
    if (fromHash === '') return 'home';
    return BY_KEY.has(fromHash) ? (fromHash as RouteKey) : 'not_found';
  }
  const segment = pathname.split('/').filter(Boolean).pop() ?? '';
  return BY_KEY.has(segment) ? (segment as RouteKey) : 'home';
}

/**
 * Pages reached only by their address, never offered in the navigation: the Teams tab configuration
 * page (the manifest's configurationUrl, `/tab/config`). Kept apart from ROUTES so the navigation and the
 * surface pages need not know about them.
 */
export const HIDDEN_ROUTES = [{ key: 'config', hash: '#/config', label: 'Tab settings', title: 'Set up this tab' }] as const;
export type HiddenRouteKey = (typeof HIDDEN_ROUTES)[number]['key'];
export type HiddenRoute = (typeof HIDDEN_ROUTES)[number];

/** The hidden page the address asks for (hash first, else the last path segment), or null. */
export function parseHiddenLocation(hash: string, pathname: string): HiddenRouteKey | null {
  const name = hash && hash !== '#' ? (hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '') : (pathname.split('/').filter(Boolean).pop() ?? '');
  return HIDDEN_ROUTES.find((r) => r.key === name)?.key ?? null;
}

export function hiddenRouteFor(key: HiddenRouteKey): HiddenRoute {
  return HIDDEN_ROUTES.find((r) => r.key === key)!;
}
