import { useEffect, useRef } from 'react';

/** The keyboard shortcut for "Annotate selection", also announced on the button (aria-keyshortcuts). */
export const ANNOTATE_SHORTCUT = 'Alt+Shift+A';

/** Calls `onAnnotate` on Alt+Shift+A anywhere on the page (by key position, so any keyboard layout works). */
export function useAnnotateShortcut(onAnnotate: () => void, enabled: boolean): void {
  const latest = useRef(onAnnotate);
  latest.current = onAnnotate;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyA') {
        event.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
