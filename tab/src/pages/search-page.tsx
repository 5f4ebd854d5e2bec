import { useEffect, useRef } from 'react';
import { Link, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { Me } from '../../../src/contract/index.js';
import type { SearchResponse } from '../../../src/contract/search.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { PageHeading } from '../components/page-heading.js';
import { useHashParams } from '../router/hash-params.js';
import { SearchForm } from '../search/search-form.js';
import { hasFilters, PAGE_SIZE, readSearchState, searchHash, type SearchState } from '../search/search-params.js';
import { SearchResults } from '../search/search-results.js';

const useStyles = makeStyles({
  count: { ...typographyStyles.body1Strong, margin: `0 0 ${tokens.spacingVerticalM}`, overflowWrap: 'anywhere' },
  empty: { ...typographyStyles.body1, margin: 0 },
  tips: { ...typographyStyles.body1, marginBlock: tokens.spacingVerticalS, paddingInlineStart: tokens.spacingHorizontalXL },
  help: { ...typographyStyles.body1, margin: 0, maxWidth: '70ch' },
});

const go = (state: SearchState) => {
  window.location.hash = searchHash(state);
};

function countText(state: SearchState, result: SearchResponse): string {
  const what = `“${result.query}”${hasFilters(state) ? ' with these filters' : ''}`;
  if (result.total === 0) return `No pages match ${what}.`;
  return result.total === 1 ? `1 page matches ${what}.` : `${result.total} pages match ${what}.`;
}

function NoResults({ state }: { state: SearchState }) {
  const styles = useStyles();
  return (
    <section aria-label="What to try">
      <p className={styles.empty}>Things to try:</p>
      <ul className={styles.tips}>
        <li>Check the spelling, or use another word for the same thing (for example “exploitation” for “CCE”).</li>
        <li>Use fewer words: every word must be on the same page.</li>
        <li>Put words in quotes only for an exact phrase, such as "county lines".</li>
        {hasFilters(state) && <li>Clear the filters to search all forums, types and dates.</li>}
      </ul>
    </section>
  );
}

function Search({ partnershipId }: { partnershipId: string }) {
  const styles = useStyles();
  const state = readSearchState(useHashParams());
  const forums = useApi(apiRoutes.listForums, { params: { partnershipId } });
  const query = {
    q: state.q,
    forumId: state.forumId || undefined,
    type: state.type || undefined,
    from: state.from || undefined,
    to: state.to || undefined,
    limit: PAGE_SIZE,
    offset: (state.page - 1) * PAGE_SIZE,
  };
  const { state: search, retry } = useApi(apiRoutes.searchDocuments, { params: { partnershipId }, query }, state.q === '');
  const result = state.q && search.status === 'ready' ? search.data : undefined;

  // Moving to another page of results: start reading at its heading, as after following a link.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownPage = useRef(state.page);
  useEffect(() => {
    if (!result) return;
    if (shownPage.current !== state.page) headingRef.current?.focus();
    shownPage.current = state.page;
  }, [result, state.page]);

  const pageHash = (page: number) => searchHash({ ...state, page });
  return (
    <>
      <SearchForm
        state={state}
        forums={forums.state.status === 'ready' ? forums.state.data.forums : undefined}
        forumsFailed={forums.state.status === 'error'}
        onSearch={go}
      />
      {/* Always in the page, so screen readers announce each new count. */}
      <p className={styles.count} aria-live="polite" aria-atomic="true">
        {result ? countText(state, result) : ''}
      </p>
      {state.q === '' && (
        <p className={styles.help}>
          Search the text of every agenda, paper and set of minutes this partnership has. Each result opens the paper at the page
          where the words are.
        </p>
      )}
      {state.q !== '' && search.status === 'loading' && <LoadingState label="Searching the papers…" />}
      {state.q !== '' && search.status === 'error' && (
        <ErrorState title="The search did not work." message={search.error.message} onRetry={retry} />
      )}
      {result && result.total === 0 && <NoResults state={state} />}
      {result && result.hits.length > 0 && (
        <SearchResults
          ref={headingRef}
          result={result}
          previous={state.page > 1 ? pageHash(state.page - 1) : undefined}
          next={result.offset + result.hits.length < result.total ? pageHash(state.page + 1) : undefined}
        />
      )}
      {result && result.total > 0 && result.hits.length === 0 && (
        <p className={styles.empty}>
          There are no more results. <Link href={pageHash(1)}>Back to the first results</Link>
        </p>
      )}
    </>
  );
}

/** Search across the partnership's papers, with links straight to the page. */
export default function SearchPage({ membership }: { membership: Me }) {
  const mayRead = membership.permissions.includes('document.read');
  return (
    <>
      <PageHeading intro="Search across every agenda, paper and set of minutes the partnership has, with links straight to the page.">
        Search
      </PageHeading>
      {mayRead ? (
        <Search partnershipId={membership.partnership.id} />
      ) : (
        <p>Your role in this partnership does not include reading its papers, so there is nothing to search. Ask the business manager if you need to.</p>
      )}
    </>
  );
}
