import { Field, ProgressBar } from '@fluentui/react-components';
import { filesText, type OverallProgress } from './sync-progress.js';

const READING = 'Reading the library’s changes…';

/** A running sync: "N of M files", or an indeterminate bar while the number of files is not known yet. */
export function SyncProgressBar({ progress }: { progress: OverallProgress }) {
  const known = progress.total !== null && progress.total > 0;
  const text = progress.total === null ? READING : filesText(progress);
  return (
    <Field label="Sync progress" hint={text}>
      <ProgressBar
        thickness="large"
        max={1}
        value={known ? Math.min(1, progress.done / progress.total!) : undefined}
        aria-valuetext={text}
      />
    </Field>
  );
}
