import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ACTION_SOURCES, ACTION_STATUSES, RAG } from '../../../src/domain/vocabulary.js';
import type { ActionSource, ActionStatus, Rag } from '../../../src/domain/vocabulary.js';
import { FilterSelect } from './filter-select.js';
import type { FilterOptions } from './filter-options.js';
import { GROUP_BY_LABELS, GROUP_BYS, hasFilters, isGroupBy, type GroupBy, type TrackerFilters } from './tracker-filters.js';
import { RAG_LABELS, sourceLabel, STATUS_LABELS } from './tracker-labels.js';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalS, marginBlockEnd: tokens.spacingVerticalM },
  search: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  searchField: { flexGrow: 1, minWidth: '12rem', maxWidth: '28rem' },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(9.5rem, 1fr))',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'end',
  },
});

const STATUS_OPTIONS = ACTION_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }));
const RAG_OPTIONS = RAG.map((r) => ({ value: r, text: RAG_LABELS[r] }));
const SOURCE_OPTIONS = ACTION_SOURCES.map((s) => ({ value: s, text: sourceLabel(s) }));

/** Search, the filters (each one value or any), grouping, and clearing them. */
export function TrackerToolbar({
  filters,
  setFilter,
  clearFilters,
  groupBy,
  setGroupBy,
  options,
}: {
  filters: TrackerFilters;
  setFilter: <K extends keyof TrackerFilters>(key: K, value: TrackerFilters[K]) => void;
  clearFilters: () => void;
  groupBy: GroupBy;
  setGroupBy: (g: GroupBy) => void;
  options: FilterOptions;
}) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <div className={styles.search} role="search">
        <Field label="Search actions" className={styles.searchField} hint="Reference, action, owner, agency or the latest update.">
          <Input type="search" value={filters.q} onChange={(_, d) => setFilter('q', d.value)} autoComplete="off" />
        </Field>
        <Button onClick={clearFilters} disabled={!hasFilters(filters)}>
          Clear search and filters
        </Button>
      </div>
      <div className={styles.filters} role="group" aria-label="Filters and grouping">
        <FilterSelect label="Status" value={filters.status} options={STATUS_OPTIONS} onChange={(v) => setFilter('status', v as ActionStatus | '')} />
        <FilterSelect label="RAG" value={filters.rag} options={RAG_OPTIONS} onChange={(v) => setFilter('rag', v as Rag | '')} />
        <FilterSelect label="Checklist area" value={filters.areaId} options={options.areas} onChange={(v) => setFilter('areaId', v)} />
        <FilterSelect label="Agency" value={filters.agencyId} options={options.agencies} onChange={(v) => setFilter('agencyId', v)} />
        <FilterSelect label="Source" value={filters.source} options={SOURCE_OPTIONS} onChange={(v) => setFilter('source', v as ActionSource | '')} />
        <FilterSelect label="Owner" value={filters.ownerId} options={options.owners} onChange={(v) => setFilter('ownerId', v)} />
        {(options.forums.length > 1 || filters.forumId) && (
          <FilterSelect label="Forum" value={filters.forumId} options={options.forums} onChange={(v) => setFilter('forumId', v)} />
        )}
        <Field label="Group by" size="small">
          <Select size="small" value={groupBy} onChange={(_, d) => isGroupBy(d.value) && setGroupBy(d.value)}>
            {GROUP_BYS.map((g) => (
              <option key={g} value={g}>
                {GROUP_BY_LABELS[g]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </div>
  );
}
