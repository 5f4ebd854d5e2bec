import type { Me } from '../../../src/contract/index.js';
import { PageHeading } from '../components/page-heading.js';
import { useHashParams } from '../router/hash-params.js';
import { ActionTracker } from '../tracker/action-tracker.js';

/** The action tracker: for a channel tab (configured with a view and a forum) or the personal tab. */
export default function TrackerPage({ membership }: { membership: Me }) {
  const params = useHashParams();
  return (
    <>
      <PageHeading intro="Every action and recommendation from scrutiny, challenges, minutes, case reviews, audits and Section 11 in one plan. No action is signed off without evidence.">
        Action tracker
      </PageHeading>
      <ActionTracker key={params.toString()} membership={membership} params={params} />
    </>
  );
}
