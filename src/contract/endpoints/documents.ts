import { z } from 'zod';
import { LocationInputSchema, ForumSource, SyncStatus } from '../documents.js';
import { endpoint, none, partnershipParams } from '../endpoint.js';
import { Uuid } from '../values.js';

const forumParams = z.strictObject({ partnershipId: Uuid, forumId: Uuid });

/** Where each forum's papers come from, and the sync that brings them in. */
export const documentEndpoints = {
  listDocumentSources: endpoint({
    name: 'listDocumentSources',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/document-sources',
    access: 'document.read',
    params: partnershipParams,
    query: none,
    body: none,
    response: z.object({ forums: z.array(ForumSource) }),
  }),
  setDocumentSource: endpoint({
    name: 'setDocumentSource',
    method: 'PUT',
    path: '/api/v1/partnerships/:partnershipId/forums/:forumId/document-source',
    access: 'document.manage',
    params: forumParams,
    query: none,
    body: LocationInputSchema,
    response: ForumSource,
  }),
  removeDocumentSource: endpoint({
    name: 'removeDocumentSource',
    method: 'DELETE',
    path: '/api/v1/partnerships/:partnershipId/forums/:forumId/document-source',
    access: 'document.manage',
    params: forumParams,
    query: none,
    body: none,
    response: ForumSource,
  }),
  syncStatus: endpoint({
    name: 'syncStatus',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/sync',
    access: 'document.read',
    params: partnershipParams,
    query: none,
    body: none,
    response: SyncStatus,
  }),
  startSync: endpoint({
    name: 'startSync',
    method: 'POST',
    path: '/api/v1/partnerships/:partnershipId/sync',
    access: 'document.manage',
    params: partnershipParams,
    query: none,
    body: none,
    response: SyncStatus,
    status: 202,
  }),
} as const;
