import { Spinner, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    justifyContent: 'flex-start',
    paddingBlock: tokens.spacingVerticalL,
  },
});

/** A spinner that says what is loading (announced to screen readers). */
export function LoadingState({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      <Spinner size="small" label={label} labelPosition="after" />
    </div>
  );
}
