import { forwardRef } from 'react';
import { Input, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { useCombobox, type ComboboxOption } from './use-combobox.js';

const useStyles = makeStyles({
  root: { position: 'relative', minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  // Under the text box, over what follows: in the page, so no portal or positioning code is needed.
  list: {
    position: 'absolute',
    insetInline: 0,
    top: '100%',
    zIndex: 1,
    marginBlockStart: tokens.spacingVerticalXXS,
    maxHeight: '16rem',
    overflowY: 'auto',
    padding: tokens.spacingVerticalXS,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
  },
  option: {
    ...typographyStyles.body1,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    overflowWrap: 'anywhere',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  // An outline as well as a fill, so the active option shows in forced-colours mode too.
  active: {
    backgroundColor: tokens.colorNeutralBackground1Hover,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
  },
});

export interface FilterComboboxProps {
  id?: string;
  /** Needed when no Field labels the box. */
  'aria-label'?: string;
  /** The suggestions' name for screen readers, e.g. "Checklist areas". */
  listLabel: string;
  placeholder?: string;
  /** What is typed; the caller filters `options` by it. */
  text: string;
  onTextChange: (text: string) => void;
  options: readonly ComboboxOption[];
  onPick: (option: ComboboxOption) => void;
  onBackspaceEmpty?: () => void;
}

/**
 * A text box that suggests options as one types, for picking one value from many (people, checklist
 * areas). A Fluent Input (so a Field labels and describes it) with a plain listbox under it: Fluent's
 * Combobox and TagPicker bring popup positioning and focus management worth ~30 kB gzip to the side panel.
 * The caller says in the Field's hint when nothing matches.
 */
export const FilterCombobox = forwardRef<HTMLInputElement, FilterComboboxProps>(function FilterCombobox(
  { id, 'aria-label': ariaLabel, listLabel, placeholder, text, onTextChange, options, onPick, onBackspaceEmpty },
  ref,
) {
  const styles = useStyles();
  const box = useCombobox({ options, onPick, onBackspaceEmpty, text });
  return (
    <div className={styles.root}>
      <Input
        ref={ref}
        id={id}
        className={styles.input}
        placeholder={placeholder}
        value={text}
        aria-label={ariaLabel}
        {...box.inputProps}
        onChange={(_, data) => {
          onTextChange(data.value);
          box.onTyped();
        }}
        onKeyDown={box.onKeyDown}
        onClick={box.toggle}
        onBlur={box.close}
      />
      {box.shown && (
        // Pressing in the list (an option, its scroll bar) keeps focus in the text box, where the keys work.
        <div role="listbox" id={box.listId} aria-label={listLabel} className={styles.list} onMouseDown={(event) => event.preventDefault()}>
          {options.map((option, index) => (
            <div
              key={option.value}
              id={box.optionId(index)}
              role="option"
              aria-selected={index === box.activeIndex}
              className={mergeClasses(styles.option, index === box.activeIndex && styles.active)}
              onClick={() => box.pick(index)}
            >
              {option.text}
            </div>
          ))}
        </div>
      )}
    </div>
  );
});
