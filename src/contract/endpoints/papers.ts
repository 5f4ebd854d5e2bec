import { z } from 'zod';
import { endpoint, none } from '../endpoint.js';
import { apiRoutes } from '../routes.js';
import { Annotation, DocumentDetail, NewAnnotation, PageText } from '../papers.js';
import { Uuid } from '../values.js';

const documentParams = z.strictObject({ partnershipId: Uuid, documentId: Uuid });
const versionParams = z.strictObject({ partnershipId: Uuid, documentId: Uuid, versionId: Uuid });

/** The paper viewer: a document, its pages, its PDF and its annotations. */
export const paperEndpoints = {
  getDocument: endpoint({
    ...apiRoutes.getDocument,
    params: documentParams,
    query: none,
    body: none,
    response: DocumentDetail,
  }),
  getPages: endpoint({
    ...apiRoutes.getPages,
    params: versionParams,
    query: none,
    body: none,
    response: z.object({ pages: z.array(PageText) }),
  }),
  getPdf: endpoint({
    ...apiRoutes.getPdf,
    params: versionParams,
    query: none,
    body: none,
    // application/pdf bytes, not JSON.
    response: z.unknown(),
  }),
  listAnnotations: endpoint({
    ...apiRoutes.listAnnotations,
    params: documentParams,
    query: none,
    body: none,
    response: z.object({ annotations: z.array(Annotation) }),
  }),
  createAnnotation: endpoint({
    ...apiRoutes.createAnnotation,
    params: documentParams,
    query: none,
    body: NewAnnotation,
    response: Annotation,
  }),
} as const;
