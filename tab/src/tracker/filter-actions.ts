import type { PreparedAction } from './prepared-actions.js';
import type { TrackerFilters } from './tracker-filters.js';

/** The actions the filters let through. Search: every word must be found (as the export searches). */
export function filterPrepared(list: readonly PreparedAction[], f: TrackerFilters): PreparedAction[] {
  const words = f.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return list.filter(({ action: a, haystack }) => {
    if (f.status && a.status !== f.status) return false;
    if (f.rag && a.rag !== f.rag) return false;
    if (f.areaId && a.area?.id !== f.areaId) return false;
    if (f.agencyId && a.agency?.id !== f.agencyId) return false;
    if (f.source && a.source !== f.source) return false;
    if (f.ownerId && a.owner?.id !== f.ownerId) return false;
    if (f.forumId && a.forum?.id !== f.forumId) return false;
    for (const w of words) if (!haystack.includes(w)) return false;
    return true;
  });
}
