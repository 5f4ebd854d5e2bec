import { makeStyles, tokens } from '@fluentui/react-components';
import type { Me } from '../../../src/contract/index.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { SectionHeading } from '../components/section-heading.js';
import { DocumentResult } from './document-result.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalS, maxWidth: '60rem' },
});

/** The reports made in the partnership (shared evidence only), for everyone who reads them. */
export function ReportDocuments({ membership }: { membership: Me }) {
  const styles = useStyles();
  const partnershipId = membership.partnership.id;
  const { state, retry } = useApi(apiRoutes.listReports, { params: { partnershipId } });
  return (
    <section aria-labelledby="report-documents">
      <SectionHeading id="report-documents">Reports made</SectionHeading>
      {state.status === 'loading' && <LoadingState label="Loading the reports…" />}
      {state.status === 'error' && <ErrorState title="Could not load the reports." message={state.error.message} onRetry={retry} />}
      {state.status === 'ready' &&
        (state.data.documents.length === 0 ? (
          <p>No report has been made yet. The independent scrutineer makes the quarterly reports and the annual statement of assurance here.</p>
        ) : (
          <ul className={styles.list} aria-label="Reports made">
            {state.data.documents.map((doc) => (
              <li key={doc.id}>
                <DocumentResult partnershipId={partnershipId} doc={doc} title={`${doc.kind === 'annual' ? 'Annual statement' : 'Quarterly report'}:`} />
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
