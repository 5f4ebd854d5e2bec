import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX, SEARCH_OFFSET_MAX, SEARCH_QUERY_MAX, type SearchResponse } from '../contract/search.js';
import type { DocumentKind } from '../domain/vocabulary.js';
import type { SearchRepository } from '../storage/repositories/search-repository.js';
import { type Actor, authorize } from './actor.js';
import { invalid } from './errors.js';

export interface SearchInput {
  /** Websearch syntax: words, "a phrase", -excluded, or. */
  q: string;
  forumId?: string;
  type?: DocumentKind;
  /** Inclusive UK dates, YYYY-MM-DD: the meeting's date, else the document's. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, Math.trunc(n)));

/** Searching the text of a partnership's papers: for anyone who may read them. */
export class SearchService {
  constructor(private readonly repos: { search: SearchRepository }) {}

  async search(actor: Actor, input: SearchInput): Promise<SearchResponse> {
    authorize(actor, 'document.read');
    // The HTTP contract checks these too; the CLI and the bot come straight here.
    const query = input.q.trim();
    if (query.length === 0) throw invalid('q', 'must not be empty: say what to search for');
    if (query.length > SEARCH_QUERY_MAX) throw invalid('q', `must be at most ${SEARCH_QUERY_MAX} characters`);
    if (input.from && input.to && input.from > input.to) throw invalid('to', 'must be on or after from');
    const limit = clamp(input.limit ?? SEARCH_LIMIT_DEFAULT, 1, SEARCH_LIMIT_MAX);
    const offset = clamp(input.offset ?? 0, 0, SEARCH_OFFSET_MAX);

    const started = performance.now();
    const { total, hits } = await this.repos.search.search(actor.partnershipId, {
      query,
      forumId: input.forumId,
      kind: input.type,
      from: input.from,
      to: input.to,
      limit,
      offset,
    });
    return { query, total, limit, offset, hits, tookMs: Math.round(performance.now() - started) };
  }
}
