import { Button, Checkbox, Field, Select, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { ACTION_SOURCES, type ActionSource } from '../../../../src/domain/vocabulary.js';
import type { ImportField } from '../../../../src/domain/action-import-fields.js';
import { sourceLabel } from '../tracker-labels.js';
import type { ImportWizard } from './use-import-wizard.js';

const useStyles = makeStyles({
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))', gap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM, marginBlockEnd: tokens.spacingVerticalL },
  about: { margin: `0 0 ${tokens.spacingVerticalM}` },
  ignored: { ...typographyStyles.caption1, margin: `0 0 ${tokens.spacingVerticalM}`, color: tokens.colorNeutralForeground2 },
  options: { display: 'grid', rowGap: tokens.spacingVerticalS, marginBlockEnd: tokens.spacingVerticalL, maxWidth: '36rem' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Step 2: which column fills which field, prefilled from the server's suggestion. */
export function MappingStep({ wizard }: { wizard: ImportWizard }) {
  const styles = useStyles();
  const read = wizard.read!;
  const sample = (column: number | undefined) => {
    if (column === undefined) return null;
    const value = read.sampleRows.map((r) => r.cells[column] ?? '').find((v) => v.trim());
    return value ? `e.g. “${value.length > 60 ? `${value.slice(0, 59)}…` : value}”` : 'Empty in the first rows.';
  };
  const ignored = read.columns.filter((c) => c.ignored);
  const missing = read.fields.filter((f) => f.required && wizard.mapping[f.field] === undefined);
  return (
    <>
      <p className={styles.about}>
        {read.fileName}: sheet “{read.sheet}”, headings in row {read.headerRow}, {read.dataRows} {read.dataRows === 1 ? 'row' : 'rows'} of data. Check
        which column holds each field; leave a field “Not imported” if the file has none.
      </p>
      {ignored.map((c) => (
        <p key={c.index} className={styles.ignored}>
          Column {c.letter} (“{c.header}”) is left out: {c.ignored}
        </p>
      ))}
      <div className={styles.fields} role="group" aria-label="Columns for each field">
        {read.fields.map((f) => {
          const column = wizard.mapping[f.field];
          return (
            <Field
              key={f.field}
              label={f.label}
              required={f.required}
              hint={`${f.hint}. ${sample(column) ?? ''}`.trim()}
              validationState={f.required && column === undefined ? 'error' : 'none'}
              validationMessage={f.required && column === undefined ? 'Choose the column that holds it.' : undefined}
            >
              <Select value={column === undefined ? '' : String(column)} onChange={(_, d) => wizard.setColumn(f.field as ImportField, d.value === '' ? null : Number(d.value))}>
                <option value="">Not imported</option>
                {read.columns.map((c) => (
                  <option key={c.index} value={c.index}>
                    {c.letter}: {c.header || '(no heading)'}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
      <div className={styles.options}>
        <Field label="Source of rows that give none" hint="Scrutiny, challenge, minutes, case review, audit or Section 11.">
          <Select value={wizard.defaultSource} onChange={(_, d) => wizard.setDefaultSource(d.value as ActionSource | '')}>
            <option value="">None: such rows are errors</option>
            {ACTION_SOURCES.map((s) => (
              <option key={s} value={s}>
                {sourceLabel(s)}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox
          checked={wizard.updateExisting}
          onChange={(_, d) => wizard.setUpdateExisting(d.checked === true)}
          label="Update actions whose reference is already in the tracker (otherwise such rows are errors)"
        />
      </div>
      <div className={styles.buttons}>
        <Button onClick={wizard.restart}>Choose another file</Button>
        <Button appearance="primary" disabledFocusable={missing.length > 0 || wizard.busy !== null} onClick={() => void wizard.showPreview()}>
          {wizard.busy === 'previewing' ? 'Checking every row…' : 'Preview the import'}
        </Button>
      </div>
    </>
  );
}
