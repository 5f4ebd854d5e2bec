import { useRef, useState } from 'react';
import { Field } from '@fluentui/react-components';
import type { ChecklistArea } from '../../../src/contract/index.js';
import { FilterCombobox } from '../components/filter-combobox.js';
import { AreaChips } from './area-chips.js';

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
  const [query, setQuery] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const byId = new Map(areas.map((a) => [a.id, a]));
  const words = query.trim().toLowerCase();
  const options = areas
    .filter((a) => !selected.includes(a.id) && (!words || a.title.toLowerCase().includes(words)))
    .map((a) => ({ value: a.id, text: a.title }));
  const chips = selected.map((areaId) => ({ id: areaId, title: byId.get(areaId)?.title ?? 'Unknown area' }));
  const remove = (areaId: string) => onChange(selected.filter((x) => x !== areaId));
  return (
    <Field
      label="Checklist areas"
      validationMessage={error}
      validationState={error ? 'error' : 'none'}
      hint={options.length === 0 && words ? `No area matches “${query.trim()}”.` : hint ?? 'Type to find an area; Enter adds it.'}
    >
      <AreaChips chips={chips} onRemove={remove} onLeave={() => inputRef.current?.focus()} />
      <FilterCombobox
        ref={inputRef}
        id={id}
        listLabel="Checklist areas"
        text={query}
        onTextChange={setQuery}
        options={options}
        onPick={(option) => {
          onChange([...selected, option.value]);
          setQuery('');
        }}
        onBackspaceEmpty={() => {
          const last = selected[selected.length - 1];
          if (last) remove(last);
        }}
      />
    </Field>
  );
}
