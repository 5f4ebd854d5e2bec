import { useEffect, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';

const SHOWN_MS = 10_000;

/**
 * "Observation deleted" / "Status changed" with Undo. It goes after ten seconds, but never while the
 * pointer or keyboard focus is on it (WCAG 2.2.1: time limits can be extended). `takeFocus` moves focus to
 * Undo (the meeting panel, where the deleted item has gone); without it the person stays where they were.
 */
export function UndoBar({
  text,
  onUndo,
  onGone,
  takeFocus = false,
  keyShortcuts,
}: {
  text: string;
  onUndo: () => void;
  onGone: () => void;
  takeFocus?: boolean;
  /** Announced on the button (aria-keyshortcuts) when a shortcut also undoes. */
  keyShortcuts?: string;
}) {
  const [held, setHeld] = useState(false);
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (takeFocus) undoRef.current?.focus();
  }, [takeFocus]);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(onGone, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [held, onGone]);
  return (
    <div
      onFocus={() => setHeld(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setHeld(false);
      }}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
    >
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{text}</MessageBarBody>
        <MessageBarActions>
          <Button ref={undoRef} aria-keyshortcuts={keyShortcuts} onClick={onUndo}>
            Undo
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
