import { endpoints } from '../contract/endpoints.js';
import { ReportStoreError } from '../reports/report-library.js';
import type { ReportService } from '../reports/report-service.js';
import { ApiError } from './api-error.js';
import { type ApiRoutes, BinaryBody, requireActor } from './api-routes.js';

/** Report drafts, their narratives and evidence, and the Word documents generated from them. */
export function registerReportHandlers(routes: ApiRoutes, reports: ReportService): void {
  routes.add(endpoints.listReports, async ({ actor, query }) => reports.list(requireActor(actor), query));
  routes.add(endpoints.openReportDraft, async ({ actor, body }) => reports.open(requireActor(actor), body));
  routes.add(endpoints.getReportDraft, async ({ actor, params }) => reports.get(requireActor(actor), params.draftId));
  routes.add(endpoints.saveReportSection, async ({ actor, params, body }) => reports.saveSection(requireActor(actor), params.draftId, params.sectionKey, body));
  routes.add(endpoints.selectReportEvidence, async ({ actor, params, body }) => reports.selectEvidence(requireActor(actor), params.draftId, body));
  routes.add(endpoints.generateReport, async ({ actor, params, body }) => {
    try {
      return await reports.generate(requireActor(actor), params.draftId, body);
    } catch (error) {
      // The library (SharePoint, or the folder) failed, not the caller: 502 with what to do.
      if (error instanceof ReportStoreError) throw new ApiError('report_store_failed', `${error.message} ${error.advice}`);
      throw error;
    }
  });
  routes.add(endpoints.downloadReport, async ({ actor, params }) => {
    const file = await reports.download(requireActor(actor), params.documentId);
    return new BinaryBody(file.bytes, file.contentType, file.fileName, 'attachment');
  });
}
