import { useState } from 'react';
import {
  Field,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  makeStyles,
} from '@fluentui/react-components';
import type { ChecklistArea } from '../../../src/contract/index.js';

const useStyles = makeStyles({
  tag: { maxWidth: '100%' },
  option: { overflowWrap: 'anywhere' },
});

/** Checklist areas as chips, chosen by typing part of a name (a combobox); Backspace removes the last. */
export function AreaPicker({
  id,
  areas,
  selected,
  onChange,
  error,
  hint,
}: {
  id: string;
  areas: readonly ChecklistArea[];
  selected: readonly string[];
  onChange: (areaIds: string[]) => void;
  error?: string;
  hint?: string;
}) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const byId = new Map(areas.map((a) => [a.id, a]));
  const words = query.trim().toLowerCase();
  const options = areas.filter((a) => !selected.includes(a.id) && (!words || a.title.toLowerCase().includes(words)));
  return (
    <Field
      label="Checklist areas"
      validationMessage={error}
      validationState={error ? 'error' : 'none'}
      hint={options.length === 0 && words ? `No area matches “${query.trim()}”.` : hint ?? 'Type to find an area; Enter adds it.'}
    >
      <TagPicker
        selectedOptions={[...selected]}
        onOptionSelect={(_, data) => {
          onChange(data.selectedOptions);
          setQuery('');
        }}
      >
        <TagPickerControl>
          <TagPickerGroup aria-label="Chosen checklist areas">
            {selected.map((areaId) => (
              <Tag key={areaId} value={areaId} shape="rounded" className={styles.tag} dismissible>
                {byId.get(areaId)?.title ?? 'Unknown area'}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput id={id} aria-label="Checklist areas" value={query} onChange={(e) => setQuery(e.target.value)} />
        </TagPickerControl>
        {options.length > 0 ? (
          <TagPickerList>
            {options.map((a) => (
              <TagPickerOption key={a.id} value={a.id} text={a.title} className={styles.option}>
                {a.title}
              </TagPickerOption>
            ))}
          </TagPickerList>
        ) : undefined}
      </TagPicker>
    </Field>
  );
}
