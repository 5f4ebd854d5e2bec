import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { focusRing } from '../theme/focus-ring.js';
import { visuallyHidden } from '../theme/visually-hidden.js';

const useStyles = makeStyles({
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginBlockEnd: tokens.spacingVerticalXS },
  chip: {
    ...typographyStyles.caption1,
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    maxWidth: '100%',
    minHeight: '24px',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'start',
    overflowWrap: 'anywhere',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground3Hover },
    ...focusRing,
  },
  hint: visuallyHidden,
});

/**
 * The chosen checklist areas, as chips: a listbox whose options remove themselves with Delete,
 * Backspace, Enter or a click. One Tab stop; the arrows move between chips (ArrowRight past the last
 * goes back to the text box).
 */
export function AreaChips({
  chips,
  onRemove,
  onLeave,
}: {
  chips: readonly { id: string; title: string }[];
  onRemove: (id: string) => void;
  /** Focus leaves the chips for the text box (after the last is removed, or ArrowRight past the end). */
  onLeave: () => void;
}) {
  const styles = useStyles();
  const hintId = useId();
  const [current, setCurrent] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  if (chips.length === 0) return null;
  const tabStop = Math.min(current, chips.length - 1);

  const focusChip = (index: number) => {
    setCurrent(index);
    refs.current[index]?.focus();
  };
  const remove = (index: number) => {
    onRemove(chips[index]!.id);
    if (chips.length === 1) return onLeave();
    // The chip that takes its place (or the one before, after the last) gets focus.
    const next = Math.min(index, chips.length - 2);
    setCurrent(next);
    setTimeout(() => refs.current[next]?.focus());
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusChip(Math.max(0, index - 1));
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') {
      event.preventDefault();
      if (index === chips.length - 1) onLeave();
      else focusChip(index + 1);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      remove(index);
    }
  };

  return (
    <>
    <span id={hintId} className={styles.hint}>
      Press Delete to remove it.
    </span>
    <div role="listbox" aria-label="Chosen checklist areas" aria-orientation="horizontal" className={styles.chips}>
      {chips.map((chip, index) => (
        <button
          key={chip.id}
          ref={(el) => {
            refs.current[index] = el;
          }}
          type="button"
          role="option"
          aria-selected="true"
          aria-describedby={hintId}
          tabIndex={index === tabStop ? 0 : -1}
          className={styles.chip}
          onClick={() => remove(index)}
          onKeyDown={(event) => onKeyDown(event, index)}
          onFocus={() => setCurrent(index)}
        >
          {chip.title}
          <span aria-hidden="true">×</span>
        </button>
      ))}
    </div>
    </>
  );
}
