import { useEffect, useRef } from 'react';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { apiRoutes } from '../../../src/contract/routes.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { formatDateAtTime } from '../format/dates.js';
import { describeChanges, SURFACE_LABELS } from './history-text.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalM },
  item: { borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`, paddingInlineStart: tokens.spacingHorizontalM },
  when: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
  change: { margin: 0, overflowWrap: 'anywhere' },
  comment: { margin: `${tokens.spacingVerticalXXS} 0 0`, fontStyle: 'italic', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

/** Who changed what, when and where, newest first. Loaded again whenever the action changes (its version). */
export function ActionHistoryList({ partnershipId, actionId, version }: { partnershipId: string; actionId: string; version: number }) {
  const styles = useStyles();
  const { state, retry } = useApi(apiRoutes.actionHistory, { params: { partnershipId, actionId } });
  // Each change raises the version: load the history again (not on the first render, which loads anyway).
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    retry();
  }, [version, retry]);
  if (state.status === 'loading') return <LoadingState label="Loading the history…" />;
  if (state.status === 'error') return <ErrorState title="Could not load the history." message={state.error.message} onRetry={retry} />;
  const entries = state.data.entries;
  if (entries.length === 0) return <p>No changes recorded yet.</p>;
  return (
    <ol className={styles.list} aria-label={`History of ${state.data.reference}, newest first`}>
      {entries.map((e) => (
        <li key={e.id} className={styles.item}>
          <p className={styles.when}>
            {formatDateAtTime(e.at)}, {e.by ? e.by.name : 'someone no longer in the partnership'} {SURFACE_LABELS[e.surface]}
          </p>
          {describeChanges(e).map((line) => (
            <p key={line} className={styles.change}>
              {line}
            </p>
          ))}
          {e.comment && <p className={styles.comment}>“{e.comment}”</p>}
        </li>
      ))}
    </ol>
  );
}
