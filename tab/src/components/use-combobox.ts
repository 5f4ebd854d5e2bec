import { useEffect, useId, useState, type KeyboardEvent } from 'react';

export interface ComboboxOption {
  value: string;
  text: string;
}

/**
 * The state and keys of a combobox with a list of suggestions (WAI-ARIA APG, "list autocomplete"):
 * typing opens the list with its first option active; ArrowUp/ArrowDown move; Enter picks; Escape closes.
 * Focus stays in the text box; the active option is announced through aria-activedescendant.
 */
export function useCombobox({
  options,
  onPick,
  onBackspaceEmpty,
  text,
}: {
  options: readonly ComboboxOption[];
  onPick: (option: ComboboxOption) => void;
  /** Backspace in an empty box (e.g. to remove the last chosen value). */
  onBackspaceEmpty?: () => void;
  text: string;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, options.length - 1);
  const optionId = (index: number) => `${listId}-${index}`;
  const shown = open && options.length > 0;

  // Keep the active option in sight as the arrows move through a long list.
  useEffect(() => {
    if (shown) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown, activeIndex]);

  const pick = (index: number) => {
    const option = options[index];
    if (!option) return;
    onPick(option);
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(event.key === 'ArrowDown' ? 0 : options.length - 1);
      } else {
        setActive(Math.max(0, Math.min(options.length - 1, activeIndex + (event.key === 'ArrowDown' ? 1 : -1))));
      }
    } else if (event.key === 'Enter' && shown) {
      // Picks the active option instead of submitting the form.
      event.preventDefault();
      pick(activeIndex);
    } else if (event.key === 'Escape' && shown) {
      // Only closes the list: the form around it (e.g. Escape to cancel) is not told.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && text === '' && onBackspaceEmpty) {
      onBackspaceEmpty();
    }
  };

  return {
    listId,
    shown,
    activeIndex,
    optionId,
    pick,
    /** Typing: the list opens at its first option. */
    onTyped: () => {
      setOpen(true);
      setActive(0);
    },
    onKeyDown,
    close: () => setOpen(false),
    toggle: () => setOpen((o) => !o),
    inputProps: {
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': shown,
      'aria-controls': shown ? listId : undefined,
      'aria-activedescendant': shown ? optionId(activeIndex) : undefined,
      autoComplete: 'off',
    } as const,
  };
}
