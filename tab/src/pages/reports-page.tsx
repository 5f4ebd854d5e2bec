import type { Me } from '../../../src/contract/index.js';
import { PageHeading } from '../components/page-heading.js';
import { ReportDocuments } from '../reports/report-documents.js';
import { ReportsView } from '../reports/reports-view.js';

/** The quarterly progress report and the annual statement of assurance: drafted by the scrutineer, read by the partnership. */
export default function ReportsPage({ membership }: { membership: Me }) {
  const mayDraft = membership.permissions.includes('report.draft');
  const mayRead = membership.permissions.includes('report.read');
  return (
    <>
      <PageHeading intro="The quarterly progress report and the annual statement of assurance, drafted from the tagged evidence: write each section, choose the evidence, and make the Word document, saved to SharePoint.">
        Reports
      </PageHeading>
      {mayDraft && <ReportsView membership={membership} />}
      {!mayDraft && mayRead && <ReportDocuments membership={membership} />}
      {!mayDraft && !mayRead && <p>Your role in this partnership does not include the scrutineer’s reports.</p>}
    </>
  );
}
