import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/** Before the scroller is measured: enough rows for a tall window, so the first paint is not empty. */
const FIRST_GUESS_PX = 900;

/**
 * Which rows of a long list to render: those in the scroller's view and a few either side. Rows are all
 * `rowHeight` tall, so the range is arithmetic; the rest is stood in for by two spacers. Scrolling is
 * read once per frame.
 */
export function useWindowedRange(count: number, rowHeight: number, overscan = 6) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FIRST_GUESS_PX);
  const frame = useRef(0);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setHeight(element.clientHeight || FIRST_GUESS_PX);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || FIRST_GUESS_PX));
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, []);

  const onScroll = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (ref.current) setScrollTop(ref.current.scrollTop);
    });
  }, []);

  /** Back to the first row (after the filters change, the old position means nothing). */
  const toTop = useCallback(() => {
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
  }, []);

  const start = Math.min(count, Math.max(0, Math.floor(scrollTop / rowHeight) - overscan));
  const end = Math.min(count, Math.ceil((scrollTop + Math.max(height, rowHeight)) / rowHeight) + overscan);
  return { ref, onScroll, toTop, start, end };
}
