import { useCallback, useMemo, useState } from 'react';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { Checklist, Me, MeetingDetail, ObservationPatch } from '../../../src/contract/index.js';
import { callApi } from '../api/api-client.js';
import { toApiError } from '../api/to-api-error.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { SectionHeading } from '../components/section-heading.js';
import { AgendaAndPapers } from './agenda-and-papers.js';
import { CaptureForm } from './capture-form.js';
import { emptyDraft, linkOf, type CaptureDraft } from './capture-draft.js';
import { LiveRegion } from './live-region.js';
import { MeetingChallenges } from './meeting-challenges.js';
import { MeetingHeader } from './meeting-header.js';
import { ObservationTimeline } from './observation-timeline.js';
import type { ItemActions } from './observation-item.js';
import { mergeTimeline, itemId } from './timeline-items.js';
import { UndoBar } from '../components/undo-bar.js';
import { useAnnouncer } from './use-announcer.js';
import { useChallenges } from './use-meeting-challenges.js';
import { useMeetingObservations } from './use-meeting-observations.js';
import { useOutbox } from './use-outbox.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
});

const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus());

/** One meeting in the side panel: capture, the timeline, challenges, then the agenda and papers. */
function Workspace({ membership, meeting, checklist, onChooseAnother }: { membership: Me; meeting: MeetingDetail; checklist: Checklist; onChooseAnother: () => void }) {
  const styles = useStyles();
  const partnershipId = membership.partnership.id;
  const selfId = membership.person.id;
  const permissions = membership.permissions;
  const mayCapture = permissions.includes('observation.create');
  const mayChallenge = permissions.includes('challenge.create') && permissions.includes('people.read');
  const { message, announce } = useAnnouncer();
  const observations = useMeetingObservations(partnershipId, meeting.id);
  const challenges = useChallenges(partnershipId);
  const [draft, setDraft] = useState<CaptureDraft>(() => emptyDraft());
  const [undo, setUndo] = useState<{ id: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const outbox = useOutbox(partnershipId, selfId, {
    onSaved: (o) => {
      observations.upsert(o);
      announce('Observation saved.');
    },
    onWaiting: () => announce('No connection. The observation is kept on this device and will be sent when the network is back.'),
    onRefused: (_, why) => announce(`An observation was not saved: ${why} Its text is kept in the timeline.`),
  });

  const items = useMemo(
    () => mergeTimeline(observations.observations.filter((o) => o.meetingId === meeting.id), outbox.queue.filter((q) => q.entry.observation.meetingId === meeting.id)),
    [observations.observations, outbox.queue, meeting.id],
  );

  const fail = (what: string, error: unknown) => {
    const text = `${what} ${toApiError(error).message}`;
    setProblem(text);
    announce(text);
  };

  const actions: ItemActions = {
    edit: async (id: string, patch: ObservationPatch) => {
      try {
        observations.upsert(await callApi(apiRoutes.editObservation, { params: { partnershipId, observationId: id }, body: patch }));
        announce('Changes saved.');
      } catch (error) {
        throw toApiError(error);
      }
    },
    remove: (id: string) => {
      setProblem(null);
      callApi(apiRoutes.deleteObservation, { params: { partnershipId, observationId: id } }).then(
        (o) => {
          observations.upsert(o);
          setUndo({ id });
        },
        (error) => fail('The observation was not deleted.', error),
      );
    },
    share: async (id: string) => {
      try {
        observations.upsert(await callApi(apiRoutes.shareObservation, { params: { partnershipId, observationId: id } }));
        announce('Observation shared with the partnership.');
      } catch (error) {
        fail('The observation was not shared.', error);
      }
    },
    challengeRaised: (c) => {
      challenges.add(c);
      announce('Challenge raised.');
    },
    putBack: (id: string) => {
      const queued = outbox.queue.find((q) => q.entry.id === id);
      if (!queued) return;
      const o = queued.entry.observation;
      setDraft({ body: o.body, areaIds: o.areaIds, judgement: o.judgement, evidenceType: o.evidenceType, link: linkOf(o) });
      void outbox.discard(id);
      announce('The text is back in the form. Change it and save again.');
      focusLater('meeting-capture-body');
    },
    discard: (id: string) => {
      void outbox.discard(id);
      announce('Discarded.');
    },
    retry: outbox.retryNow,
  };

  const undoDelete = useCallback(() => {
    if (!undo) return;
    const { id } = undo;
    setUndo(null);
    callApi(apiRoutes.restoreObservation, { params: { partnershipId, observationId: id } }).then(
      (o) => {
        observations.upsert(o);
        announce('Observation restored.');
        focusLater(`observation-${id}`);
      },
      (error) => fail('The observation was not restored.', error),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [undo, partnershipId, observations.upsert, announce]);
  const hideUndo = useCallback(() => setUndo(null), []);

  const ids = new Set(items.map(itemId));
  const meetingChallenges = (challenges.challenges ?? []).filter((c) => c.observationId && ids.has(c.observationId));

  return (
    <div className={styles.root}>
      <LiveRegion message={message} />
      <MeetingHeader meeting={meeting} onChooseAnother={onChooseAnother} />
      {!outbox.durable && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>This browser will not keep unsent observations if the page is closed. Keep it open until each shows Saved.</MessageBarBody>
        </MessageBar>
      )}
      {mayCapture && (
        <section aria-labelledby="meeting-capture" className={styles.section}>
          <SectionHeading level={3} id="meeting-capture">
            New observation
          </SectionHeading>
          <CaptureForm meeting={meeting} checklist={checklist} draft={draft} onDraftChange={setDraft} bodyId="meeting-capture-body" onCapture={(o) => void outbox.enqueue(o)} />
        </section>
      )}
      <section aria-labelledby="meeting-timeline" className={styles.section}>
        <SectionHeading level={3} id="meeting-timeline">
          Observations in this meeting
        </SectionHeading>
        {undo && <UndoBar key={undo.id} text="Observation deleted." onUndo={undoDelete} onGone={hideUndo} takeFocus />}
        {problem && <ErrorState title="Something did not work." message={problem} actions={<Button onClick={() => setProblem(null)}>Dismiss</Button>} />}
        {observations.state.status === 'loading' && <LoadingState label="Loading observations…" />}
        {observations.state.status === 'error' && (
          <ErrorState title="Could not load the saved observations." message={observations.state.error.message} onRetry={observations.retry} />
        )}
        <ObservationTimeline
          items={items}
          meeting={meeting}
          checklist={checklist}
          selfId={selfId}
          partnershipId={partnershipId}
          mayChallenge={mayChallenge}
          mayCapture={mayCapture}
          actions={actions}
        />
      </section>
      <section aria-labelledby="meeting-challenges" className={styles.section}>
        <SectionHeading level={3} id="meeting-challenges">
          Challenges from this meeting
        </SectionHeading>
        {challenges.failed ? (
          <ErrorState title="Could not load the challenges." message={challenges.failed} />
        ) : challenges.challenges === null ? (
          <LoadingState label="Loading challenges…" />
        ) : (
          <MeetingChallenges challenges={meetingChallenges} />
        )}
      </section>
      <AgendaAndPapers meeting={meeting} />
    </div>
  );
}

/** Loads the meeting and the checklist, then shows the workspace. */
export function MeetingPanel({ membership, meetingId, onChooseAnother }: { membership: Me; meetingId: string; onChooseAnother: () => void }) {
  const partnershipId = membership.partnership.id;
  const meeting = useApi(apiRoutes.getMeeting, { params: { partnershipId, meetingId } });
  const checklist = useApi(apiRoutes.checklist, { params: { partnershipId } });
  if (meeting.state.status === 'loading' || checklist.state.status === 'loading') return <LoadingState label="Loading the meeting…" />;
  if (meeting.state.status === 'error') {
    const notFound = meeting.state.error.code === 'not_found';
    return (
      <ErrorState
        title={notFound ? 'This meeting was not found.' : 'Could not load the meeting.'}
        message={notFound ? 'It may belong to another partnership, or have been removed. Choose a meeting from the list.' : meeting.state.error.message}
        onRetry={notFound ? undefined : meeting.retry}
        actions={<Button onClick={onChooseAnother}>Choose a meeting</Button>}
      />
    );
  }
  if (checklist.state.status === 'error') {
    return <ErrorState title="Could not load the checklist." message={checklist.state.error.message} onRetry={checklist.retry} />;
  }
  return <Workspace membership={membership} meeting={meeting.state.data} checklist={checklist.state.data} onChooseAnother={onChooseAnother} />;
}
