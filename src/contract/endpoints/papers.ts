import { z } from 'zod';
import { endpoint, none } from '../endpoint.js';
import { Annotation, DocumentDetail, NewAnnotation, PageText } from '../papers.js';
import { Uuid } from '../values.js';

const documentParams = z.strictObject({ partnershipId: Uuid, documentId: Uuid });
const versionParams = z.strictObject({ partnershipId: Uuid, documentId: Uuid, versionId: Uuid });

/** The paper viewer: a document, its pages, its PDF and its annotations. */
export const paperEndpoints = {
  getDocument: endpoint({
    name: 'getDocument',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/documents/:documentId',
    access: 'document.read',
    params: documentParams,
    query: none,
    body: none,
    response: DocumentDetail,
  }),
  getPages: endpoint({
    name: 'getPages',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/documents/:documentId/versions/:versionId/pages',
    access: 'document.read',
    params: versionParams,
    query: none,
    body: none,
    response: z.object({ pages: z.array(PageText) }),
  }),
  getPdf: endpoint({
    name: 'getPdf',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/documents/:documentId/versions/:versionId/pdf',
    access: 'document.read',
    params: versionParams,
    query: none,
    body: none,
    // application/pdf bytes, not JSON.
    response: z.unknown(),
  }),
  listAnnotations: endpoint({
    name: 'listAnnotations',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/documents/:documentId/annotations',
    // Each annotation is as visible as the observation or challenge it carries (the service decides).
    access: 'document.read',
    params: documentParams,
    query: none,
    body: none,
    response: z.object({ annotations: z.array(Annotation) }),
  }),
  createAnnotation: endpoint({
    name: 'createAnnotation',
    method: 'POST',
    path: '/api/v1/partnerships/:partnershipId/documents/:documentId/annotations',
    access: 'annotation.create',
    params: documentParams,
    query: none,
    body: NewAnnotation,
    response: Annotation,
    status: 201,
  }),
} as const;
