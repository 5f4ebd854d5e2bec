import type { SyncStatus } from '../../../src/contract/index.js';
import { formatDateAtTime } from '../format/dates.js';

export interface OverallProgress {
  done: number;
  /** Null while the library's changes are still being read: the number of files is not known yet. */
  total: number | null;
}

/** The running drives' progress, added together. */
export function overallProgress(status: SyncStatus): OverallProgress {
  const running = status.drives.filter((d) => d.status === 'running');
  if (running.length === 0) return { done: 0, total: null };
  let done = 0;
  let total: number | null = 0;
  for (const drive of running) {
    done += drive.itemsDone;
    total = total === null || drive.itemsTotal === null ? null : total + drive.itemsTotal;
  }
  return { done, total };
}

/** 0–4: how many quarters of the files are done (for announcing progress now and then, not every tick). */
export function quartersDone(progress: OverallProgress): number {
  if (!progress.total) return 0;
  return Math.min(4, Math.floor((progress.done / progress.total) * 4));
}

/** The latest successful sync of any drive. */
export function lastSuccessAt(status: SyncStatus): string | null {
  let latest: string | null = null;
  for (const drive of status.drives) {
    if (drive.lastSuccessAt && (!latest || Date.parse(drive.lastSuccessAt) > Date.parse(latest))) latest = drive.lastSuccessAt;
  }
  return latest;
}

/** "Last synced Sunday 22 November 2026 at 10:15", or that it has not happened yet. */
export function lastSyncedText(status: SyncStatus): string {
  const at = lastSuccessAt(status);
  return at ? `Last synced ${formatDateAtTime(at)}` : 'Not synced yet';
}

/** "12 of 40 files". */
export function filesText(progress: OverallProgress): string {
  return `${progress.done} of ${progress.total ?? '?'} ${progress.total === 1 ? 'file' : 'files'}`;
}

/** What a finished sync says: that it ended, how, and when it last succeeded. */
export function endText(status: SyncStatus): string {
  const failed = status.drives.filter((d) => d.status === 'failed');
  if (failed.length > 0) return `The sync failed. ${failed[0]?.lastError ?? ''} ${lastSyncedText(status)}.`.replace(/\s+/g, ' ');
  const unreadable = status.unreadableFiles.length;
  const files = unreadable === 0 ? '' : ` ${unreadable} ${unreadable === 1 ? 'file' : 'files'} could not be read.`;
  return `The sync finished. ${lastSyncedText(status)}.${files}`;
}
