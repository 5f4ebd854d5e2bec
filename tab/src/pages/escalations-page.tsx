import type { Me } from '../../../src/contract/index.js';
import { PageHeading } from '../components/page-heading.js';
import { EscalationsView } from '../escalations/escalations-view.js';

/** The escalations and disagreements log. */
export default function EscalationsPage({ membership }: { membership: Me }) {
  return (
    <>
      <PageHeading intro="Disagreements between agencies that the scrutineer helps resolve: what each is about, who is involved, and how it was resolved.">
        Escalations log
      </PageHeading>
      {membership.permissions.includes('escalation.read') ? (
        <EscalationsView membership={membership} />
      ) : (
        <p>Your role in this partnership does not include the escalations log.</p>
      )}
    </>
  );
}
