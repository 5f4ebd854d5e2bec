import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { SourceKind } from './source-draft.js';

const CHOICES: { kind: SourceKind; label: string }[] = [
  { kind: 'sharepoint', label: 'SharePoint library folder' },
  { kind: 'teams', label: 'Teams channel files' },
  { kind: 'local', label: 'Local folder (for the embedded demo)' },
];

/** Where the papers are kept: a SharePoint library, a Teams channel's files, or a local folder. */
export function SourceTypePicker({ kind, onChange }: { kind: SourceKind; onChange: (kind: SourceKind) => void }) {
  return (
    <Field label="Where the papers are kept">
      <RadioGroup value={kind} onChange={(_, data) => onChange(data.value as SourceKind)}>
        {CHOICES.map((choice) => (
          <Radio key={choice.kind} value={choice.kind} label={choice.label} />
        ))}
      </RadioGroup>
    </Field>
  );
}
