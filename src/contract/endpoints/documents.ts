import { z } from 'zod';
import { LocationInputSchema, ForumSource, SyncStatus } from '../documents.js';
import { endpoint, none, partnershipParams } from '../endpoint.js';
import { apiRoutes } from '../routes.js';
import { Uuid } from '../values.js';

const forumParams = z.strictObject({ partnershipId: Uuid, forumId: Uuid });

/** Where each forum's papers come from, and the sync that brings them in. */
export const documentEndpoints = {
  listDocumentSources: endpoint({
    ...apiRoutes.listDocumentSources,
    params: partnershipParams,
    query: none,
    body: none,
    response: z.object({ forums: z.array(ForumSource) }),
  }),
  setDocumentSource: endpoint({
    ...apiRoutes.setDocumentSource,
    params: forumParams,
    query: none,
    body: LocationInputSchema,
    response: ForumSource,
  }),
  removeDocumentSource: endpoint({
    ...apiRoutes.removeDocumentSource,
    params: forumParams,
    query: none,
    body: none,
    response: ForumSource,
  }),
  syncStatus: endpoint({
    ...apiRoutes.syncStatus,
    params: partnershipParams,
    query: none,
    body: none,
    response: SyncStatus,
  }),
  startSync: endpoint({
    ...apiRoutes.startSync,
    params: partnershipParams,
    query: none,
    body: none,
    response: SyncStatus,
  }),
} as const;
