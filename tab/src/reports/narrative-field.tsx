import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Textarea, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useNarrativeAutosave, type NarrativeProps } from './use-narrative-autosave.js';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalXS, maxWidth: '48rem' },
  status: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0, minHeight: tokens.lineHeightBase200 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** The scrutineer's words for a section, saved as they type, with the state of the save in words. */
export function NarrativeField(props: NarrativeProps) {
  const { section } = props;
  const styles = useStyles();
  const { text, edit, state, said, retryNow, keepMine, takeSaved } = useNarrativeAutosave(props);
  return (
    <div className={styles.root}>
      <Field label={`Your narrative: ${section.title}`} hint="Saved as you type. It goes into the document with the evidence ticked below.">
        <Textarea value={text} onChange={(_, d) => edit(d.value)} resize="vertical" rows={5} maxLength={20_000} />
      </Field>
      <div className={styles.row}>
        {/* Polite, not role=status: it is not a loading indicator (the page checks wait for those to go). */}
        <p className={styles.status} aria-live="polite" aria-atomic="true">
          {said}
        </p>
        {state.kind === 'failed' && (
          <Button size="small" onClick={retryNow}>
            Try saving again now
          </Button>
        )}
      </div>
      {state.kind === 'conflict' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This section was changed in another window.</MessageBarTitle> Your text is kept here and has not been saved. Save yours over it, or
            take the saved text instead of yours.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={keepMine}>Save my text over it</Button>
            <Button onClick={takeSaved}>Use the saved text</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
