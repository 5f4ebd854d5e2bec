import { memo } from 'react';
import { Button, Link, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import type { TrackerAction } from '../../../src/contract/actions.js';
import { formatDay, ukDayOf } from '../format/day-dates.js';
import { visuallyHidden } from '../theme/visually-hidden.js';
import { RagBadge } from './rag-badge.js';
import { StatusMenu } from './status-menu.js';
import { isEditableStatus, sourceLabel, STATUS_LABELS, type EditableStatus } from './tracker-labels.js';
import { ROW_HEIGHT } from './tracker-columns.js';

const useStyles = makeStyles({
  row: {
    height: `${ROW_HEIGHT}px`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  cell: {
    ...typographyStyles.body1,
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    verticalAlign: 'middle',
    textAlign: 'start',
    overflow: 'hidden',
  },
  reference: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  // Two lines at most, so every row is the same height; the details drawer shows the whole text.
  clamp: {
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    overflowWrap: 'anywhere',
  },
  small: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, display: 'block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  overdue: { ...typographyStyles.caption1Strong, color: tokens.colorPaletteRedForeground1, display: 'block' },
  none: { color: tokens.colorNeutralForeground3 },
  hidden: visuallyHidden,
  link: { display: 'block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '100%' },
});

function Empty({ what }: { what: string }) {
  const styles = useStyles();
  return (
    <span className={styles.none}>
      <span aria-hidden="true">—</span>
      <span className={styles.hidden}>{what}</span>
    </span>
  );
}

export interface ActionRowProps {
  action: TrackerAction;
  rowIndex: number;
  canEdit: boolean;
  busy: boolean;
  onStatus: (action: TrackerAction, status: EditableStatus) => void;
  onOpen: (actionId: string) => void;
}

/** One action in the table. Memoised: scrolling renders only the rows coming into view. */
export const ActionRow = memo(function ActionRow({ action: a, rowIndex, canEdit, busy, onStatus, onOpen }: ActionRowProps) {
  const styles = useStyles();
  const cell = styles.cell;
  const firstLink = a.evidence.links[0];
  return (
    <tr className={styles.row} aria-rowindex={rowIndex} data-action-id={a.id}>
      <th scope="row" className={mergeClasses(cell, styles.reference)}>
        {a.reference}
      </th>
      <td className={cell}>
        <span className={styles.clamp}>{a.title}</span>
      </td>
      <td className={cell}>
        {sourceLabel(a.source)}
        {a.sourceRef && <span className={styles.small}>{a.sourceRef}</span>}
      </td>
      <td className={cell}>{a.area ? <span className={styles.clamp}>{a.area.name}</span> : <Empty what="No area" />}</td>
      <td className={cell}>{a.owner ? <span className={styles.clamp}>{a.owner.name}</span> : <Empty what="No owner" />}</td>
      <td className={cell}>{a.agency ? <span className={styles.clamp}>{a.agency.name}</span> : <Empty what="No agency" />}</td>
      <td className={cell}>
        {a.dueDate ? <time dateTime={a.dueDate}>{formatDay(a.dueDate)}</time> : <Empty what="No due date" />}
        {a.overdue && <span className={styles.overdue}>Overdue</span>}
      </td>
      <td className={cell}>
        {canEdit && isEditableStatus(a.status) ? (
          <StatusMenu reference={a.reference} status={a.status} busy={busy} onChange={(s) => onStatus(a, s)} />
        ) : (
          STATUS_LABELS[a.status]
        )}
        <span className={styles.small}>{a.percentComplete}% done</span>
      </td>
      <td className={cell}>
        <RagBadge rag={a.rag} />
      </td>
      <td className={cell}>
        {a.lastUpdate ? (
          <>
            <time dateTime={a.lastUpdate.at}>{formatDay(ukDayOf(a.lastUpdate.at))}</time>
            {a.lastUpdate.by && <span className={styles.hidden}>, by {a.lastUpdate.by.name}</span>}
            {a.lastUpdate.comment && <span className={styles.small}>{a.lastUpdate.comment}</span>}
          </>
        ) : (
          <Empty what="No update yet" />
        )}
      </td>
      <td className={cell}>
        {firstLink ? (
          <>
            <Link href={firstLink.url} target="_blank" rel="noreferrer" className={styles.link}>
              {firstLink.title}
            </Link>
            {a.evidence.count > 1 && <span className={styles.small}>and {a.evidence.count - 1} more</span>}
          </>
        ) : (
          <span className={styles.none}>None</span>
        )}
      </td>
      <td className={cell}>
        <Button size="small" onClick={() => onOpen(a.id)} aria-label={`Open ${a.reference}: details, update, evidence and history`}>
          Open
        </Button>
      </td>
    </tr>
  );
});
