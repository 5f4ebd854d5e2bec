import { useEffect } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { TrackerAction } from '../../../src/contract/actions.js';
import { visuallyHidden } from '../theme/visually-hidden.js';
import { focusRing } from '../theme/focus-ring.js';
import { ActionRow } from './action-row.js';
import { GroupRow } from './group-row.js';
import type { TrackerRow } from './group-rows.js';
import { SortHeaderButton } from './sort-header.js';
import type { Sort, SortKey } from './sort-keys.js';
import { COLUMNS, ROW_HEIGHT } from './tracker-columns.js';
import type { EditableStatus } from './tracker-labels.js';
import { useWindowedRange } from './use-windowed-range.js';

const useStyles = makeStyles({
  scroller: {
    // Positioned, so that the visually hidden text in the cells (absolutely placed) is clipped with the table.
    position: 'relative',
    maxHeight: 'min(70vh, 48rem)',
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    ...focusRing,
  },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed', width: 'max-content', minWidth: '100%' },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground2,
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    textAlign: 'start',
    verticalAlign: 'bottom',
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  caption: visuallyHidden,
  spacer: { padding: 0, border: 'none' },
});

export interface TrackerTableProps {
  rows: readonly TrackerRow[];
  caption: string;
  sort: Sort;
  onSort: (key: SortKey) => void;
  onToggleGroup: (key: string) => void;
  canEdit: boolean;
  busyIds: ReadonlySet<string>;
  onStatus: (action: TrackerAction, status: EditableStatus) => void;
  onOpen: (actionId: string) => void;
  /** Changes when the filters or the grouping change: the list goes back to the top. */
  viewKey: string;
}

/**
 * The actions as a table that renders only the rows in view (and a few either side), so 5,000 actions
 * cost what 30 do. It stays a real table for assistive technology: aria-rowcount gives the whole
 * count, each rendered row its aria-rowindex; the header stays in place while the rows scroll.
 */
export function TrackerTable({ rows, caption, sort, onSort, onToggleGroup, canEdit, busyIds, onStatus, onOpen, viewKey }: TrackerTableProps) {
  const styles = useStyles();
  const { ref, onScroll, toTop, start, end } = useWindowedRange(rows.length, ROW_HEIGHT);

  useEffect(() => toTop(), [viewKey, toTop]);

  const above = start * ROW_HEIGHT;
  const below = (rows.length - end) * ROW_HEIGHT;
  return (
    <div ref={ref} className={styles.scroller} onScroll={onScroll} role="region" aria-label="Actions table" tabIndex={0} data-testid="tracker-scroller">
      <table className={styles.table} aria-rowcount={rows.length + 1}>
        <caption className={styles.caption}>{caption}</caption>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) =>
              c.key === 'open' ? (
                <th key={c.key} scope="col" className={styles.head}>
                  {c.label}
                </th>
              ) : (
                <th key={c.key} scope="col" className={styles.head} aria-sort={sort.key === c.key ? sort.direction : 'none'}>
                  <SortHeaderButton column={c.key} label={c.label} sort={sort} onSort={onSort} />
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {above > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} className={styles.spacer} style={{ height: above }} />
            </tr>
          )}
          {rows.slice(start, end).map((row, i) =>
            row.kind === 'group' ? (
              <GroupRow key={`g:${row.key}`} groupKey={row.key} label={row.label} count={row.count} expanded={row.expanded} rowIndex={start + i + 2} onToggle={onToggleGroup} />
            ) : (
              <ActionRow
                key={row.prepared.action.id}
                action={row.prepared.action}
                rowIndex={start + i + 2}
                canEdit={canEdit}
                busy={busyIds.has(row.prepared.action.id)}
                onStatus={onStatus}
                onOpen={onOpen}
              />
            ),
          )}
          {below > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} className={styles.spacer} style={{ height: below }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
