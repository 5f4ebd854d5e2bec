import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { DriveSyncStatus } from '../../../src/contract/index.js';

const useStyles = makeStyles({
  list: { display: 'grid', rowGap: tokens.spacingVerticalS },
});

function driveLabel(drive: DriveSyncStatus): string {
  if (drive.kind === 'local') return 'the local library';
  return drive.driveName ? `the library “${drive.driveName}”` : 'a SharePoint library';
}

/**
 * What went wrong with a library's last sync, and what to do: a failed sync is an error;
 * files that could not be read leave a warning (their reasons are listed below it).
 */
export function SyncProblems({ drives, canManage }: { drives: DriveSyncStatus[]; canManage: boolean }) {
  const styles = useStyles();
  const failed = drives.filter((d) => d.status === 'failed');
  const warned = drives.filter((d) => d.status === 'idle' && d.lastError);
  if (failed.length === 0 && warned.length === 0) return null;
  const again = canManage ? 'then choose Sync now again' : 'then ask the business manager to sync again';
  return (
    <div className={styles.list}>
      {failed.map((drive) => (
        <MessageBar key={`${drive.kind}:${drive.driveId}`} intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The sync of {driveLabel(drive)} failed.</MessageBarTitle> {drive.lastError ?? 'No reason was given.'}{' '}
            Check that the library and its folders still exist and that Line of Sight may still read them, {again}. If it
            keeps failing, run <code>npx los doctor</code> on the server, which says what is wrong.
          </MessageBarBody>
        </MessageBar>
      ))}
      {warned.map((drive) => (
        <MessageBar key={`${drive.kind}:${drive.driveId}`} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Some files in {driveLabel(drive)} could not be read.</MessageBarTitle> {drive.lastError} Replace
            each one with a readable PDF or Word file in the library, {again}.
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
