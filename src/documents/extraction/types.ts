/** The result of reading a document's text, page by page. Shared by every format so callers never branch on format. */

export type ExtractionCode = 'encrypted' | 'corrupt' | 'empty' | 'unsupported' | 'too_large' | 'needs_conversion';

export type ExtractionResult =
  /**
   * pages[0] is page 1. `warnings` (plain English, only when there is something to say) covers partial success:
   * pages that could not be read, or pages past the page limit that were left out.
   */
  | { status: 'extracted'; pages: string[]; warnings?: string[] }
  /**
   * 'skipped' means we chose not to read it (unsupported, or needs converting to PDF first); 'failed' means we
   * tried and the file itself is the problem. `reason` is written for the business manager who can fix the file.
   */
  | { status: 'failed' | 'skipped'; reason: string; code: ExtractionCode };

export interface ExtractionLimits {
  /** Files larger than this are not read at all: parsers hold the whole file (and more) in memory. */
  maxBytes: number;
  /** Pages after this are left out (with a warning): bounds time and memory on pathological files. */
  maxPages: number;
}

export const DEFAULT_LIMITS: ExtractionLimits = { maxBytes: 100 * 1024 * 1024, maxPages: 2000 };
