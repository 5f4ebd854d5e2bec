/* The zod-free half of the search contract: highlight markers and limits, which the tab reads too. */

/**
 * Snippets are plain text. The words that matched are wrapped in two control
 * characters that never occur in extracted text (the server strips them first),
 * so each client decides how to show a highlight (<mark> in the tab, «» in the CLI)
 * and nothing in a paper can ever be read as markup.
 */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export interface SnippetPart {
  text: string;
  highlighted: boolean;
}

/** Splits a snippet into plain and highlighted runs (unbalanced markers are tolerated). */
export function splitHighlights(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let highlighted = false;
  let run = '';
  const flush = () => {
    if (run) parts.push({ text: run, highlighted });
    run = '';
  };
  for (const ch of snippet) {
    if (ch === HIGHLIGHT_START || ch === HIGHLIGHT_END) {
      flush();
      highlighted = ch === HIGHLIGHT_START;
    } else {
      run += ch;
    }
  }
  flush();
  return parts;
}

/** Limits of a search query (search.ts checks them on the server; the tab keeps its form within them). */
export const SEARCH_QUERY_MAX = 200;
export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 100;
export const SEARCH_OFFSET_MAX = 10_000;
