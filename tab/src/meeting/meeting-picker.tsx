import { useEffect, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { MeetingSummary } from '../../../src/contract/index.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { MeetingList } from '../components/meeting-list.js';
import { formatDateTime, ukIsoDate } from '../format/dates.js';
import { MEETING_PANEL } from '../router/page-chunks.js';
import { earlierMeetings, upcomingMeetings } from './meeting-queries.js';

const SHOWN = 10;

const useStyles = makeStyles({
  more: { marginBlockStart: tokens.spacingVerticalS },
});

/** Today's and later meetings (or, on request, earlier ones), each with a Choose button. */
export function MeetingPicker({ partnershipId, onChoose }: { partnershipId: string; onChoose: (meeting: MeetingSummary) => void }) {
  const styles = useStyles();
  const [today] = useState(() => ukIsoDate());
  const [earlier, setEarlier] = useState(false);
  const query = earlier ? earlierMeetings(today) : upcomingMeetings(today);
  const { state, retry } = useApi(apiRoutes.listMeetings, { params: { partnershipId }, query });
  // Choosing is next: fetch a meeting's workspace once the list is up (the list's own code comes first).
  useEffect(() => {
    if (state.status === 'ready') MEETING_PANEL.load().catch(() => undefined);
  }, [state.status]);

  if (state.status === 'loading') return <LoadingState label="Loading meetings…" />;
  if (state.status === 'error') return <ErrorState title="Could not load the meetings." message={state.error.message} onRetry={retry} />;

  // Earlier meetings: the most recent first.
  const meetings = earlier ? [...state.data.meetings].reverse() : state.data.meetings;
  const toggle = (
    <Button className={styles.more} onClick={() => setEarlier((e) => !e)}>
      {earlier ? 'Show today’s and upcoming meetings' : 'Show earlier meetings'}
    </Button>
  );
  if (meetings.length === 0) {
    return (
      <>
        <p>{earlier ? 'This partnership has no earlier meetings.' : 'No meetings are scheduled from today. Show earlier meetings to add observations to one that has happened.'}</p>
        {toggle}
      </>
    );
  }
  return (
    <>
      <MeetingList
        meetings={meetings.slice(0, SHOWN)}
        action={(meeting) => (
          <Button aria-label={`Choose ${meeting.title}, ${formatDateTime(meeting.startsAt)}`} onClick={() => onChoose(meeting)}>
            Choose
          </Button>
        )}
      />
      {meetings.length > SHOWN && (
        <p className={styles.more}>
          Showing {SHOWN} of {meetings.length} {earlier ? 'earlier' : 'upcoming'} meetings.
        </p>
      )}
      {toggle}
    </>
  );
}
