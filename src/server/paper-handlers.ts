import { endpoints } from '../contract/endpoints.js';
import type { PaperService } from '../services/paper-service.js';
import { type ApiRoutes, BinaryBody, requireActor } from './api-routes.js';

/** The paper viewer: document, pages, PDF, annotations. */
export function registerPaperHandlers(routes: ApiRoutes, papers: PaperService): void {
  routes.add(endpoints.getDocument, async ({ actor, params }) => papers.document(requireActor(actor), params.documentId));
  routes.add(endpoints.getPages, async ({ actor, params }) => ({ pages: await papers.pages(requireActor(actor), params.documentId, params.versionId) }));
  routes.add(endpoints.getPdf, async ({ actor, params }) => {
    const pdf = await papers.pdf(requireActor(actor), params.documentId, params.versionId);
    return new BinaryBody(pdf.bytes, 'application/pdf', pdf.fileName);
  });
  routes.add(endpoints.listAnnotations, async ({ actor, params }) => ({ annotations: await papers.annotations(requireActor(actor), params.documentId) }));
  routes.add(endpoints.createAnnotation, async ({ actor, params, body }) => papers.annotate(requireActor(actor), params.documentId, body));
}
