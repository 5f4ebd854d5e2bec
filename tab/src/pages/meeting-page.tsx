import { useEffect, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { endpoints, type Me, type MeetingSummary } from '../../../src/contract/index.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { MeetingList } from '../components/meeting-list.js';
import { PageHeading } from '../components/page-heading.js';
import { SectionHeading } from '../components/section-heading.js';
import { formatDateTime, ukIsoDate } from '../format/dates.js';

const SHOWN = 10;

const useStyles = makeStyles({
  note: { marginBlockEnd: tokens.spacingVerticalL },
  more: { marginBlockStart: tokens.spacingVerticalS },
  chosenHeading: { ...typographyStyles.subtitle1, margin: `0 0 ${tokens.spacingVerticalXS}`, overflowWrap: 'anywhere' },
  chosenDetail: { ...typographyStyles.body1, margin: `0 0 ${tokens.spacingVerticalM}`, color: tokens.colorNeutralForeground2 },
});

function ChosenMeeting({ meeting, onClear }: { meeting: MeetingSummary; onClear: () => void }) {
  const styles = useStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The "Choose" button that had focus is gone: start keyboard and screen-reader users here.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="meeting-chosen">
      <h2 id="meeting-chosen" ref={headingRef} tabIndex={-1} className={styles.chosenHeading}>
        {meeting.title}
      </h2>
      <p className={styles.chosenDetail}>
        <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt)}</time> · {meeting.forumName}
      </p>
      <MessageBar intent="info" layout="multiline" className={styles.note}>
        <MessageBarBody>
          This meeting’s agenda, papers and one-line observation capture will appear here in a later release.
        </MessageBarBody>
      </MessageBar>
      <Button onClick={onClear}>Choose another meeting</Button>
    </section>
  );
}

function UpcomingMeetings({ partnershipId, onChoose }: { partnershipId: string; onChoose: (meeting: MeetingSummary) => void }) {
  const styles = useStyles();
  const [from] = useState(() => ukIsoDate());
  const { state, retry } = useApi(endpoints.listMeetings, { params: { partnershipId }, query: { from } });

  if (state.status === 'loading') return <LoadingState label="Loading upcoming meetings…" />;
  if (state.status === 'error') return <ErrorState title="Could not load the meetings." message={state.error.message} onRetry={retry} />;

  const meetings = state.data.meetings;
  if (meetings.length === 0) return <p>No upcoming meetings are scheduled for this partnership.</p>;
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
          Showing the next {SHOWN} of {meetings.length} upcoming meetings.
        </p>
      )}
    </>
  );
}

/** The meeting side panel: in Teams, this meeting; in a browser, pick one. */
export default function MeetingPage({ membership }: { membership: Me }) {
  const styles = useStyles();
  const mayReadMeetings = membership.permissions.includes('meeting.read');
  const [chosen, setChosen] = useState<MeetingSummary | null>(null);
  const hadChosen = useRef(false);
  // Back from a chosen meeting: the button that had focus is gone, so return to the list.
  useEffect(() => {
    if (chosen) hadChosen.current = true;
    else if (hadChosen.current) document.getElementById('meeting-upcoming')?.focus();
  }, [chosen]);
  const body = chosen ? (
    <ChosenMeeting meeting={chosen} onClear={() => setChosen(null)} />
  ) : (
    <>
      <MessageBar intent="info" layout="multiline" className={styles.note}>
        <MessageBarBody>
          <MessageBarTitle>No meeting open.</MessageBarTitle> Open this tab in a Teams meeting’s side panel, or pick a
          meeting below.
        </MessageBarBody>
      </MessageBar>
      <section aria-labelledby="meeting-upcoming">
        <SectionHeading id="meeting-upcoming" focusable>Upcoming meetings</SectionHeading>
        {mayReadMeetings ? (
          <UpcomingMeetings partnershipId={membership.partnership.id} onChoose={setChosen} />
        ) : (
          <p>Your role in this partnership does not include seeing its meetings. Ask the business manager if you need to.</p>
        )}
      </section>
    </>
  );
  return (
    <>
      <PageHeading intro="During a meeting: its agenda and papers, quick observations tagged to checklist areas, and challenges to raise.">
        Meeting side panel
      </PageHeading>
      {body}
    </>
  );
}
