import { useEffect } from 'react';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { ImportCommitted } from '../../../../src/contract/action-import.js';
import { SectionHeading } from '../../components/section-heading.js';
import { ChooseFileStep } from './choose-file-step.js';
import { ImportResult } from './import-result.js';
import { MappingStep } from './mapping-step.js';
import { PreviewStep } from './preview-step.js';
import { useImportWizard, type ImportStep } from './use-import-wizard.js';

const useStyles = makeStyles({
  root: {
    marginBlockEnd: tokens.spacingVerticalXL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  top: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  steps: { ...typographyStyles.caption1, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, listStyleType: 'none', padding: 0, margin: `0 0 ${tokens.spacingVerticalM}` },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
  error: { marginBlockEnd: tokens.spacingVerticalM },
});

const STEPS: { key: ImportStep; label: string }[] = [
  { key: 'choose', label: 'Choose a file' },
  { key: 'map', label: 'Match the columns' },
  { key: 'preview', label: 'Check the preview' },
  { key: 'done', label: 'Done' },
];

/** Importing an existing tracker, in four steps shown in the page (no popup to lose the place in). */
export function ImportWizard({ partnershipId, onImported, onClose }: { partnershipId: string; onImported: (r: ImportCommitted) => void; onClose: () => void }) {
  const styles = useStyles();
  const wizard = useImportWizard(partnershipId, onImported);
  const index = STEPS.findIndex((s) => s.key === wizard.step);

  // Each step starts at its heading, so keyboard and screen-reader users are told where they are.
  useEffect(() => {
    document.getElementById('import-step')?.focus();
  }, [wizard.step]);

  const error = wizard.error;
  return (
    <section aria-labelledby="import-title" className={styles.root}>
      <div className={styles.top}>
        <SectionHeading id="import-title">Import actions from Excel or CSV</SectionHeading>
        <Button appearance="subtle" onClick={onClose} disabledFocusable={wizard.busy === 'committing'}>
          Close the import
        </Button>
      </div>
      <ol className={styles.steps} aria-label="Import steps">
        {STEPS.map((s, i) => (
          <li key={s.key} className={i === index ? styles.current : undefined} aria-current={i === index ? 'step' : undefined}>
            {i + 1}. {s.label}
          </li>
        ))}
      </ol>
      <SectionHeading level={3} id="import-step" focusable>
        Step {index + 1} of {STEPS.length}: {STEPS[index]!.label}
      </SectionHeading>
      {error && (
        <MessageBar intent="error" layout="multiline" className={styles.error}>
          <MessageBarBody>{typeof error === 'string' ? error : error.message}</MessageBarBody>
        </MessageBar>
      )}
      {wizard.step === 'choose' && <ChooseFileStep wizard={wizard} />}
      {wizard.step === 'map' && wizard.read && <MappingStep wizard={wizard} />}
      {wizard.step === 'preview' && wizard.preview && <PreviewStep wizard={wizard} />}
      {wizard.step === 'done' && wizard.result && <ImportResult wizard={wizard} onClose={onClose} />}
    </section>
  );
}
