import type { TabSurface } from '../../../src/domain/deep-links.js';
import { GROUP_BY_LABELS, type GroupBy } from '../tracker/tracker-filters.js';

/** What a tracker tab shows: its grouping, and optionally one forum's actions (a channel is often a forum's). */
export interface TrackerView {
  group: GroupBy;
  forum: { id: string; name: string } | null;
}

/** Which page a dashboard tab opens: the dashboard itself, the work plan or the escalations log. */
export const DASHBOARD_PAGES = ['dashboard', 'work-plan', 'escalations'] as const;
export type DashboardPage = (typeof DASHBOARD_PAGES)[number];
export const DASHBOARD_PAGE_LABELS: Record<DashboardPage, string> = {
  dashboard: 'Assurance dashboard',
  'work-plan': 'Work plan',
  escalations: 'Escalations log',
};

export const DEFAULT_TRACKER_VIEW: TrackerView = { group: 'none', forum: null };

/** The hash a configured tab opens at (the hash wins over the path in the router), the id part and the name. */
export function viewParts(surface: TabSurface, tracker: TrackerView, page: DashboardPage): { hash: string; id: string; name: string } | null {
  if (surface === 'tracker' && (tracker.group !== 'none' || tracker.forum)) {
    const params = new URLSearchParams();
    if (tracker.group !== 'none') params.set('group', tracker.group);
    if (tracker.forum) params.set('forum', tracker.forum.id);
    const id = ['tracker', tracker.group !== 'none' ? tracker.group : null, tracker.forum?.id.toLowerCase()].filter(Boolean).join('-');
    const by = tracker.group !== 'none' ? ` by ${GROUP_BY_LABELS[tracker.group].toLowerCase()}` : '';
    const name = tracker.forum ? `Actions: ${tracker.forum.name}` : `Actions${by}`;
    return { hash: `#/tracker?${params}`, id, name: name.length > 40 ? `${name.slice(0, 39)}…` : name };
  }
  if (surface === 'dashboard' && page !== 'dashboard') return { hash: `#/${page}`, id: page, name: DASHBOARD_PAGE_LABELS[page] };
  return null;
}
