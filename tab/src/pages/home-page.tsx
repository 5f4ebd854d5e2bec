import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { Me } from '../../../src/contract/index.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { ForumList } from '../components/forum-list.js';
import { LoadingState } from '../components/loading-state.js';
import { MeetingList } from '../components/meeting-list.js';
import { OverviewCounts } from '../components/overview-counts.js';
import { PageHeading } from '../components/page-heading.js';
import { SectionHeading } from '../components/section-heading.js';

const useStyles = makeStyles({
  facts: { margin: `${tokens.spacingVerticalM} 0 0`, display: 'grid', rowGap: tokens.spacingVerticalXS },
  empty: { margin: 0 },
});

function Overview({ partnershipId }: { partnershipId: string }) {
  const styles = useStyles();
  const { state, retry } = useApi(apiRoutes.partnershipOverview, { params: { partnershipId } });
  if (state.status === 'loading') return <LoadingState label="Loading the partnership overview…" />;
  if (state.status === 'error') {
    return <ErrorState title="Could not load the partnership overview." message={state.error.message} onRetry={retry} />;
  }
  const { partnership, counts, upcomingMeetings } = state.data;
  return (
    <>
      <section aria-labelledby="overview-at-a-glance">
        <SectionHeading id="overview-at-a-glance">At a glance</SectionHeading>
        <OverviewCounts counts={counts} />
        <div className={styles.facts}>
          <Text>
            <Text weight="semibold">Checklist framework: </Text>
            {partnership.frameworkTitle ?? 'none chosen yet. The business manager chooses one in the partnership settings.'}
          </Text>
          <Text>
            <Text weight="semibold">Scrutiny days this year: </Text>
            {partnership.scrutinyDaysBudget}
          </Text>
        </div>
      </section>
      <section aria-labelledby="overview-upcoming">
        <SectionHeading id="overview-upcoming">Upcoming meetings</SectionHeading>
        {upcomingMeetings.length === 0 ? (
          <p className={styles.empty}>No meetings are scheduled. Meetings appear here once the forums' Teams meetings are linked.</p>
        ) : (
          <MeetingList meetings={upcomingMeetings} />
        )}
      </section>
    </>
  );
}

function Forums({ partnershipId }: { partnershipId: string }) {
  const styles = useStyles();
  const { state, retry } = useApi(apiRoutes.listForums, { params: { partnershipId } });
  return (
    <section aria-labelledby="overview-forums">
      <SectionHeading id="overview-forums">Forums</SectionHeading>
      {state.status === 'loading' && <LoadingState label="Loading the forums…" />}
      {state.status === 'error' && <ErrorState title="Could not load the forums." message={state.error.message} onRetry={retry} />}
      {state.status === 'ready' &&
        (state.data.forums.length === 0 ? (
          <p className={styles.empty}>This partnership has no forums yet. The business manager adds the Executive, board and subgroups.</p>
        ) : (
          <ForumList forums={state.data.forums} />
        ))}
    </section>
  );
}

/** Home: the partnership at a glance, its upcoming meetings and its forums. */
export default function HomePage({ membership }: { membership: Me }) {
  const partnershipId = membership.partnership.id;
  return (
    <>
      <PageHeading intro="What this partnership's scrutiny covers: its forums, meetings and papers.">Partnership overview</PageHeading>
      <Overview partnershipId={partnershipId} />
      <Forums partnershipId={partnershipId} />
    </>
  );
}
