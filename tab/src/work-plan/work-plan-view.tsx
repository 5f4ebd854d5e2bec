import { useState } from 'react';
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { Me } from '../../../src/contract/index.js';
import type { WorkPlanActivity } from '../../../src/contract/work-plan.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { scrutinyYearLabel, scrutinyYearOfDay } from '../../../src/domain/scrutiny-period.js';
import { callApi } from '../api/api-client.js';
import { toApiError } from '../api/to-api-error.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { PoliteRegion } from '../components/polite-region.js';
import { usePoliteMessage } from '../components/use-polite-message.js';
import { ukIsoDate } from '../format/dates.js';
import { draftOfActivity, emptyDraft, newActivityOf, patchOfActivity } from './activity-draft.js';
import { ActivityForm } from './activity-form.js';
import { ActivityTable } from './activity-table.js';
import { daysText } from './work-plan-labels.js';

const useStyles = makeStyles({
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, marginBlockEnd: tokens.spacingVerticalM },
  summary: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXL}`, margin: `0 0 ${tokens.spacingVerticalM}`, padding: 0, listStyleType: 'none' },
  figure: { ...typographyStyles.body1 },
  strong: { ...typographyStyles.subtitle2 },
  notice: { marginBlockEnd: tokens.spacingVerticalM },
  empty: { maxWidth: '60ch' },
});

type Editing = { kind: 'new' } | { kind: 'edit'; activity: WorkPlanActivity } | null;

/** The scrutineer's work plan for a scrutiny year, editable by those who manage it and read-only otherwise. */
export function WorkPlanView({ membership }: { membership: Me }) {
  const styles = useStyles();
  const partnershipId = membership.partnership.id;
  const canManage = membership.permissions.includes('work_plan.manage');
  const thisYear = scrutinyYearOfDay(ukIsoDate());
  const [year, setYear] = useState(thisYear);
  const plan = useApi(apiRoutes.getWorkPlan, { params: { partnershipId }, query: { year } });
  const forums = useApi(apiRoutes.listForums, { params: { partnershipId } }, !canManage);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<WorkPlanActivity | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { message, announce } = usePoliteMessage();
  const forumList = forums.state.status === 'ready' ? forums.state.data.forums.map((f) => ({ id: f.id, name: f.name })) : [];

  const done = (text: string) => {
    setEditing(null);
    setDeleting(null);
    setProblem(null);
    announce(text);
    plan.retry();
  };

  return (
    <>
      <PoliteRegion message={message} />
      <div className={styles.top}>
        <Field label="Scrutiny year" hint="April to March.">
          <Select value={String(year)} onChange={(_, d) => setYear(Number(d.value))}>
            {[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => (
              <option key={y} value={y}>
                {scrutinyYearLabel(y)}
              </option>
            ))}
          </Select>
        </Field>
        {canManage && !editing && (
          <Button appearance="primary" onClick={() => setEditing({ kind: 'new' })}>
            Add an activity
          </Button>
        )}
      </div>
      {problem && (
        <MessageBar intent="error" layout="multiline" className={styles.notice}>
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {editing && (
        <ActivityForm
          key={editing.kind === 'edit' ? editing.activity.id : 'new'}
          label={editing.kind === 'edit' ? `Edit ${editing.activity.title}` : `New activity for ${scrutinyYearLabel(year)}`}
          initial={editing.kind === 'edit' ? draftOfActivity(editing.activity) : emptyDraft()}
          forums={forumList}
          submitText={editing.kind === 'edit' ? 'Save the activity' : 'Add the activity'}
          onCancel={() => setEditing(null)}
          onSubmit={async (draft) => {
            if (editing.kind === 'edit') {
              const a = await callApi(apiRoutes.updateWorkPlanActivity, { params: { partnershipId, activityId: editing.activity.id }, body: patchOfActivity(draft) });
              done(`Saved ${a.title}.`);
            } else {
              const a = await callApi(apiRoutes.createWorkPlanActivity, { params: { partnershipId }, body: newActivityOf(year, draft) });
              done(`Added ${a.title}.`);
            }
          }}
        />
      )}
      {deleting && (
        <MessageBar intent="warning" layout="multiline" className={styles.notice}>
          <MessageBarBody>
            <MessageBarTitle>Delete “{deleting.title}”?</MessageBarTitle> Its planned and used days go with it.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => setDeleting(null)}>Keep it</Button>
            <Button
              appearance="primary"
              onClick={async () => {
                try {
                  await callApi(apiRoutes.deleteWorkPlanActivity, { params: { partnershipId, activityId: deleting.id } });
                  done(`Deleted ${deleting.title}.`);
                } catch (error) {
                  setProblem(toApiError(error).message);
                  setDeleting(null);
                }
              }}
            >
              Yes, delete it
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {plan.state.status === 'loading' && <LoadingState label="Loading the work plan…" />}
      {plan.state.status === 'error' && <ErrorState title="Could not load the work plan." message={plan.state.error.message} onRetry={plan.retry} />}
      {plan.state.status === 'ready' && (
        <>
          <ul className={styles.summary} aria-label={`Days in ${plan.state.data.label}`}>
            <li className={styles.figure}>
              Budget: <span className={styles.strong}>{daysText(plan.state.data.budgetDays)}</span>
            </li>
            <li className={styles.figure}>
              Planned: <span className={styles.strong}>{daysText(plan.state.data.plannedDays)}</span>
            </li>
            <li className={styles.figure}>
              Used: <span className={styles.strong}>{daysText(plan.state.data.actualDays)}</span>
            </li>
            <li className={styles.figure}>
              {plan.state.data.remainingDays >= 0 ? 'Left: ' : 'Over budget by: '}
              <span className={styles.strong}>{daysText(Math.abs(plan.state.data.remainingDays))}</span>
            </li>
          </ul>
          {plan.state.data.overPlanned && (
            <MessageBar intent="warning" layout="multiline" className={styles.notice}>
              <MessageBarBody>More days are planned than the budget allows: the plan needs agreeing again with the partners.</MessageBarBody>
            </MessageBar>
          )}
          {plan.state.data.activities.length === 0 ? (
            <p className={styles.empty}>
              No activities are planned for {plan.state.data.label}.{' '}
              {canManage
                ? 'Add the meetings to observe, the papers to read, deep dives, visits and the reporting, with the days each takes in each quarter.'
                : 'The scrutineer or the business manager plans the year here.'}
            </p>
          ) : (
            <ActivityTable activities={plan.state.data.activities} canManage={canManage} onEdit={(a) => setEditing({ kind: 'edit', activity: a })} onDelete={setDeleting} />
          )}
        </>
      )}
    </>
  );
}
