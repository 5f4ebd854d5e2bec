import { useCallback, useMemo, useState } from 'react';
import { DEFAULT_SORT, type Sort, type SortKey } from './sort-keys.js';
import { filtersFromParams, isGroupBy, NO_FILTERS, type GroupBy, type TrackerFilters } from './tracker-filters.js';

/** The person's choices on the tracker: filters, search, sort, grouping and collapsed groups. */
export function useTrackerControls(initialParams: URLSearchParams) {
  const [filters, setFilters] = useState<TrackerFilters>(() => filtersFromParams(initialParams));
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [groupBy, setGroupByState] = useState<GroupBy>(() => {
    const g = initialParams.get('group');
    return isGroupBy(g) ? g : 'none';
  });
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());

  const setFilter = useCallback(<K extends keyof TrackerFilters>(key: K, value: TrackerFilters[K]) => setFilters((f) => ({ ...f, [key]: value })), []);
  const clearFilters = useCallback(() => setFilters(NO_FILTERS), []);

  /** A column header pressed: that column ascending, or the other way if it was already the one. */
  const sortBy = useCallback((key: SortKey) => {
    setSort((s) => (s.key === key ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: 'ascending' }));
  }, []);

  const setGroupBy = useCallback((g: GroupBy) => {
    setGroupByState(g);
    setCollapsed(new Set());
  }, []);

  const toggleGroup = useCallback((key: string) => {
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  return useMemo(
    () => ({ filters, setFilter, clearFilters, sort, sortBy, groupBy, setGroupBy, collapsed, toggleGroup }),
    [filters, setFilter, clearFilters, sort, sortBy, groupBy, setGroupBy, collapsed, toggleGroup],
  );
}
