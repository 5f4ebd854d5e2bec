import { useDeferredValue, useMemo } from 'react';
import type { TrackerAction } from '../../../src/contract/actions.js';
import { filterOptions } from './filter-options.js';
import { filterPrepared } from './filter-actions.js';
import { groupRows } from './group-rows.js';
import { prepareActions } from './prepared-actions.js';
import { SortRanks, sortPrepared, type Sort } from './sort-keys.js';
import type { GroupBy, TrackerFilters } from './tracker-filters.js';

/**
 * The rows to show, worked out in memory with each step memoised: preparing the actions (search text)
 * and each column's order happen once per load; a filter change re-filters, a sort change re-sorts, a
 * collapsed group only regroups. The search is deferred so typing never waits for the table.
 */
export function useTrackerView(actions: readonly TrackerAction[], filters: TrackerFilters, sort: Sort, groupBy: GroupBy, collapsed: ReadonlySet<string>) {
  const prepared = useMemo(() => prepareActions(actions), [actions]);
  const ranks = useMemo(() => new SortRanks(prepared), [prepared]);
  const options = useMemo(() => filterOptions(actions), [actions]);
  const q = useDeferredValue(filters.q);
  const { status, rag, areaId, agencyId, source, ownerId, forumId } = filters;
  // Built from the fields, not from `filters`: a keystroke in the search box alone changes nothing here until deferred.
  const effective = useMemo(
    () => ({ status, rag, areaId, agencyId, source, ownerId, forumId, q }),
    [status, rag, areaId, agencyId, source, ownerId, forumId, q],
  );
  const filtered = useMemo(() => filterPrepared(prepared, effective), [prepared, effective]);
  const sorted = useMemo(() => sortPrepared(filtered, sort, ranks), [filtered, sort, ranks]);
  const rows = useMemo(() => groupRows(sorted, groupBy, collapsed), [sorted, groupBy, collapsed]);
  return { rows, shown: filtered.length, total: actions.length, options, searching: q !== filters.q };
}
