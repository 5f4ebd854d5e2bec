/**
 * Text of each page of a PDF, with pdf.js (the legacy build: the main build of pdfjs-dist 5.x and later targets
 * newer runtimes than Node 20).
 *
 * How pdf.js runs in Node: it never starts a real worker there (it sets its "worker disabled" flag when it detects
 * Node) and instead runs the worker's code on the main thread behind a loopback port, the "fake worker". It finds
 * that code either on `globalThis.pdfjsWorker` or by `import()`ing `GlobalWorkerOptions.workerSrc`, which defaults to
 * "./pdf.worker.mjs" beside pdf.mjs. We load the legacy worker module ourselves and publish it on
 * `globalThis.pdfjsWorker`: the worker is then guaranteed to be the same version as the API, and nothing depends
 * on a relative URL that bundlers and test runners may not preserve. No workerSrc is set.
 *
 * Both modules (about 3 MB of JavaScript) are loaded on first use, so the server pays nothing until a PDF
 * arrives, and with require() (Node 20.19+ can require ES modules without top-level await) rather than import():
 * the server runs under tsx, whose import() hook rewrites every ES module containing a dynamic import and builds
 * a full-resolution source map for it. For pdf.js's bundles that costs about 270 MB of resident memory; require()
 * bypasses tsx's ES module hook (measured with scripts/start.mjs's registration: 431 MB against 164 MB). import()
 * remains as the fallback should require() refuse.
 *
 * Consequence for callers: parsing is CPU work on the calling thread. Run bulk extraction in a worker thread or
 * child process if the event loop must stay responsive.
 */

import { createRequire } from 'node:module';
import path from 'node:path';
import { pageTextFromItems } from './pdf-page-text.js';
import { reasons } from './reasons.js';
import type { ExtractionResult } from './types.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const require = createRequire(import.meta.url);
const API = 'pdfjs-dist/legacy/build/pdf.mjs';
const WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

let pdfjsLoading: Promise<PdfJs> | undefined;

async function importModules(): Promise<[PdfJs, unknown]> {
  try {
    return [require(API) as PdfJs, require(WORKER) as unknown];
  } catch {
    return Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
  }
}

function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= importModules().then(([pdfjs, worker]) => {
    const global = globalThis as { pdfjsWorker?: unknown };
    global.pdfjsWorker ??= worker;
    return pdfjs;
  });
  return pdfjsLoading;
}

/**
 * Character maps for CJK fonts that use the predefined CMaps: without them those pages extract as nothing. Read
 * from disk by pdf.js only when a PDF asks for one. (Standard-font data is deliberately not given: text extraction
 * uses pdf.js's built-in metrics for the 14 standard fonts, and loading the font programs makes every
 * document about 40% slower for identical text.)
 */
const CMAP_DIR = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps')}${path.sep}`;

const nameOf = (error: unknown): string => (error instanceof Error ? error.name : '');

export async function pdfPages(bytes: Uint8Array, fileName: string, maxPages: number): Promise<ExtractionResult> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js transfers the buffer it is given, detaching it (and a Buffer may share Node's pool with other data),
    // so it gets its own copy and the caller's bytes stay usable.
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
  });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (error) {
      // PasswordException: a user (open) password. Owner-only "permissions" passwords open fine and are read.
      if (nameOf(error) === 'PasswordException') return { status: 'failed', code: 'encrypted', reason: reasons.pdfEncrypted(fileName) };
      return { status: 'failed', code: 'corrupt', reason: reasons.pdfCorrupt(fileName) };
    }
    const total = doc.numPages;
    if (total === 0) return { status: 'failed', code: 'corrupt', reason: reasons.pdfCorrupt(fileName) };
    const count = Math.min(total, maxPages);
    const pages: string[] = [];
    const unreadable: number[] = [];
    for (let n = 1; n <= count; n++) {
      try {
        const page = await doc.getPage(n);
        try {
          pages.push(pageTextFromItems((await page.getTextContent()).items));
        } finally {
          page.cleanup(); // frees the page's parsed resources now rather than when the document goes
        }
      } catch {
        // One damaged page should not cost the reader the rest of the document.
        pages.push('');
        unreadable.push(n);
      }
    }
    if (unreadable.length === count) return { status: 'failed', code: 'corrupt', reason: reasons.pdfCorrupt(fileName) };
    if (pages.every((p) => p === '')) {
      return unreadable.length > 0
        ? { status: 'failed', code: 'corrupt', reason: reasons.pdfCorrupt(fileName) }
        : { status: 'failed', code: 'empty', reason: reasons.pdfNoText(fileName, total) };
    }
    const warnings = [
      ...(unreadable.length > 0 ? [reasons.pdfUnreadablePages(unreadable)] : []),
      ...(total > count ? [reasons.pagesLeftOut(total, count)] : []),
    ];
    return warnings.length > 0 ? { status: 'extracted', pages, warnings } : { status: 'extracted', pages };
  } catch {
    // Anything else pdf.js throws on the way is still about this file, not about the caller.
    return { status: 'failed', code: 'corrupt', reason: reasons.pdfCorrupt(fileName) };
  } finally {
    // Destroying the loading task destroys the document and its fake worker: nothing outlives the call, which
    // matters across thousands of files. A failure to tidy up must not turn a good result into an exception.
    await task.destroy().catch(() => undefined);
  }
}
