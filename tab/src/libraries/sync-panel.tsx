import { useEffect, useRef } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { SyncStatus } from '../../../src/contract/index.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { SectionHeading } from '../components/section-heading.js';
import { visuallyHidden } from '../theme/visually-hidden.js';
import { SyncProblems } from './sync-problems.js';
import { lastSuccessAt, lastSyncedText, overallProgress } from './sync-progress.js';
import { SyncProgressBar } from './sync-progress-bar.js';
import { UnreadableFileList } from './unreadable-file-list.js';
import { useSyncAnnouncement } from './use-sync-announcement.js';
import { useSyncStatus } from './use-sync-status.js';

const useStyles = makeStyles({
  live: visuallyHidden,
  intro: { ...typographyStyles.body1, margin: `0 0 ${tokens.spacingVerticalM}`, maxWidth: '70ch' },
  body: { display: 'grid', rowGap: tokens.spacingVerticalM },
  status: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  last: { ...typographyStyles.body1Strong, margin: 0, overflowWrap: 'anywhere' },
  note: { ...typographyStyles.body1, margin: 0, maxWidth: '70ch' },
});

/** Calls `onEnded` when a sync this page watched ends, or one finishes before the page saw it run. */
function useSyncEnded(status: SyncStatus | undefined, onEnded: () => void): void {
  const before = useRef<{ running: boolean; lastSuccess: string | null } | null>(null);
  useEffect(() => {
    if (!status) return;
    const now = { running: status.running, lastSuccess: lastSuccessAt(status) };
    const was = before.current;
    before.current = now;
    if (was && !now.running && (was.running || was.lastSuccess !== now.lastSuccess)) onEnded();
  }, [status, onEnded]);
}

export interface SyncPanelProps {
  partnershipId: string;
  canManage: boolean;
  /** A sync ended: the forums' document counts may have changed. */
  onSyncEnded: () => void;
}

/** The sync that brings papers in: when it last worked, Sync now, its progress, and what it could not read. */
export function SyncPanel({ partnershipId, canManage, onSyncEnded }: SyncPanelProps) {
  const styles = useStyles();
  const sync = useSyncStatus(partnershipId);
  const data = sync.state.status === 'ready' ? sync.state.data : undefined;
  const announcement = useSyncAnnouncement(data);
  useSyncEnded(data, onSyncEnded);
  const running = data?.running ?? false;
  const busy = running || sync.starting;
  const lastSuccess = data ? lastSuccessAt(data) : null;

  return (
    <section aria-labelledby="libraries-sync">
      <SectionHeading id="libraries-sync">Sync</SectionHeading>
      <p className={styles.intro}>
        The sync brings in new and changed papers from every forum’s folder, and reads their text so they can be searched
        and annotated. It runs by itself now and then{canManage ? '; choose Sync now after changing a folder.' : '.'}
      </p>
      <p className={styles.live} aria-live="polite">
        {announcement}
      </p>
      {sync.state.status === 'loading' && <LoadingState label="Loading the sync status…" />}
      {sync.state.status === 'error' && (
        <ErrorState title="Could not load the sync status." message={sync.state.error.message} onRetry={sync.retry} />
      )}
      {data && (
        <div className={styles.body}>
          <div className={styles.status}>
            <p className={styles.last}>
              {lastSuccess ? <time dateTime={lastSuccess}>{lastSyncedText(data)}</time> : lastSyncedText(data)}
            </p>
            {canManage && (
              <Button
                appearance="primary"
                disabledFocusable={busy}
                icon={busy ? <Spinner size="tiny" aria-hidden /> : undefined}
                onClick={() => void sync.start()}
              >
                {busy ? 'Syncing…' : 'Sync now'}
              </Button>
            )}
          </div>
          {sync.startError && <ErrorState title="Could not start the sync." message={sync.startError} />}
          {running && <SyncProgressBar progress={overallProgress(data)} />}
          {running && sync.pollError && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>Could not check how far the sync has got: {sync.pollError} Checking again…</MessageBarBody>
            </MessageBar>
          )}
          {!running && !lastSuccess && data.drives.length === 0 && (
            <p className={styles.note}>
              No library has been synced yet.{' '}
              {canManage
                ? 'Choose a folder for each forum above, then choose Sync now.'
                : 'The business manager chooses each forum’s folder and starts the first sync.'}
            </p>
          )}
          <SyncProblems drives={data.drives} canManage={canManage} />
          {data.unreadableFiles.length > 0 && <UnreadableFileList files={data.unreadableFiles} />}
        </div>
      )}
    </section>
  );
}
