import { makeStyles, tokens } from '@fluentui/react-components';
import type { ForumSource } from '../../../src/contract/index.js';
import { ForumSourceRow } from './forum-source-row.js';
import type { SourceKind } from './source-draft.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
});

export interface ForumSourceListProps {
  partnershipId: string;
  forums: ForumSource[];
  canManage: boolean;
  onChanged: (forum: ForumSource) => void;
}

/** Each forum: where its papers come from and how many there are; the editor for those who may change it. */
export function ForumSourceList({ partnershipId, forums, canManage, onChanged }: ForumSourceListProps) {
  const styles = useStyles();
  // A forum with no source starts on the kind the others use.
  const defaultKind: SourceKind = forums.some((f) => f.source?.kind === 'local') ? 'local' : 'sharepoint';
  return (
    <ul className={styles.list}>
      {forums.map((forum) => (
        <ForumSourceRow
          key={forum.forumId}
          partnershipId={partnershipId}
          forum={forum}
          canManage={canManage}
          defaultKind={defaultKind}
          onChanged={onChanged}
        />
      ))}
    </ul>
  );
}
