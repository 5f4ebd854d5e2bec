import type { ReactNode } from 'react';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { MeetingSummary } from '../../../src/contract/index.js';
import { formatDateTime } from '../format/dates.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  text: { minWidth: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  title: { ...typographyStyles.body1Strong, overflowWrap: 'anywhere' },
  detail: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

function papers(count: number): string {
  if (count === 0) return 'no papers yet';
  return count === 1 ? '1 paper' : `${count} papers`;
}

/** Meetings with their UK date and time, forum and paper count; optionally an action each. */
export function MeetingList({ meetings, action }: { meetings: MeetingSummary[]; action?: (meeting: MeetingSummary) => ReactNode }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {meetings.map((meeting) => (
        <li key={meeting.id} className={styles.item}>
          <div className={styles.text}>
            <span className={styles.title}>{meeting.title}</span>
            <time className={styles.detail} dateTime={meeting.startsAt}>
              {formatDateTime(meeting.startsAt)}
            </time>
            <span className={styles.detail}>
              {meeting.forumName} · {papers(meeting.documentCount)}
            </span>
          </div>
          {action?.(meeting)}
        </li>
      ))}
    </ul>
  );
}
