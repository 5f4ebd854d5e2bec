import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { ImportWizard } from './use-import-wizard.js';

const useStyles = makeStyles({ buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBlockStart: tokens.spacingVerticalM } });

/** Step 4: what the import did. */
export function ImportResult({ wizard, onClose }: { wizard: ImportWizard; onClose: () => void }) {
  const styles = useStyles();
  const r = wizard.result!;
  return (
    <>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Imported.</MessageBarTitle> {r.created} created, {r.updated} updated, {r.unchanged} unchanged, from {r.dataRows}{' '}
          {r.dataRows === 1 ? 'row' : 'rows'}. The tracker below shows them.
        </MessageBarBody>
      </MessageBar>
      <div className={styles.buttons}>
        <Button onClick={wizard.restart}>Import another file</Button>
        <Button appearance="primary" onClick={onClose}>
          Close the import
        </Button>
      </div>
    </>
  );
}
