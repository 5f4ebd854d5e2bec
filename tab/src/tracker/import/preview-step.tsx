import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Field, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { ImportWizard } from './use-import-wizard.js';

const useStyles = makeStyles({
  summary: { margin: `0 0 ${tokens.spacingVerticalM}` },
  errors: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalM}`, paddingInlineStart: tokens.spacingHorizontalL, maxHeight: '20rem', overflowY: 'auto' },
  scroller: { overflowX: 'auto', marginBlockEnd: tokens.spacingVerticalM },
  table: { borderCollapse: 'collapse', minWidth: '100%' },
  cell: { ...typographyStyles.body1, textAlign: 'start', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBlockStart: tokens.spacingVerticalM },
});

const KIND = { create: 'New action', update: 'Update', unchanged: 'No change' } as const;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Step 3: what each row would do, and each row's problems in words. Import is offered only when there are none. */
export function PreviewStep({ wizard }: { wizard: ImportWizard }) {
  const styles = useStyles();
  const p = wizard.preview!;
  const committing = wizard.busy === 'committing';
  return (
    <>
      <p className={styles.summary}>
        {plural(p.dataRows, 'row', 'rows')}: {plural(p.creates, 'new action', 'new actions')}, {plural(p.updates, 'update', 'updates')},{' '}
        {plural(p.unchanged, 'row unchanged', 'rows unchanged')}.
      </p>
      {p.ready ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Ready to import.</MessageBarTitle> Every row can be imported. Nothing has been written yet.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{plural(p.errorCount, 'problem', 'problems')}: nothing will be imported until {p.errorCount === 1 ? 'it is' : 'they are'} fixed.</MessageBarTitle>{' '}
            Correct the file and choose it again, or change the mapping. Nothing has been written.
          </MessageBarBody>
        </MessageBar>
      )}
      {p.errors.length > 0 && (
        <ul className={styles.errors} aria-label="Problems, by row">
          {p.errors.map((e, i) => (
            <li key={`${e.row}-${e.column}-${i}`}>{e.text}</li>
          ))}
          {p.errorCount > p.errors.length && <li>…and {p.errorCount - p.errors.length} more.</li>}
        </ul>
      )}
      {p.rows.length > 0 && (
        <div className={styles.scroller} role="region" aria-label="What the first rows would do" tabIndex={0}>
          <table className={styles.table}>
            <caption className={styles.summary}>What the first {plural(p.rows.length, 'row', 'rows')} would do</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.cell}>Row</th>
                <th scope="col" className={styles.cell}>Reference</th>
                <th scope="col" className={styles.cell}>Would be</th>
                <th scope="col" className={styles.cell}>Fields changed</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.row}>
                  <td className={styles.cell}>{r.row}</td>
                  <th scope="row" className={styles.cell}>{r.reference}</th>
                  <td className={styles.cell}>{KIND[r.kind]}</td>
                  <td className={styles.cell}>{r.fields.length ? r.fields.join(', ') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {committing && (
        <Field validationMessage={`Importing ${plural(p.dataRows, 'row', 'rows')}, all or nothing…`} validationState="none">
          <ProgressBar aria-label="Import progress" />
        </Field>
      )}
      <div className={styles.buttons}>
        <Button disabledFocusable={committing} onClick={() => wizard.setStep('map')}>
          Back to the columns
        </Button>
        <Button disabledFocusable={committing} onClick={wizard.restart}>
          Choose another file
        </Button>
        {p.ready && (
          <Button appearance="primary" disabledFocusable={committing} onClick={() => void wizard.commit()}>
            {committing ? 'Importing…' : `Import ${plural(p.creates + p.updates, 'action', 'actions')}`}
          </Button>
        )}
      </div>
    </>
  );
}
