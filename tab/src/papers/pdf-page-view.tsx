import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { mergeClasses } from '@fluentui/react-components';
import { clearHighlights, highlightQuotes, type Highlight } from './highlight-quote.js';
import { loadPdfJs, type PDFDocumentProxy } from './load-pdfjs.js';
import { usePageFrameStyles } from './page-frame-styles.js';
import { useMarkStyles, useTextLayerStyles } from './text-layer-styles.js';

export interface PdfPageViewProps {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  pageCount: number;
  /** CSS pixels per PDF point. */
  scale: number;
  /** The page's shape until it is drawn (page 1's, in points). */
  placeholder: { width: number; height: number };
  highlights: readonly Highlight[];
}

/** One PDF page: drawn to a canvas when it scrolls near the view, with pdf.js's selectable text layer over it. */
export function PdfPageView({ pdf, pageNumber, pageCount, scale, placeholder, highlights }: PdfPageViewProps) {
  const styles = usePageFrameStyles();
  const layerStyles = useTextLayerStyles();
  const markStyles = useMarkStyles();
  const sheetRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [drawn, setDrawn] = useState<{ scale: number } | null>(null);

  // Drawn only once near the view: a long paper opens at once, and pages far away cost nothing.
  useEffect(() => {
    const sheet = sheetRef.current;
    if (!sheet || near) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: '800px 0px' });
    observer.observe(sheet);
    return () => observer.disconnect();
  }, [near]);

  useEffect(() => {
    if (!near || scale <= 0) return;
    let cancelled = false;
    let cancel: (() => void) | undefined;
    (async () => {
      const [pdfjs, page] = await Promise.all([loadPdfJs(), pdf.getPage(pageNumber)]);
      const canvas = canvasRef.current;
      const layer = layerRef.current;
      if (cancelled || !canvas || !layer) return;
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      setSize({ width: viewport.width, height: viewport.height });
      const task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      const textLayer = new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: layer, viewport });
      cancel = () => {
        task.cancel();
        textLayer.cancel();
      };
      layer.replaceChildren();
      await Promise.all([task.promise, textLayer.render()]);
      if (!cancelled) setDrawn({ scale });
    })().catch(() => {
      // A cancelled draw (scrolled away, resized) rejects: the next effect draws again.
    });
    return () => {
      cancelled = true;
      cancel?.();
    };
  }, [near, pdf, pageNumber, scale]);

  // Marks go in once the text layer is there, and again when the annotations change.
  const highlightKey = JSON.stringify(highlights);
  useEffect(() => {
    const layer = layerRef.current;
    if (!layer || !drawn) return;
    clearHighlights(layer);
    highlightQuotes(layer, highlights, markStyles.mark);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drawn, highlightKey, markStyles.mark]);

  const shown = size ?? { width: placeholder.width * scale, height: placeholder.height * scale };
  const sheetStyle = { width: `${shown.width}px`, height: `${shown.height}px`, '--total-scale-factor': String(scale) } as CSSProperties;
  const headingId = `paper-page-${pageNumber}`;
  return (
    <section className={styles.section} tabIndex={-1} aria-labelledby={headingId} data-page-number={pageNumber} data-drawn={drawn ? 'true' : undefined}>
      <h3 id={headingId} className={styles.label}>
        Page {pageNumber} of {pageCount}
      </h3>
      <div ref={sheetRef} className={styles.sheet} style={sheetStyle}>
        <canvas ref={canvasRef} className={styles.canvas} aria-hidden="true" />
        <div ref={layerRef} className={mergeClasses('textLayer', layerStyles.layer)} data-page-text="" />
      </div>
      <p className={styles.caption} aria-hidden="true">
        Page {pageNumber} of {pageCount}
      </p>
    </section>
  );
}
