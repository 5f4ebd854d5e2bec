import type { Me } from '../../../src/contract/index.js';
import { PageHeading } from '../components/page-heading.js';
import { DashboardView } from '../dashboard/dashboard-view.js';
import { useHashParams } from '../router/hash-params.js';

/** The assurance dashboard (channel or personal tab). `#/dashboard?period=2026-Q3` opens a period. */
export default function DashboardPage({ membership }: { membership: Me }) {
  const params = useHashParams();
  const mayRead = membership.permissions.includes('report.read');
  return (
    <>
      <PageHeading intro="Checklist areas by RAG over time, the evidence behind each area, blind spots, challenges and the scrutiny days used. Only shared evidence counts: nobody’s private notes.">
        Assurance dashboard
      </PageHeading>
      {mayRead ? (
        <DashboardView key={params.get('period') ?? ''} membership={membership} initialPeriod={params.get('period')} />
      ) : (
        <p>Your role in this partnership does not include the dashboard. The scrutineer, the business manager and the safeguarding partners read it.</p>
      )}
    </>
  );
}
