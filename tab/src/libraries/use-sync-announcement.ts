import { useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '../../../src/contract/index.js';
import { endText, filesText, lastSuccessAt, overallProgress, quartersDone } from './sync-progress.js';

interface Seen {
  running: boolean;
  quarters: number;
  lastSuccess: string | null;
}

/**
 * What to say in the page's polite live region about the sync: when it starts, at
 * each quarter of the files, and when it ends. Not every 2-second tick: that would
 * talk over everything else. Nothing is said about the status the page opens with.
 */
export function useSyncAnnouncement(status: SyncStatus | undefined): string {
  const [message, setMessage] = useState('');
  const seen = useRef<Seen | null>(null);

  useEffect(() => {
    if (!status) return;
    const progress = overallProgress(status);
    const quarters = status.running ? quartersDone(progress) : 0;
    const lastSuccess = lastSuccessAt(status);
    const before = seen.current;
    seen.current = { running: status.running, quarters, lastSuccess };
    if (!before) return;

    if (status.running && !before.running) {
      setMessage('The sync has started: reading the library’s changes.');
    } else if (status.running && quarters > before.quarters && quarters < 4 && progress.total) {
      setMessage(`The sync is ${quarters * 25}% done: ${filesText(progress)}.`);
    } else if (!status.running && (before.running || lastSuccess !== before.lastSuccess)) {
      // Also a sync so quick that it had ended before the page first saw it running.
      setMessage(endText(status));
    } else if (status.running && before.running && quarters < before.quarters) {
      // Counting restarted (e.g. after reading the changes): keep the high-water mark.
      seen.current = { ...seen.current, quarters: before.quarters };
    }
  }, [status]);

  return message;
}
