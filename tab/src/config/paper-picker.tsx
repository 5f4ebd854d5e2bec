import { useMemo, useState } from 'react';
import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { Me, MeetingSummary } from '../../../src/contract/index.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { formatDateTime } from '../format/dates.js';
import type { PaperChoice } from './use-tab-config.js';

const useStyles = makeStyles({
  fields: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalM, maxWidth: '36rem' },
  // A native select is as wide as its longest option: let it shrink to the 280 px side panel instead.
  field: { gridTemplateColumns: 'minmax(0, 1fr)' },
});

function byMostRecent(a: MeetingSummary, b: MeetingSummary): number {
  return b.startsAt.localeCompare(a.startsAt);
}

function MeetingPapers({
  partnershipId,
  meetingId,
  paper,
  onPaper,
}: {
  partnershipId: string;
  meetingId: string;
  paper: PaperChoice | null;
  onPaper: (paper: PaperChoice | null) => void;
}) {
  const styles = useStyles();
  const { state, retry } = useApi(apiRoutes.listMeetingDocuments, { params: { partnershipId, meetingId } });
  if (state.status === 'loading') return <LoadingState label="Loading the meeting’s papers…" />;
  if (state.status === 'error') return <ErrorState title="Could not load the meeting’s papers." message={state.error.message} onRetry={retry} />;
  const documents = state.data.documents;
  if (documents.length === 0) return <p>This meeting has no papers yet. Choose another meeting, or leave the paper out: the tab will open the papers list.</p>;
  return (
    <Field className={styles.field} label="Paper" hint="Leave as “No particular paper” to open the list of papers.">
      <Select
        value={paper?.documentId ?? ''}
        onChange={(_, data) => {
          const chosen = documents.find((d) => d.id === data.value);
          onPaper(chosen ? { documentId: chosen.id, title: chosen.title, pageCount: chosen.pageCount } : null);
        }}
      >
        <option value="">No particular paper</option>
        {documents.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
            {d.pageCount ? ` (${d.pageCount} ${d.pageCount === 1 ? 'page' : 'pages'})` : ''}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Optionally, the paper (and page) a Papers tab opens at: a meeting, then one of its papers. */
export function PaperPicker({
  membership,
  paper,
  onPaper,
  pageText,
  onPageText,
  pageError,
}: {
  membership: Me;
  paper: PaperChoice | null;
  onPaper: (paper: PaperChoice | null) => void;
  pageText: string;
  onPageText: (text: string) => void;
  pageError: string | null;
}) {
  const styles = useStyles();
  const partnershipId = membership.partnership.id;
  const mayRead = membership.permissions.includes('meeting.read') && membership.permissions.includes('document.read');
  const { state, retry } = useApi(apiRoutes.listMeetings, { params: { partnershipId } }, !mayRead);
  const [meetingId, setMeetingId] = useState('');
  const meetings = useMemo(() => (state.status === 'ready' ? [...state.data.meetings].sort(byMostRecent) : []), [state]);

  if (!mayRead) return <p>Your role does not include reading the partnership’s papers, so the tab will open the papers list.</p>;
  if (state.status === 'loading') return <LoadingState label="Loading meetings…" />;
  if (state.status === 'error') return <ErrorState title="Could not load the meetings." message={state.error.message} onRetry={retry} />;
  if (meetings.length === 0) return <p>No meetings yet, so there are no papers to choose. The tab will open the papers list.</p>;

  return (
    <div className={styles.fields}>
      <Field className={styles.field} label="Meeting (optional)" hint="The meeting whose paper the tab opens.">
        <Select
          value={meetingId}
          onChange={(_, data) => {
            setMeetingId(data.value);
            onPaper(null);
          }}
        >
          <option value="">No particular paper</option>
          {meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}, {formatDateTime(m.startsAt)}
            </option>
          ))}
        </Select>
      </Field>
      {meetingId && <MeetingPapers partnershipId={partnershipId} meetingId={meetingId} paper={paper} onPaper={onPaper} />}
      {paper && (
        <Field label="Open at page" validationState={pageError ? 'error' : 'none'} validationMessage={pageError ?? undefined}>
          <Input inputMode="numeric" value={pageText} onChange={(_, data) => onPageText(data.value)} autoComplete="off" />
        </Field>
      )}
    </div>
  );
}
