import { useEffect, useRef } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Me } from '../../../src/contract/index.js';
import { ChunkView } from '../components/chunk-view.js';
import { LoadingState } from '../components/loading-state.js';
import { PageHeading } from '../components/page-heading.js';
import { SectionHeading } from '../components/section-heading.js';
import { showMeeting } from '../meeting/meeting-hash.js';
import { MeetingPicker } from '../meeting/meeting-picker.js';
import { useMeetingChoice } from '../meeting/use-meeting-choice.js';
import { MEETING_PANEL } from '../router/page-chunks.js';

const useStyles = makeStyles({
  note: { marginBlockEnd: tokens.spacingVerticalL },
});

/** The meeting side panel: in Teams, the meeting it is open in; otherwise (or if unknown) pick one. */
export default function MeetingPage({ membership }: { membership: Me }) {
  const styles = useStyles();
  const mayReadMeetings = membership.permissions.includes('meeting.read');
  const choice = useMeetingChoice(membership.partnership.id, mayReadMeetings);
  const chooseAnother = () => showMeeting(null);
  // Back from a meeting to the list: the button that had focus is gone, so start at the list's heading.
  const hadMeeting = useRef(false);
  useEffect(() => {
    if (choice.status === 'chosen') hadMeeting.current = true;
    else if (choice.status === 'pick' && hadMeeting.current) document.getElementById('meeting-upcoming')?.focus();
  }, [choice.status]);

  let body;
  if (choice.status === 'finding') body = <LoadingState label="Finding this meeting…" />;
  else if (choice.status === 'chosen') {
    // Its own chunk (preloaded with the page), so the pick list need not wait for the capture form's code.
    body = (
      <ChunkView part={MEETING_PANEL} loadingLabel="Loading the meeting…">
        {(MeetingPanel) => <MeetingPanel key={choice.meetingId} membership={membership} meetingId={choice.meetingId} onChooseAnother={chooseAnother} />}
      </ChunkView>
    );
  }
  else {
    body = (
      <>
        <MessageBar intent="info" layout="multiline" className={styles.note}>
          <MessageBarBody>
            {choice.notLinked ? (
              <>
                <MessageBarTitle>This Teams meeting is not linked yet.</MessageBarTitle> Pick the partnership meeting it is below.
              </>
            ) : (
              <>
                <MessageBarTitle>No meeting open.</MessageBarTitle> Open this tab in a Teams meeting’s side panel, or pick a meeting below.
              </>
            )}
          </MessageBarBody>
        </MessageBar>
        <section aria-labelledby="meeting-upcoming">
          <SectionHeading id="meeting-upcoming" focusable>
            Meetings
          </SectionHeading>
          {mayReadMeetings ? (
            <MeetingPicker partnershipId={membership.partnership.id} onChoose={(m) => showMeeting(m.id)} />
          ) : (
            <p>Your role in this partnership does not include seeing its meetings. Ask the business manager if you need to.</p>
          )}
        </section>
      </>
    );
  }
  return (
    <>
      <PageHeading intro="During a meeting: quick observations tagged to checklist areas, challenges to raise, and the agenda and papers.">
        Meeting side panel
      </PageHeading>
      {body}
    </>
  );
}
