import { z } from 'zod';
import { endpoint, none, partnershipParams } from '../endpoint.js';
import {
  GenerateReport,
  GeneratedReport,
  OpenReportDraft,
  ReportDraft,
  ReportList,
  ReportListQuery,
  SavedReportSection,
  SaveReportSection,
  SelectedReportEvidence,
  SelectReportEvidence,
} from '../reports.js';
import { apiRoutes } from '../routes.js';
import { Uuid } from '../values.js';

const draftParams = z.strictObject({ partnershipId: Uuid, draftId: Uuid });

/** Quarterly reports and the annual statement of assurance: drafts, their narratives and evidence, and the Word documents. */
export const reportEndpoints = {
  listReports: endpoint({ ...apiRoutes.listReports, params: partnershipParams, query: ReportListQuery, body: none, response: ReportList }),
  openReportDraft: endpoint({ ...apiRoutes.openReportDraft, params: partnershipParams, query: none, body: OpenReportDraft, response: ReportDraft }),
  getReportDraft: endpoint({ ...apiRoutes.getReportDraft, params: draftParams, query: none, body: none, response: ReportDraft }),
  saveReportSection: endpoint({
    ...apiRoutes.saveReportSection,
    // Any short text here, so that a refused caller is told 403 before anything about the key; the service
    // answers 404 for a key that names no section (see SectionKey).
    params: z.strictObject({ partnershipId: Uuid, draftId: Uuid, sectionKey: z.string().min(1).max(60) }),
    query: none,
    body: SaveReportSection,
    response: SavedReportSection,
  }),
  selectReportEvidence: endpoint({ ...apiRoutes.selectReportEvidence, params: draftParams, query: none, body: SelectReportEvidence, response: SelectedReportEvidence }),
  generateReport: endpoint({ ...apiRoutes.generateReport, params: draftParams, query: none, body: GenerateReport, response: GeneratedReport }),
  // Answers the .docx bytes (BinaryBody); the schema stands for the JSON error answers only.
  downloadReport: endpoint({
    ...apiRoutes.downloadReport,
    params: z.strictObject({ partnershipId: Uuid, documentId: Uuid }),
    query: none,
    body: none,
    response: z.unknown(),
  }),
} as const;
