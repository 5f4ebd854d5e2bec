import { useEffect, useRef } from 'react';
import { highlightQuotes, type Highlight } from './highlight-quote.js';
import { usePageFrameStyles } from './page-frame-styles.js';
import { useMarkStyles } from './text-layer-styles.js';

/** One page as its extracted text: for versions with no PDF (a Word file from a local folder). */
export function TextPageView({ pageNumber, pageCount, text, highlights }: { pageNumber: number; pageCount: number; text: string; highlights: readonly Highlight[] }) {
  const styles = usePageFrameStyles();
  const markStyles = useMarkStyles();
  const textRef = useRef<HTMLParagraphElement>(null);
  const highlightKey = JSON.stringify(highlights);
  useEffect(() => {
    const element = textRef.current;
    if (!element) return;
    // The text is set here, not by React: marks split its text nodes, which React must not find changed.
    element.textContent = text;
    highlightQuotes(element, highlights, markStyles.textMark);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, highlightKey, markStyles.textMark]);
  const headingId = `paper-page-${pageNumber}`;
  return (
    <section className={styles.section} tabIndex={-1} aria-labelledby={headingId} data-page-number={pageNumber} data-drawn="true">
      <h3 id={headingId} className={styles.caption}>
        Page {pageNumber} of {pageCount}
      </h3>
      <p ref={textRef} className={styles.textSheet} data-page-text="" />
    </section>
  );
}
