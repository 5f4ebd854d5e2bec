import { forwardRef, useMemo, useRef } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { focusRing } from '../theme/focus-ring.js';
import type { AnnotatedPassage } from './annotation-notes.js';
import type { Highlight } from './highlight-quote.js';
import type { PDFDocumentProxy } from './load-pdfjs.js';
import { PdfPageView } from './pdf-page-view.js';
import { TextPageView } from './text-page-view.js';
import { useElementWidth } from './use-element-width.js';

const MAX_SCALE = 1.5;

const useStyles = makeStyles({
  pages: {
    minWidth: 0,
    '& [data-page-number]': { ...focusRing, outlineStyle: 'none' },
  },
});

export type PageSource =
  | { kind: 'pdf'; pdf: PDFDocumentProxy; firstPage: { width: number; height: number } }
  | { kind: 'text'; pages: { pageNumber: number; text: string }[] };

function highlightsByPage(passages: readonly AnnotatedPassage[], versionId: string): Map<number, Highlight[]> {
  const out = new Map<number, Highlight[]>();
  for (const { annotation: a } of passages) {
    if (a.status !== 'anchored' || a.documentVersionId !== versionId) continue;
    out.set(a.pageNumber, [...(out.get(a.pageNumber) ?? []), { id: a.id, quote: a.quote }]);
  }
  return out;
}

const NONE: Highlight[] = [];

/** Every page of the version, as drawn PDF pages or as text, each marking its annotated passages. */
export const PaperPages = forwardRef<HTMLDivElement, { source: PageSource; pageCount: number; versionId: string; passages: readonly AnnotatedPassage[]; label: string }>(
  function PaperPages({ source, pageCount, versionId, passages, label }, ref) {
    const styles = useStyles();
    const measureRef = useRef<HTMLDivElement>(null);
    const width = useElementWidth(measureRef);
    const byPage = useMemo(() => highlightsByPage(passages, versionId), [passages, versionId]);
    const numbers = Array.from({ length: pageCount }, (_, i) => i + 1);
    return (
      <div ref={ref} className={styles.pages} role="region" aria-label={label}>
        <div ref={measureRef}>
          {source.kind === 'pdf'
            ? width > 0 &&
              numbers.map((n) => (
                <PdfPageView
                  key={n}
                  pdf={source.pdf}
                  pageNumber={n}
                  pageCount={pageCount}
                  scale={Math.min(width / source.firstPage.width, MAX_SCALE)}
                  placeholder={source.firstPage}
                  highlights={byPage.get(n) ?? NONE}
                />
              ))
            : source.pages.map((p) => (
                <TextPageView key={p.pageNumber} pageNumber={p.pageNumber} pageCount={pageCount} text={p.text} highlights={byPage.get(p.pageNumber) ?? NONE} />
              ))}
        </div>
      </div>
    );
  },
);
