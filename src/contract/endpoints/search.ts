import { endpoint, none, partnershipParams } from '../endpoint.js';
import { apiRoutes } from '../routes.js';
import { SearchQuery, SearchResponse } from '../search.js';

/** Full-text search across every agenda, paper and set of minutes of a partnership. */
export const searchEndpoints = {
  searchDocuments: endpoint({
    ...apiRoutes.searchDocuments,
    params: partnershipParams,
    query: SearchQuery,
    body: none,
    response: SearchResponse,
  }),
} as const;
