import { Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { Escalation } from '../../../src/contract/escalations.js';
import { SectionHeading } from '../components/section-heading.js';
import { formatDate } from '../format/dates.js';
import { ESCALATION_STATUS_LABELS } from './escalation-labels.js';

const useStyles = makeStyles({
  item: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  meta: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: `0 0 ${tokens.spacingVerticalS}` },
  text: { margin: `0 0 ${tokens.spacingVerticalS}`, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  label: { fontWeight: tokens.fontWeightSemibold },
});

/** One entry of the log. */
export function EscalationItem({ escalation: e, canManage, onEdit }: { escalation: Escalation; canManage: boolean; onEdit: () => void }) {
  const styles = useStyles();
  return (
    <li className={styles.item}>
      <SectionHeading level={3}>{e.title}</SectionHeading>
      <p className={styles.meta}>
        {ESCALATION_STATUS_LABELS[e.status]} · raised {formatDate(e.raisedAt)}
        {e.resolvedAt ? ` · ${e.status === 'closed' ? 'closed' : 'resolved'} ${formatDate(e.resolvedAt)}` : ''}
      </p>
      <p className={styles.text}>
        <span className={styles.label}>Agencies: </span>
        {e.parties.map((p) => p.name).join(', ') || 'none named'}
      </p>
      <p className={styles.text}>{e.issue}</p>
      {e.resolution && (
        <p className={styles.text}>
          <span className={styles.label}>Resolution: </span>
          {e.resolution}
        </p>
      )}
      {e.challenge && (
        <p className={styles.text}>
          <span className={styles.label}>From the challenge: </span>
          {e.challenge.question}
        </p>
      )}
      {canManage && (
        <Button size="small" onClick={onEdit} aria-label={`Update ${e.title}`}>
          Update
        </Button>
      )}
    </li>
  );
}
