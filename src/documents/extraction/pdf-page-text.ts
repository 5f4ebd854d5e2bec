/**
 * Rebuilds one page's text from pdf.js text items. pdf.js returns runs of glyphs in content-stream order, which
 * for the Word, PowerPoint and Graph exports that partnerships circulate is reading order; sorting by position
 * instead would interleave columns and table cells, so stream order is kept and only the joins are decided here.
 */

import { normalisePageText } from './normalise-text.js';

/** The fields of pdf.js's TextItem this needs (marked-content items, which have no `str`, are skipped). */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, e, f]: (e, f) is the run's origin on the page; (a, b) its direction scaled by the font size. */
  transform: number[];
  /** Advance of the whole run along its direction, in page units. */
  width: number;
  height: number;
  hasEOL: boolean;
}

const isTextItem = (item: unknown): item is PdfTextItem =>
  typeof item === 'object' && item !== null && typeof (item as PdfTextItem).str === 'string' && Array.isArray((item as PdfTextItem).transform);

// Thresholds as fractions of the font size. A change of baseline by half a line is a new line (superscripts move
// about a third, so they stay put); a horizontal gap of a sixth of an em or more is a word gap (a space is about a
// quarter of an em, kerning a few hundredths), which separates table cells that the PDF draws as separate runs.
const NEW_LINE = 0.5;
const WORD_GAP = 0.16;
/** Jumping back along the line by more than this means the text restarted to the left: a new line. */
const BACKWARDS = 1;

export function pageTextFromItems(items: readonly unknown[]): string {
  let out = '';
  let prev: { endX: number; endY: number; size: number } | undefined;
  let lineEnded = false;
  for (const item of items) {
    if (!isTextItem(item)) continue;
    const [a = 1, b = 0, , , x = 0, y = 0] = item.transform;
    const scale = Math.hypot(a, b);
    const size = scale || item.height || 1;
    // Work along and across the run's own direction, so rotated pages and vertical text are judged the same way.
    const ux = scale ? a / scale : 1;
    const uy = scale ? b / scale : 0;
    if (item.str !== '') {
      if (prev) {
        const dx = x - prev.endX;
        const dy = y - prev.endY;
        const along = dx * ux + dy * uy;
        const across = -dx * uy + dy * ux;
        const tolerance = Math.max(size, prev.size);
        if (lineEnded || Math.abs(across) > NEW_LINE * tolerance || along < -BACKWARDS * tolerance) out += '\n';
        else if (along > WORD_GAP * tolerance && !/\s$/.test(out) && !/^\s/.test(item.str)) out += ' ';
      }
      out += item.str;
      prev = { endX: x + item.width * ux, endY: y + item.width * uy, size };
      lineEnded = false;
    }
    // pdf.js marks the last run of a line (often with an empty run of its own); the next run starts a new line.
    if (item.hasEOL) lineEnded = true;
  }
  return normalisePageText(out);
}
