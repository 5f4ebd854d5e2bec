import { Button, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import type { WorkPlanActivity } from '../../../src/contract/work-plan.js';
import { KIND_LABELS, QUARTER_NAMES } from './work-plan-labels.js';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto', marginBlockEnd: tokens.spacingVerticalL },
  table: { borderCollapse: 'collapse', minWidth: '100%' },
  cell: {
    ...typographyStyles.body1,
    textAlign: 'start',
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { ...typographyStyles.body1Strong, borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  number: { textAlign: 'end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  caption: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, textAlign: 'start', captionSide: 'bottom', paddingBlockStart: tokens.spacingVerticalS },
});

/** The year's activities: days planned / used in each quarter and in all, with Edit and Delete for those who may. */
export function ActivityTable({
  activities,
  canManage,
  onEdit,
  onDelete,
}: {
  activities: WorkPlanActivity[];
  canManage: boolean;
  onEdit: (a: WorkPlanActivity) => void;
  onDelete: (a: WorkPlanActivity) => void;
}) {
  const styles = useStyles();
  const c = styles.cell;
  const n = mergeClasses(c, styles.number);
  const h = mergeClasses(c, styles.head);
  return (
    <div className={styles.scroller} role="region" aria-label="Work plan activities" tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.caption}>Each quarter shows days planned / days used.</caption>
        <thead>
          <tr>
            <th scope="col" className={h}>Activity</th>
            <th scope="col" className={h}>Kind</th>
            <th scope="col" className={h}>Forum</th>
            {QUARTER_NAMES.map((q) => (
              <th key={q} scope="col" className={mergeClasses(h, styles.number)}>
                {q}
              </th>
            ))}
            <th scope="col" className={mergeClasses(h, styles.number)}>Planned</th>
            <th scope="col" className={mergeClasses(h, styles.number)}>Used</th>
            {canManage && <th scope="col" className={h}>Change</th>}
          </tr>
        </thead>
        <tbody>
          {activities.map((a) => (
            <tr key={a.id}>
              <th scope="row" className={c}>
                {a.title}
              </th>
              <td className={c}>{KIND_LABELS[a.kind]}</td>
              <td className={c}>{a.forumName ?? '—'}</td>
              {a.quarters.map((q) => (
                <td key={q.quarter} className={n}>
                  {q.plannedDays} / {q.actualDays}
                </td>
              ))}
              <td className={n}>{a.plannedDays}</td>
              <td className={n}>{a.actualDays}</td>
              {canManage && (
                <td className={c}>
                  <div className={styles.buttons}>
                    <Button size="small" onClick={() => onEdit(a)} aria-label={`Edit ${a.title}`}>
                      Edit
                    </Button>
                    <Button size="small" onClick={() => onDelete(a)} aria-label={`Delete ${a.title}`}>
                      Delete
                    </Button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
