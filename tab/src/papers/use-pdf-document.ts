import { useEffect, useState } from 'react';
import { toApiError } from '../api/to-api-error.js';
import { loadPdfJs, type PDFDocumentProxy } from './load-pdfjs.js';
import { fetchPdfBytes } from './pdf-bytes.js';

export type PdfState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; pdf: PDFDocumentProxy; /** Page 1's size in PDF points: the placeholder shape for every page until drawn. */ firstPage: { width: number; height: number } };

/** Loads one version's PDF into pdf.js (skipped when the version has none); destroys it when no longer shown. */
export function usePdfDocument(ids: { partnershipId: string; documentId: string; versionId: string } | null): PdfState {
  const [state, setState] = useState<PdfState>({ status: 'loading' });
  const key = ids ? `${ids.partnershipId}/${ids.documentId}/${ids.versionId}` : '';

  useEffect(() => {
    if (!ids) return;
    const controller = new AbortController();
    let pdf: PDFDocumentProxy | undefined;
    setState({ status: 'loading' });
    (async () => {
      const [pdfjs, data] = await Promise.all([loadPdfJs(), fetchPdfBytes(ids, controller.signal)]);
      // isEvalSupported: false keeps pdf.js from trying `new Function`, which our CSP refuses (and reports).
      pdf = await pdfjs.getDocument({ data, isEvalSupported: false }).promise;
      const first = await pdf.getPage(1);
      const [x0, y0, x1, y1] = first.view;
      if (controller.signal.aborted) return;
      setState({ status: 'ready', pdf, firstPage: { width: (x1 ?? 0) - (x0 ?? 0), height: (y1 ?? 0) - (y0 ?? 0) } });
    })().catch((error: unknown) => {
      if (controller.signal.aborted) return;
      setState({ status: 'error', message: toApiError(error).message });
    });
    return () => {
      controller.abort();
      void pdf?.destroy();
    };
    // `key` stands for ids, whose identity changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return state;
}
