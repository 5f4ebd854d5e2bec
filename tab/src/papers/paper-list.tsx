import { useState } from 'react';
import { Link, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { MeetingSummary } from '../../../src/contract/index.js';
import type { DocumentKind } from '../../../src/domain/vocabulary.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { formatDateTime, ukIsoDate } from '../format/dates.js';
import { focusRing } from '../theme/focus-ring.js';
import { paperHash } from './paper-params.js';

const SHOWN = 6;
const LOOK_BACK_DAYS = 180;

const KIND_NAMES: Record<DocumentKind, string> = { agenda: 'Agenda', paper: 'Paper', minutes: 'Minutes', report: 'Report', other: 'Document' };

const useStyles = makeStyles({
  meetings: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalL },
  meeting: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  heading: { ...typographyStyles.subtitle2, margin: 0, overflowWrap: 'anywhere' },
  detail: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: `0 0 ${tokens.spacingVerticalS}`, overflowWrap: 'anywhere' },
  docs: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalXS },
  link: { ...focusRing, overflowWrap: 'anywhere' },
  empty: { ...typographyStyles.body1, margin: `0 0 ${tokens.spacingVerticalM}`, maxWidth: '70ch' },
});

function MeetingPapers({ partnershipId, meeting }: { partnershipId: string; meeting: MeetingSummary }) {
  const styles = useStyles();
  const { state, retry } = useApi(apiRoutes.listMeetingDocuments, { params: { partnershipId, meetingId: meeting.id } });
  return (
    <li className={styles.meeting}>
      <h2 className={styles.heading}>{meeting.title}</h2>
      <p className={styles.detail}>
        <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt)}</time> · {meeting.forumName}
      </p>
      {state.status === 'loading' && <LoadingState label={`Loading the papers for ${meeting.title}…`} />}
      {state.status === 'error' && <ErrorState title="Could not load these papers." message={state.error.message} onRetry={retry} />}
      {state.status === 'ready' && (
        <ul className={styles.docs}>
          {state.data.documents.map((d) => (
            <li key={d.id}>
              <Link href={paperHash(d.id)} className={styles.link}>
                {d.title}
              </Link>{' '}
              <span className={styles.detail}>
                ({KIND_NAMES[d.kind]}
                {d.pageCount ? `, ${d.pageCount === 1 ? '1 page' : `${d.pageCount} pages`}` : ''})
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** With no paper chosen: the papers of the most recent meetings, and where else to find one. */
export function PaperList({ partnershipId }: { partnershipId: string }) {
  const styles = useStyles();
  const [from] = useState(() => ukIsoDate(new Date(Date.now() - LOOK_BACK_DAYS * 86_400_000)));
  const { state, retry } = useApi(apiRoutes.listMeetings, { params: { partnershipId }, query: { from } });
  if (state.status === 'loading') return <LoadingState label="Loading recent meetings…" />;
  if (state.status === 'error') return <ErrorState title="Could not load the meetings." message={state.error.message} onRetry={retry} />;
  const withPapers = state.data.meetings
    .filter((m) => m.documentCount > 0)
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
    .slice(0, SHOWN);
  if (withPapers.length === 0) {
    return (
      <p className={styles.empty}>
        No meeting in the last six months has papers yet. Papers come in from each forum’s document library: the business manager chooses
        the folders on the <Link href="#/libraries">Libraries</Link> page. To find an older paper, <Link href="#/search">search the papers</Link>.
      </p>
    );
  }
  return (
    <>
      <p className={styles.empty}>
        Choose a paper to read and annotate it. These are the papers of the most recent meetings; to find any other, <Link href="#/search">search the papers</Link>.
      </p>
      <ul className={styles.meetings} aria-label="Recent meetings and their papers">
        {withPapers.map((m) => (
          <MeetingPapers key={m.id} partnershipId={partnershipId} meeting={m} />
        ))}
      </ul>
    </>
  );
}
