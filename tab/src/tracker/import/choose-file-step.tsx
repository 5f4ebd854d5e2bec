import { useId } from 'react';
import { Label, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { focusRing } from '../../theme/focus-ring.js';
import type { ImportWizard } from './use-import-wizard.js';

const useStyles = makeStyles({
  input: { font: 'inherit', color: tokens.colorNeutralForeground1, maxWidth: '100%', ...focusRing },
  list: { margin: `0 0 ${tokens.spacingVerticalM}`, paddingInlineStart: tokens.spacingHorizontalL },
  field: { display: 'grid', rowGap: tokens.spacingVerticalXS, justifyItems: 'start' },
  hint: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
});

/** Step 1: the file. The server reads it and suggests which column is which. */
export function ChooseFileStep({ wizard }: { wizard: ImportWizard }) {
  const styles = useStyles();
  const id = useId();
  return (
    <>
      <ul className={styles.list}>
        <li>An Excel workbook (.xlsx) or a CSV file, up to 10 MB, with one action per row under a row of headings.</li>
        <li>Each action needs a reference (e.g. CSPR-03) and the action itself; the rest is optional.</li>
        <li>Nothing is written until you have seen the preview and chosen Import.</li>
      </ul>
      {/* A native file input: Fluent's Field labels only Fluent controls, so the label is tied by id here. */}
      <div className={styles.field}>
        <Label htmlFor={id}>Tracker file (.xlsx or .csv)</Label>
        <input
          id={id}
          aria-describedby={`${id}-hint`}
          type="file"
          className={styles.input}
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          disabled={wizard.busy !== null}
          onChange={(event) => {
            const chosen = event.currentTarget.files?.[0];
            if (chosen) void wizard.choose(chosen);
            // The same file chosen again (after fixing it) is a change too.
            event.currentTarget.value = '';
          }}
        />
        <p id={`${id}-hint`} className={styles.hint}>
          {wizard.busy === 'reading' ? 'Reading the file…' : 'Choosing a file reads it at once; nothing is imported yet.'}
        </p>
      </div>
    </>
  );
}
