import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { Challenge } from '../../../src/contract/index.js';
import { formatDate } from '../format/dates.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  question: { ...typographyStyles.body1, margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  meta: { ...typographyStyles.caption1, margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  empty: { ...typographyStyles.body1, margin: 0 },
});

const STATUS: Record<Challenge['status'], string> = {
  open: 'Open',
  answered: 'Answered',
  follow_up: 'Follow-up asked',
  accepted: 'Accepted',
  escalated: 'Escalated',
  closed: 'Closed',
};

/** Challenges raised from this meeting's observations. */
export function MeetingChallenges({ challenges }: { challenges: Challenge[] }) {
  const styles = useStyles();
  if (challenges.length === 0) {
    return <p className={styles.empty}>No challenges from this meeting yet. Use Challenge on one of your saved observations to raise one.</p>;
  }
  return (
    <ul className={styles.list}>
      {challenges.map((c) => (
        <li key={c.id} className={styles.item}>
          <p className={styles.question}>{c.question}</p>
          <p className={styles.meta}>
            For {c.addressee.name}
            {c.addressee.agencyName ? ` (${c.addressee.agencyName})` : ''}
          </p>
          <p className={styles.meta}>
            {STATUS[c.status]}
            {c.dueDate && (
              <>
                {' · '}
                {c.overdue ? 'Overdue, was due' : 'Answer by'} <time dateTime={c.dueDate}>{formatDate(`${c.dueDate}T12:00:00Z`)}</time>
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
