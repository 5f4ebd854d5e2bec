import { DOCUMENT_KINDS, type DocumentKind } from '../../../src/domain/vocabulary.js';
import { SEARCH_LIMIT_DEFAULT, SEARCH_OFFSET_MAX, SEARCH_QUERY_MAX } from '../../../src/contract/search-text.js';
import { hashWith } from '../router/hash-params.js';

/** What is being searched for: all of it lives in the address, so a search can be linked, reloaded and gone back to. */
export interface SearchState {
  q: string;
  forumId: string;
  type: DocumentKind | '';
  from: string;
  to: string;
  /** 1-based results page. */
  page: number;
}

export const PAGE_SIZE = SEARCH_LIMIT_DEFAULT;
const MAX_PAGE = Math.floor(SEARCH_OFFSET_MAX / PAGE_SIZE) + 1;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the state from the hash parameters, dropping anything the API would refuse. */
export function readSearchState(params: URLSearchParams): SearchState {
  const type = params.get('type') ?? '';
  const date = (key: string) => {
    const v = params.get(key) ?? '';
    return ISO_DATE.test(v) ? v : '';
  };
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: (params.get('q') ?? '').trim().slice(0, SEARCH_QUERY_MAX),
    forumId: params.get('forum') ?? '',
    type: (DOCUMENT_KINDS as readonly string[]).includes(type) ? (type as DocumentKind) : '',
    from: date('from'),
    to: date('to'),
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

export function searchHash(state: SearchState): string {
  return hashWith('#/search', {
    q: state.q,
    forum: state.forumId,
    type: state.type,
    from: state.from,
    to: state.to,
    page: state.page > 1 ? state.page : undefined,
  });
}

export const hasFilters = (s: SearchState) => Boolean(s.forumId || s.type || s.from || s.to);

/** Where a result leads: the paper, open at the page. */
