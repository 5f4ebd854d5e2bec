import { useCallback, useEffect } from 'react';
import { UndoBar } from '../components/undo-bar.js';
import type { UndoOffer } from './tracker-notice.js';

/**
 * "Status changed" with Undo. Unlike the meeting's it does not take focus: the person stays on the row they
 * changed, and Ctrl+Z (outside a text box) undoes from there.
 */
export function UndoOfferBar({ offer, onGone }: { offer: UndoOffer; onGone: () => void }) {
  const undo = useCallback(() => {
    offer.undo();
    onGone();
  }, [offer, onGone]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, [contenteditable="true"]');
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && !typing) {
        event.preventDefault();
        undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

  return <UndoBar text={offer.text} onUndo={undo} onGone={onGone} keyShortcuts="Control+Z" />;
}
