/** Text extraction: a document's text page by page (PDF through pdf.js, Word through mammoth). */

export { extractPages } from './extract-pages.js';
export { DEFAULT_LIMITS, type ExtractionCode, type ExtractionLimits, type ExtractionResult } from './types.js';
export { normalisePageText } from './normalise-text.js';
export { detectFormat, type DocumentFormat } from './detect-format.js';
