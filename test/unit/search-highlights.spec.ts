import { describe, expect, it } from 'vitest';
import { formatIsoDate, markSnippet } from '../../src/cli/commands/search.js';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S, SearchQuery, splitHighlights } from '../../src/contract/search.js';

describe('search snippets and queries', () => {
  it('splits a snippet into plain and highlighted runs', () => {
    expect(splitHighlights(`The ${S}neglect${E} ${S}audit${E} found`)).toEqual([
      { text: 'The ', highlighted: false },
      { text: 'neglect', highlighted: true },
      { text: ' ', highlighted: false },
      { text: 'audit', highlighted: true },
      { text: ' found', highlighted: false },
    ]);
  });

  it('tolerates unbalanced markers and keeps markup as text', () => {
    expect(splitHighlights(`${E}a <b>${S}b`)).toEqual([
      { text: 'a <b>', highlighted: false },
      { text: 'b', highlighted: true },
    ]);
    expect(splitHighlights('')).toEqual([]);
  });

  it('marks hits «like this» for the terminal, and writes dates as people in England do', () => {
    expect(markSnippet(`the ${S}audit${E}`)).toBe('the «audit»');
    expect(formatIsoDate('2026-01-14')).toBe('14 January 2026');
  });

  it('validates a search: trims q, defaults the page, refuses a reversed date range', () => {
    expect(SearchQuery.parse({ q: '  neglect ' })).toEqual({ q: 'neglect', limit: 20, offset: 0 });
    expect(SearchQuery.parse({ q: 'x', limit: '5', offset: '40' })).toMatchObject({ limit: 5, offset: 40 });
    expect(SearchQuery.safeParse({ q: 'x', from: '2026-02-01', to: '2026-01-01' }).error?.issues[0]?.path).toEqual(['to']);
    expect(SearchQuery.safeParse({ q: 'x', limit: '0' }).success).toBe(false);
  });
});
