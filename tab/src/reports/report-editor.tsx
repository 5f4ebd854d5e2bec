import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Switch, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { Me } from '../../../src/contract/index.js';
import type { ReportDraft, ReportEvidence } from '../../../src/contract/reports.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { callApi } from '../api/api-client.js';
import { toApiError } from '../api/to-api-error.js';
import { PoliteRegion } from '../components/polite-region.js';
import { SectionHeading } from '../components/section-heading.js';
import { usePoliteMessage } from '../components/use-polite-message.js';
import { formatDayLong } from '../format/day-dates.js';
import { routeFor } from '../router/routes.js';
import { daysText } from '../work-plan/work-plan-labels.js';
import { GENERATE_HEADING_ID, GeneratePanel } from './generate-panel.js';
import { ReportContents } from './report-contents.js';
import type { ReportChoice } from './report-params.js';
import { reportTitle } from './report-periods.js';
import { ReportSectionView } from './report-section-view.js';
import { useEvidenceChoice } from './use-evidence-choice.js';
import type { SectionFlushers } from './use-narrative-autosave.js';

const useStyles = makeStyles({
  summary: { ...typographyStyles.body1, margin: `0 0 ${tokens.spacingVerticalS}`, maxWidth: '70ch' },
  asOf: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: `0 0 ${tokens.spacingVerticalM}` },
  notice: { marginBlockEnd: tokens.spacingVerticalM, maxWidth: '60rem' },
  days: { ...typographyStyles.body1, margin: `0 0 ${tokens.spacingVerticalS}` },
});

/** Each piece of evidence once (an observation tagged to two areas is in both sections). */
function uniqueEvidence(draft: ReportDraft): ReportEvidence[] {
  const seen = new Map<string, ReportEvidence>();
  for (const s of draft.sections) for (const e of s.evidence) seen.set(e.id, e);
  return [...seen.values()];
}

/** One draft: what it holds, each section to write, the evidence to choose, and the document to make. */
export function ReportEditor({ membership, choice, opened }: { membership: Me; choice: ReportChoice; opened: ReportDraft }) {
  const styles = useStyles();
  const partnershipId = membership.partnership.id;
  const [draft, setDraft] = useState(opened);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [refreshProblem, setRefreshProblem] = useState<string | null>(null);
  const { message, announce } = usePoliteMessage();
  const flushers = useRef<SectionFlushers>(new Map()).current;
  const evidence = useEvidenceChoice(partnershipId, draft.id, announce);
  const compared = draft.lastGenerated !== null;
  useEffect(() => setDraft(opened), [opened]);

  const counts = useMemo(() => {
    const all = uniqueEvidence(draft);
    return { all: all.length, included: all.filter((e) => evidence.choice.included(e)).length, private: all.filter((e) => e.private).length };
  }, [draft, evidence.choice]);

  // After a document is made, the draft is read again: nothing is "new since the last draft" any more.
  const refresh = async () => {
    try {
      const next = await callApi(apiRoutes.getReportDraft, { params: { partnershipId, draftId: draft.id } });
      evidence.reset();
      setDraft(next);
      setRefreshProblem(null);
    } catch (error) {
      setRefreshProblem(`The draft could not be read again after the document was made: ${toApiError(error).message} Reload the page to see what changed.`);
    }
  };

  return (
    <>
      <PoliteRegion message={message} />
      <SectionHeading>{reportTitle(choice.kind, choice.scrutinyYear, choice.quarter)}</SectionHeading>
      <p className={styles.asOf}>
        Evidence from {formatDayLong(draft.period.start)} to {formatDayLong(draft.period.end)}; action RAG as of {formatDayLong(draft.asOf)}.
      </p>
      {draft.empty ? (
        <MessageBar intent="info" layout="multiline" className={styles.notice}>
          <MessageBarBody>
            <MessageBarTitle>No evidence for this period.</MessageBarTitle> Nothing was recorded between {formatDayLong(draft.period.start)} and{' '}
            {formatDayLong(draft.period.end)}: no shared observations, challenges, actions or escalations. Record observations from the{' '}
            <Link href={routeFor('meeting').hash}>meeting side panel</Link> or on <Link href={routeFor('papers').hash}>papers</Link>, or choose another period. You
            can still write the narrative and make the document: it will say that no evidence was recorded.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <p className={styles.summary}>
          {counts.all === 1 ? '1 piece of evidence' : `${counts.all} pieces of evidence`}, {counts.included} ticked to go in the document
          {counts.private > 0 && `, ${counts.private} private (yours only, never in the document)`}.
          {compared ? ` ${draft.counts.changedSinceLastDraft} new or changed since the last draft.` : ' Nothing has been generated yet, so all of it is new.'}
        </p>
      )}
      {compared && !draft.empty && (
        <Switch checked={onlyChanged} onChange={(_, d) => setOnlyChanged(d.checked)} label="Show only what changed since the last draft" />
      )}
      {evidence.failure && (
        <MessageBar intent="error" layout="multiline" className={styles.notice}>
          <MessageBarBody>
            <MessageBarTitle>That choice was not saved.</MessageBarTitle> {evidence.failure}
          </MessageBarBody>
        </MessageBar>
      )}
      {refreshProblem && (
        <MessageBar intent="warning" layout="multiline" className={styles.notice}>
          <MessageBarBody>{refreshProblem}</MessageBarBody>
        </MessageBar>
      )}
      <ReportContents sections={draft.sections} generateId={GENERATE_HEADING_ID} />
      {draft.sections.map((section) => (
        <ReportSectionView
          key={section.key}
          partnershipId={partnershipId}
          draftId={draft.id}
          section={section}
          flushers={flushers}
          choice={evidence.choice}
          showChanges={compared}
          onlyChanged={compared && onlyChanged}
          extra={
            section.kind === 'work_plan' ? (
              <p className={styles.days}>
                Scrutiny days: {daysText(draft.workPlan.period.plannedDays)} planned and {daysText(draft.workPlan.period.usedDays)} used in this period;{' '}
                {daysText(draft.workPlan.usedDays)} used of the year’s budget of {daysText(draft.workPlan.budgetDays)}.
              </p>
            ) : undefined
          }
        />
      ))}
      <GeneratePanel partnershipId={partnershipId} draftId={draft.id} lastGenerated={draft.lastGenerated} flushers={flushers} announce={announce} onGenerated={() => void refresh()} />
    </>
  );
}
