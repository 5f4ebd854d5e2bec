import { forwardRef } from 'react';
import { Link, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { SearchHit, SearchResponse } from '../../../src/contract/search.js';
import { formatDate } from '../format/dates.js';
import { focusRing } from '../theme/focus-ring.js';
import { HighlightedSnippet } from './highlighted-snippet.js';
import { paperHash } from '../papers/paper-params.js';

const KIND_NAMES: Record<SearchHit['kind'], string> = {
  agenda: 'Agenda',
  paper: 'Paper',
  minutes: 'Minutes',
  report: 'Report',
  other: 'Document',
};

const useStyles = makeStyles({
  heading: { ...typographyStyles.subtitle1, margin: `0 0 ${tokens.spacingVerticalS}`, overflowWrap: 'anywhere', outlineStyle: 'none' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  item: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  title: { ...typographyStyles.body1Strong, margin: `0 0 ${tokens.spacingVerticalXXS}`, overflowWrap: 'anywhere' },
  link: { ...focusRing },
  detail: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: `0 0 ${tokens.spacingVerticalXS}`, overflowWrap: 'anywhere' },
  snippet: { ...typographyStyles.body1, margin: 0, overflowWrap: 'anywhere' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  pager: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, marginBlockStart: tokens.spacingVerticalL },
});

function Hit({ hit }: { hit: SearchHit }) {
  const styles = useStyles();
  const date = hit.meetingDate ?? hit.documentDate;
  const facts = [hit.forumName, date ? formatDate(date) : null, KIND_NAMES[hit.kind]].filter(Boolean).join(' · ');
  return (
    <li className={styles.item}>
      <h3 className={styles.title}>
        <Link href={paperHash(hit.documentId, hit.pageNumber)} className={styles.link}>
          {hit.title}
          <span className={styles.hidden}>, page {hit.pageNumber}</span>
        </Link>
      </h3>
      <p className={styles.detail}>
        {facts ? `${facts} · ` : ''}page {hit.pageNumber}
      </p>
      <p className={styles.snippet}>
        <HighlightedSnippet snippet={hit.snippet} />
      </p>
    </li>
  );
}

export interface SearchResultsProps {
  result: SearchResponse;
  /** Hash of the previous and next pages of results, where there are such pages. */
  previous?: string;
  next?: string;
}

/** One page of results, each a heading that links to the paper at the page, then the passage that matched. */
export const SearchResults = forwardRef<HTMLHeadingElement, SearchResultsProps>(function SearchResults({ result, previous, next }, headingRef) {
  const styles = useStyles();
  const first = result.offset + 1;
  const last = result.offset + result.hits.length;
  return (
    <section aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" ref={headingRef} tabIndex={-1} className={styles.heading}>
        {result.total > result.hits.length ? `Results ${first}–${last} of ${result.total}` : 'Results'}
      </h2>
      <ol className={styles.list} start={first}>
        {result.hits.map((hit) => (
          <Hit key={`${hit.documentId}/${hit.pageNumber}`} hit={hit} />
        ))}
      </ol>
      {(previous || next) && (
        <nav aria-label="Results pages" className={styles.pager}>
          {previous ? <Link href={previous}>Previous results</Link> : <span />}
          {next ? <Link href={next}>Next results</Link> : <span />}
        </nav>
      )}
    </section>
  );
});
