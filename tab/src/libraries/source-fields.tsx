import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { FieldErrors, FieldName, SourceDraft, SourceKind } from './source-draft.js';

interface FieldCopy {
  name: FieldName;
  label: string;
  hint: string;
  required?: boolean;
}

const FIELDS: Record<SourceKind, FieldCopy[]> = {
  sharepoint: [
    { name: 'site', label: 'Site address', hint: 'Site address, like https://contoso.sharepoint.com/sites/scp (or the site’s id).', required: true },
    { name: 'library', label: 'Library', hint: 'The document library’s name, like Documents. Leave empty for the site’s default library.' },
    { name: 'folder', label: 'Folder', hint: 'The folder inside the library, like Executive or Meetings/Executive. Leave empty for the whole library.' },
  ],
  teams: [
    { name: 'teamId', label: 'Team id', hint: 'In Teams, choose the channel’s “Get link to channel”: the team id is the value after groupId=.', required: true },
    { name: 'channelId', label: 'Channel id', hint: 'From the same link: the part that looks like 19:…@thread.tacv2.', required: true },
  ],
  local: [
    {
      name: 'localFolder',
      label: 'Folder in the local library',
      hint: 'For the embedded demo: a folder inside the server’s document library folder, like Executive. Leave empty for the whole library.',
    },
  ],
};

const useStyles = makeStyles({
  fields: { display: 'grid', rowGap: tokens.spacingVerticalM },
});

/** The fields of the chosen kind of source, each with its label, hint and any error beside it. */
export function SourceFields({
  kind,
  draft,
  errors,
  readOnly,
  onChange,
}: {
  kind: SourceKind;
  draft: SourceDraft;
  errors: FieldErrors;
  /** While saving: the values stay put, and focus stays where it was. */
  readOnly?: boolean;
  onChange: (field: FieldName, value: string) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.fields}>
      {FIELDS[kind].map((field) => (
        <Field
          key={field.name}
          label={field.label}
          hint={field.hint}
          required={field.required}
          validationState={errors[field.name] ? 'error' : 'none'}
          validationMessage={errors[field.name]}
        >
          <Input
            name={field.name}
            value={draft[field.name]}
            readOnly={readOnly}
            autoComplete="off"
            spellCheck={false}
            onChange={(_, data) => onChange(field.name, data.value)}
          />
        </Field>
      ))}
    </div>
  );
}
