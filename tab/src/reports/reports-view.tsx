import type { Me } from '../../../src/contract/index.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { scrutinyYearOfDay } from '../../../src/domain/scrutiny-period.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { ukIsoDate } from '../format/dates.js';
import { hashWith, useHashParams } from '../router/hash-params.js';
import { routeFor } from '../router/routes.js';
import { ReportEditor } from './report-editor.js';
import { readReportChoice, reportChoiceParams, type ReportChoice } from './report-params.js';
import { reportPeriodKey } from './report-periods.js';
import { ReportPicker } from './report-picker.js';

/**
 * The scrutineer's reports: the report chosen (kept in the address, so a reload or a link opens it again),
 * and its draft, opened (made on first use) for them alone.
 */
export function ReportsView({ membership }: { membership: Me }) {
  const today = ukIsoDate();
  const choice = readReportChoice(useHashParams(), today);
  const period = reportPeriodKey(choice.kind, choice.scrutinyYear, choice.quarter);
  const opened = useApi(apiRoutes.openReportDraft, { params: { partnershipId: membership.partnership.id }, body: { kind: choice.kind, period } });
  const choose = (next: ReportChoice) => {
    window.location.hash = hashWith(routeFor('reports').hash, reportChoiceParams(next));
  };
  return (
    <>
      <ReportPicker choice={choice} currentYear={scrutinyYearOfDay(today)} onChange={choose} />
      {opened.state.status === 'loading' && <LoadingState label="Opening the draft…" />}
      {opened.state.status === 'error' && <ErrorState title="Could not open the draft." message={opened.state.error.message} onRetry={opened.retry} />}
      {opened.state.status === 'ready' && <ReportEditor key={opened.state.data.id} membership={membership} choice={choice} opened={opened.state.data} />}
    </>
  );
}
