import { useEffect, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';

const SHOWN_MS = 10_000;

/**
 * "Observation deleted" with Undo. It goes after ten seconds, but never while the pointer
 * or keyboard focus is on it (WCAG 2.2.1: time limits can be extended).
 */
export function UndoBar({ text, onUndo, onGone }: { text: string; onUndo: () => void; onGone: () => void }) {
  const [held, setHeld] = useState(false);
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => undoRef.current?.focus(), []);
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
          <Button ref={undoRef} onClick={onUndo}>
            Undo
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
