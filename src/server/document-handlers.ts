import { endpoints } from '../contract/endpoints.js';
import type { DocumentSourcesService } from '../services/document-sources-service.js';
import type { LocationInput } from '../documents/document-source.js';
import { type ApiRoutes, requireActor } from './api-routes.js';


/** Document sources per forum, and the sync. */
export function registerDocumentHandlers(routes: ApiRoutes, sources: DocumentSourcesService): void {
  routes.add(endpoints.listDocumentSources, async ({ actor }) => ({ forums: await sources.list(requireActor(actor)) }));
  routes.add(endpoints.setDocumentSource, async ({ actor, params, body }) =>
    sources.setForumSource(requireActor(actor), params.forumId, body as LocationInput),
  );
  routes.add(endpoints.removeDocumentSource, async ({ actor, params }) => sources.removeForumSource(requireActor(actor), params.forumId));
  routes.add(endpoints.syncStatus, async ({ actor }) => sources.status(requireActor(actor)));
  routes.add(endpoints.startSync, async ({ actor }) => sources.startSync(requireActor(actor)));
}
