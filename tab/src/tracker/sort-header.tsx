import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { focusRing } from '../theme/focus-ring.js';
import type { Sort, SortKey } from './sort-keys.js';

const useStyles = makeStyles({
  button: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    width: '100%',
    padding: 0,
    border: 'none',
    background: 'none',
    font: 'inherit',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { color: tokens.colorBrandForegroundLink },
    ...focusRing,
  },
  arrow: { width: '12px', height: '12px', flexShrink: 0, fill: 'currentColor' },
  idle: { opacity: 0.45 },
});

/** The arrow says the order to sighted users; aria-sort on the header says it to screen readers. */
function Arrow({ direction, className }: { direction: Sort['direction'] | null; className: string }) {
  const d = direction === 'descending' ? 'M2 4h8L6 9z' : direction === 'ascending' ? 'M2 8h8L6 3z' : 'M2 5h8L6 1zM2 7h8L6 11z';
  return (
    <svg viewBox="0 0 12 12" className={className} aria-hidden="true" focusable="false">
      <path d={d} />
    </svg>
  );
}

/** A sortable column's header: a button (Enter or Space sorts; again reverses). */
export function SortHeaderButton({ column, label, sort, onSort }: { column: SortKey; label: string; sort: Sort; onSort: (key: SortKey) => void }) {
  const styles = useStyles();
  const active = sort.key === column;
  return (
    <button type="button" className={styles.button} onClick={() => onSort(column)}>
      {label}
      <Arrow direction={active ? sort.direction : null} className={mergeClasses(styles.arrow, !active && styles.idle)} />
    </button>
  );
}
