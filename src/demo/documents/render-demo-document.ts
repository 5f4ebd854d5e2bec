/** One entry point for callers that do not care which format a demo document is in. */

import type { DemoDocument } from './demo-document-content.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';

export async function renderDemoDocument(doc: DemoDocument): Promise<Uint8Array> {
  return doc.format === 'pdf' ? renderPdf(doc) : renderDocx(doc);
}
