import { useMemo, useState } from 'react';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { Me } from '../../../src/contract/index.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { scrutinyYearOfDay } from '../../../src/domain/scrutiny-period.js';
import { useApi } from '../api/use-api.js';
import { ChartFigure } from '../charts/chart-figure.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { SectionHeading } from '../components/section-heading.js';
import { formatDayLong } from '../format/day-dates.js';
import { ukIsoDate } from '../format/dates.js';
import { BlindSpots } from './blind-spots.js';
import { areasByRagSpec, challengesSpec, observationsSpec, workPlanSpec } from './dashboard-specs.js';
import { PeriodPicker } from './period-picker.js';

const useStyles = makeStyles({
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalXL, marginBlockEnd: tokens.spacingVerticalM },
  asOf: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
  charts: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 22rem), 1fr))', columnGap: tokens.spacingHorizontalL },
});

/** The assurance dashboard for one period: areas × RAG, evidence, blind spots, challenges and days. */
export function DashboardView({ membership, initialPeriod }: { membership: Me; initialPeriod: string | null }) {
  const styles = useStyles();
  const [period, setPeriod] = useState<string | null>(initialPeriod);
  const { state, retry } = useApi(apiRoutes.dashboard, { params: { partnershipId: membership.partnership.id }, query: period ? { period } : {} });
  const specs = useMemo(() => {
    if (state.status !== 'ready') return null;
    const d = state.data;
    return { areas: areasByRagSpec(d), observations: observationsSpec(d), challenges: challengesSpec(d), workPlan: workPlanSpec(d) };
  }, [state]);
  const currentYear = scrutinyYearOfDay(state.status === 'ready' ? state.data.asOf : ukIsoDate());

  return (
    <>
      <div className={styles.top}>
        <PeriodPicker value={state.status === 'ready' ? state.data.period.key : (period ?? '')} currentYear={currentYear} onChange={setPeriod} />
        {state.status === 'ready' && <p className={styles.asOf}>RAG and overdue as of {formatDayLong(state.data.asOf)}.</p>}
      </div>
      {state.status === 'loading' && <LoadingState label="Loading the dashboard…" />}
      {state.status === 'error' && <ErrorState title="Could not load the dashboard." message={state.error.message} onRetry={retry} />}
      {state.status === 'ready' && specs && (
        <div className={styles.charts}>
          <section aria-labelledby="dashboard-areas">
            <SectionHeading id="dashboard-areas">Checklist areas</SectionHeading>
            <ChartFigure spec={specs.areas} />
            <ChartFigure spec={specs.observations} />
          </section>
          <BlindSpots dashboard={state.data} />
          <div className={styles.pair}>
            <section aria-labelledby="dashboard-challenges">
              <SectionHeading id="dashboard-challenges">Challenges</SectionHeading>
              <ChartFigure spec={specs.challenges} />
            </section>
            <section aria-labelledby="dashboard-days">
              <SectionHeading id="dashboard-days">Scrutiny days</SectionHeading>
              <ChartFigure spec={specs.workPlan} />
            </section>
          </div>
        </div>
      )}
    </>
  );
}
