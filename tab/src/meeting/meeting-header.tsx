import { useEffect, useRef } from 'react';
import { Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { MeetingDetail } from '../../../src/contract/index.js';
import { formatDateTime } from '../format/dates.js';

const useStyles = makeStyles({
  heading: { ...typographyStyles.subtitle1, margin: `0 0 ${tokens.spacingVerticalXS}`, overflowWrap: 'anywhere' },
  detail: { ...typographyStyles.body1, margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** Which meeting this is, and the way back to the list. */
export function MeetingHeader({ meeting, onChooseAnother }: { meeting: MeetingDetail; onChooseAnother: () => void }) {
  const styles = useStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The control that opened the meeting (a Choose button) is gone: start keyboard and screen-reader users here.
  useEffect(() => headingRef.current?.focus({ preventScroll: true }), [meeting.id]);
  return (
    <div>
      <h2 id="meeting-chosen" ref={headingRef} tabIndex={-1} className={styles.heading}>
        {meeting.title}
      </h2>
      <p className={styles.detail}>
        <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt)}</time> · {meeting.forumName}
      </p>
      <Button size="small" onClick={onChooseAnother}>
        Choose another meeting
      </Button>
    </div>
  );
}
