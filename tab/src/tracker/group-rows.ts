import type { TrackerAction } from '../../../src/contract/actions.js';
import type { PreparedAction } from './prepared-actions.js';
import type { GroupBy } from './tracker-filters.js';
import { sourceLabel } from './tracker-labels.js';

/** One line of the table: a group's heading, or an action. */
export type TrackerRow =
  | { kind: 'group'; key: string; label: string; count: number; expanded: boolean }
  | { kind: 'action'; prepared: PreparedAction; groupKey: string | null };

const NONE = '\u0000none';

const GROUP_OF: Record<Exclude<GroupBy, 'none'>, (a: TrackerAction) => { key: string; label: string }> = {
  area: (a) => (a.area ? { key: a.area.id, label: a.area.name } : { key: NONE, label: 'No checklist area' }),
  agency: (a) => (a.agency ? { key: a.agency.id, label: a.agency.name } : { key: NONE, label: 'No agency' }),
  source: (a) => ({ key: a.source, label: sourceLabel(a.source) }),
  owner: (a) => (a.owner ? { key: a.owner.id, label: a.owner.name } : { key: NONE, label: 'No owner' }),
};

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/**
 * The rows to show: without grouping, the actions as sorted; grouped, each group's heading (by name, the
 * "no …" group last) followed by its actions in the sorted order, unless the group is collapsed.
 */
export function groupRows(sorted: readonly PreparedAction[], groupBy: GroupBy, collapsed: ReadonlySet<string>): TrackerRow[] {
  if (groupBy === 'none') return sorted.map((prepared) => ({ kind: 'action', prepared, groupKey: null }));
  const groupOf = GROUP_OF[groupBy];
  const groups = new Map<string, { label: string; members: PreparedAction[] }>();
  for (const p of sorted) {
    const { key, label } = groupOf(p.action);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { label, members: [] }));
    g.members.push(p);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === NONE ? 1 : b === NONE ? -1 : collator.compare(groups.get(a)!.label, groups.get(b)!.label)));
  const rows: TrackerRow[] = [];
  for (const key of keys) {
    const g = groups.get(key)!;
    const expanded = !collapsed.has(key);
    rows.push({ kind: 'group', key, label: g.label, count: g.members.length, expanded });
    if (expanded) for (const prepared of g.members) rows.push({ kind: 'action', prepared, groupKey: key });
  }
  return rows;
}
