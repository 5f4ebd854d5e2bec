import { memo } from 'react';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { focusRing } from '../theme/focus-ring.js';
import { COLUMNS, ROW_HEIGHT } from './tracker-columns.js';

const useStyles = makeStyles({
  row: { height: `${ROW_HEIGHT}px`, backgroundColor: tokens.colorNeutralBackground3 },
  cell: {
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  button: {
    ...typographyStyles.subtitle2,
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: 'none',
    background: 'none',
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    ...focusRing,
  },
  chevron: { width: '12px', height: '12px', fill: 'currentColor', flexShrink: 0 },
  count: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2 },
});

/** A group's heading in the table: a button that folds its actions away or shows them again. */
export const GroupRow = memo(function GroupRow({
  groupKey,
  label,
  count,
  expanded,
  rowIndex,
  onToggle,
}: {
  groupKey: string;
  label: string;
  count: number;
  expanded: boolean;
  rowIndex: number;
  onToggle: (key: string) => void;
}) {
  const styles = useStyles();
  return (
    <tr className={styles.row} aria-rowindex={rowIndex}>
      <td colSpan={COLUMNS.length} className={styles.cell}>
        <button type="button" className={styles.button} aria-expanded={expanded} onClick={() => onToggle(groupKey)}>
          <svg viewBox="0 0 12 12" className={styles.chevron} aria-hidden="true" focusable="false">
            <path d={expanded ? 'M2 4h8L6 9z' : 'M4 2v8l5-4z'} />
          </svg>
          {label}
          <span className={styles.count}>
            {count} {count === 1 ? 'action' : 'actions'}
          </span>
        </button>
      </td>
    </tr>
  );
});
