import { useEffect, useState, type RefObject } from 'react';

/** An element's content width in CSS pixels, kept up to date as the panel or window is resized. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver((entries) => {
      const next = Math.floor(entries[0]?.contentRect.width ?? element.clientWidth);
      // Small changes (a scrollbar appearing) are not worth redrawing every page for.
      setWidth((current) => (Math.abs(current - next) >= 8 ? next : current));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
