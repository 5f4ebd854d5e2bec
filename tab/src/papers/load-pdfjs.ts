/**
 * pdf.js, loaded only when a paper is opened, so it stays out of every other page's bundle
 * (the meeting side panel above all). Its worker is a separate file served from our origin
 * (CSP worker-src 'self').
 */
type PdfJs = typeof import('pdfjs-dist');

let loading: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs;
  });
  // A failed load (e.g. a dropped connection) may be tried again.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
