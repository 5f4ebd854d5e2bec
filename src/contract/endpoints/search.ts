import { endpoint, none, partnershipParams } from '../endpoint.js';
import { SearchQuery, SearchResponse } from '../search.js';

/** Full-text search across every agenda, paper and set of minutes of a partnership. */
export const searchEndpoints = {
  searchDocuments: endpoint({
    name: 'searchDocuments',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/search',
    access: 'document.read',
    params: partnershipParams,
    query: SearchQuery,
    body: none,
    response: SearchResponse,
  }),
} as const;
