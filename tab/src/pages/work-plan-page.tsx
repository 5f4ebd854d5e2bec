import type { Me } from '../../../src/contract/index.js';
import { PageHeading } from '../components/page-heading.js';
import { WorkPlanView } from '../work-plan/work-plan-view.js';

/** The scrutineer's annual work plan and the days used against the budget. */
export default function WorkPlanPage({ membership }: { membership: Me }) {
  return (
    <>
      <PageHeading intro="The scrutiny year’s activities — meetings observed, papers read, deep dives, visits and reporting — with the days planned and used in each quarter against the agreed budget.">
        Work plan
      </PageHeading>
      {membership.permissions.includes('work_plan.read') ? (
        <WorkPlanView membership={membership} />
      ) : (
        <p>Your role in this partnership does not include the scrutineer’s work plan.</p>
      )}
    </>
  );
}
