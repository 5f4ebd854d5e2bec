import { searchEndpoints } from '../contract/endpoints/search.js';
import type { SearchService } from '../services/search-service.js';
import { ApiError } from './api-error.js';
import type { ApiRoutes } from './api-routes.js';

/** Binds the search endpoint to its service. The handler only translates. */
export function registerSearchHandlers(routes: ApiRoutes, search: SearchService): void {
  routes.add(searchEndpoints.searchDocuments, async ({ actor, query }) => {
    // ApiRoutes resolves the actor for every path with a partnershipId; this guards the wiring.
    if (!actor) throw new ApiError('forbidden', 'This request names no partnership you belong to.');
    return search.search(actor, query);
  });
}
