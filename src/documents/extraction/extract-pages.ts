/**
 * The one entry point: the text of a document, page by page, from its bytes. It never throws for a bad file:
 * every problem with the input comes back as a result whose reason a business manager can act on. (A broken
 * installation, such as pdf.js missing, still throws: that is ours to fix, not theirs.)
 */

import { detectFormat } from './detect-format.js';
import { docxPages } from './docx-text.js';
import { pdfPages } from './pdf-text.js';
import { reasons } from './reasons.js';
import { DEFAULT_LIMITS, type ExtractionLimits, type ExtractionResult } from './types.js';

export async function extractPages(
  bytes: Uint8Array,
  mimeType: string,
  fileName: string,
  limits: Partial<ExtractionLimits> = {},
): Promise<ExtractionResult> {
  const { maxBytes, maxPages } = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.length === 0) return { status: 'failed', code: 'empty', reason: reasons.empty(fileName) };
  const format = detectFormat(bytes, mimeType, fileName);
  switch (format.kind) {
    case 'unsupported':
      return { status: 'skipped', code: 'unsupported', reason: reasons.unsupported(fileName) };
    case 'convert':
      // Graph's ?format=pdf makes the PDF; the caller then calls again with it.
      return { status: 'skipped', code: 'needs_conversion', reason: reasons.needsConversion(fileName, format.label) };
  }
  if (bytes.length > maxBytes) return { status: 'failed', code: 'too_large', reason: reasons.tooLarge(fileName, bytes.length, maxBytes) };
  return format.kind === 'pdf' ? pdfPages(bytes, fileName, maxPages) : docxPages(bytes, fileName, { maxBytes, maxPages });
}
