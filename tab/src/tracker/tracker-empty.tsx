import { Button, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    maxWidth: '60ch',
  },
  text: { margin: `0 0 ${tokens.spacingVerticalS}` },
});

/** No actions at all: what to do to get some. */
export function NoActionsYet({ canImport, onImport }: { canImport: boolean; onImport: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <p className={styles.text}>There are no actions in the tracker yet.</p>
      {canImport ? (
        <>
          <p className={styles.text}>
            Bring in your existing action plan from Excel or CSV: its columns are matched for you and every row is checked before anything is
            written. Actions also arrive from challenges, reviews and the bot’s evidence requests.
          </p>
          <Button appearance="primary" onClick={onImport}>
            Import from Excel or CSV
          </Button>
        </>
      ) : (
        <p className={styles.text}>
          Actions appear here once the scrutineer or the business manager records them. Those you own, or your agency owns, are shown to you.
        </p>
      )}
    </div>
  );
}

/** Actions exist, but none match: say so, and offer the way back. */
export function NoMatches({ total, onClear }: { total: number; onClear: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <p className={styles.text}>No actions match the search and filters.</p>
      <Button onClick={onClear}>Clear them to see all {total} actions</Button>
    </div>
  );
}
