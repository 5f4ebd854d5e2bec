/**
 * Mammoth's HTML for a Word document, split into pages of plain text. Mammoth escapes only &, <, > and " in the
 * HTML it writes, and page breaks arrive as <hr /> through the style map in docx-text.ts, so a small,
 * predictable tag walk suffices: paragraphs, headings and list items become lines, and a table row becomes one
 * line with its cells separated by spaces, which is how the same table reads when extracted from a PDF.
 */

import { normalisePageText } from './normalise-text.js';

/** Form feed marks page breaks between stripping and splitting: XML 1.0 forbids it, so no Word text contains it. */
const PAGE_MARK = '\f';
const TAG = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>/gi;
const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'table', 'thead', 'tbody', 'tfoot', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'div', 'br']);
/** The "↑" links mammoth adds after each footnote, endnote and comment, pointing back to where it was cited. */
const BACK_LINK = /<a href="#[^"]*-ref-[^"]*">\u2191<\/a>/g;
const ENTITY = /&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/**
 * Tags to page marks, line breaks, spaces or nothing, over the whole document at once so that a table row broken
 * across pages still reads as one row. Cells are counted, not matched, so tables nested in cells still work.
 */
function stripTags(html: string): string {
  let cells = 0;
  return html.replace(TAG, (_tag, close: string, rawName: string) => {
    const name = rawName.toLowerCase();
    if (name === 'hr') return PAGE_MARK;
    if (name === 'td' || name === 'th') {
      cells = Math.max(0, cells + (close ? -1 : 1));
      return ' ';
    }
    if (name === 'tr') return close ? '\n' : '';
    if (BLOCK.has(name)) return cells > 0 ? ' ' : '\n';
    return ''; // inline: strong, em, a, sup, img...
  });
}

/** Tags go before entities are decoded, so an escaped "<" in the text is never taken for a tag (nor "&#12;" for a page). */
export function htmlToPages(html: string): string[] {
  return stripTags(html.replace(BACK_LINK, '')).split(PAGE_MARK).map((page) => normalisePageText(decodeEntities(page)));
}
