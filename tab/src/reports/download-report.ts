import type { ReportDocument } from '../../../src/contract/reports.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { fillPath } from '../api/api-client.js';
import { downloadFile } from '../api/download-file.js';

/** Fetches a generated report's .docx and hands it to the browser to save, under its own file name. */
export async function downloadReport(partnershipId: string, doc: Pick<ReportDocument, 'id' | 'fileName'>): Promise<void> {
  const route = apiRoutes.downloadReport;
  await downloadFile(route, fillPath(route.path, { partnershipId, documentId: doc.id }), doc.fileName);
}
