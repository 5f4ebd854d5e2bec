/**
 * Where a Word document's pages begin. Word files have no fixed pages, but two things in word/document.xml say
 * where pages fall:
 *   - explicit page breaks, <w:br w:type="page"/>, which the author typed (Ctrl+Enter) and every tool honours;
 *   - <w:lastRenderedPageBreak/>, which Word writes at the start of each page as it last laid the document out.
 *     It captures pages that simply filled up, section breaks and "page break before" too, so when Word was the
 *     last to save the file it is the pagination people see; other tools do not write it.
 * Mammoth understands only the first (it skips the second), so when the rendered breaks are usable they are
 * rewritten as explicit ones before mammoth reads the document. Pure string work on the XML.
 */

/** Attribute order and quoting vary between producers, so match any w:br whose type is page. */
const EXPLICIT = /<w:br\b[^>]*\bw:type\s*=\s*["']page["'][^>]*>/g;
const RENDERED = /<w:lastRenderedPageBreak\s*\/>/g;
/** Table rows open and close around the rendered breaks we meet, so rows can be tracked in one scan. */
const ROW_OR_RENDERED = /<w:tr[\s>]|<\/w:tr>|<w:lastRenderedPageBreak\s*\/>/g;

export interface BreakCounts { explicit: number; rendered: number }

export function countPageBreaks(xml: string): BreakCounts {
  return { explicit: xml.match(EXPLICIT)?.length ?? 0, rendered: xml.match(RENDERED)?.length ?? 0 };
}

/**
 * Rendered breaks are used when present and at least as many as the explicit ones: Word renders a break at every
 * explicit one, so fewer would mean the file was edited since Word last laid it out (the explicit breaks are then
 * the only trustworthy ones).
 */
export const shouldUseRenderedBreaks = ({ explicit, rendered }: BreakCounts): boolean => rendered > 0 && rendered >= explicit;

/**
 * Turns rendered breaks into explicit page breaks and explicit ones into line breaks (their page is already marked
 * by the rendered break that follows them; the line break keeps the words either side apart). When a table row
 * starts a page Word marks the first paragraph of every cell in it, so only the first mark in each outermost row
 * counts.
 */
export function promoteRenderedBreaks(xml: string): string {
  const withoutExplicit = xml.replace(EXPLICIT, '<w:br/>');
  let depth = 0;
  let markedThisRow = false;
  return withoutExplicit.replace(ROW_OR_RENDERED, (token) => {
    if (token.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) markedThisRow = false;
      return token;
    }
    if (token.startsWith('<w:tr')) {
      depth += 1;
      return token;
    }
    if (depth > 0 && markedThisRow) return '';
    if (depth > 0) markedThisRow = true;
    return '<w:br w:type="page"/>';
  });
}
