import { useCallback, useState } from 'react';
import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { ForumSource, Me } from '../../../src/contract/index.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { PageHeading } from '../components/page-heading.js';
import { SectionHeading } from '../components/section-heading.js';
import { ForumSourceList } from '../libraries/forum-source-list.js';
import { describeSource, documentCountText } from '../libraries/source-text.js';
import { SyncPanel } from '../libraries/sync-panel.js';
import { useForumSources } from '../libraries/use-forum-sources.js';

const useStyles = makeStyles({
  notice: { marginBlockEnd: tokens.spacingVerticalM },
  empty: { margin: 0, maxWidth: '70ch' },
});

function changedText(forum: ForumSource): string {
  if (!forum.source) return `Removed. ${forum.forumName}: no folder is set, so its new papers won’t be found.`;
  const count = documentCountText(forum.source.documentCount).toLowerCase();
  return `Saved. ${forum.forumName} papers now come from: ${describeSource(forum.source)} (${count} so far). Choose Sync now to bring in any new papers.`;
}

function Libraries({ partnershipId, canManage }: { partnershipId: string; canManage: boolean }) {
  const styles = useStyles();
  const sources = useForumSources(partnershipId);
  const [notice, setNotice] = useState<{ id: number; text: string } | null>(null);
  const { replace, refresh } = sources;

  const onChanged = useCallback(
    (forum: ForumSource) => {
      replace(forum);
      setNotice((last) => ({ id: (last?.id ?? 0) + 1, text: changedText(forum) }));
    },
    [replace],
  );

  return (
    <>
      <section aria-labelledby="libraries-forums">
        <SectionHeading id="libraries-forums">Forums and their folders</SectionHeading>
        {notice && (
          // A new notice is a new message bar, which announces itself (politely) as it appears.
          <MessageBar key={notice.id} intent="success" politeness="polite" layout="multiline" className={styles.notice}>
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
        {sources.state.status === 'loading' && <LoadingState label="Loading the forums’ folders…" />}
        {sources.state.status === 'error' && (
          <ErrorState title="Could not load the forums’ folders." message={sources.state.error.message} onRetry={sources.retry} />
        )}
        {sources.state.status === 'ready' &&
          (sources.state.data.length === 0 ? (
            <p className={styles.empty}>
              This partnership has no forums yet. {canManage ? 'Add' : 'The business manager adds'} the Executive, board and
              subgroups first; then each forum’s folder of papers is chosen here.
            </p>
          ) : (
            <ForumSourceList partnershipId={partnershipId} forums={sources.state.data} canManage={canManage} onChanged={onChanged} />
          ))}
      </section>
      <SyncPanel partnershipId={partnershipId} canManage={canManage} onSyncEnded={refresh} />
    </>
  );
}

/** Where each forum's papers come from, and the sync that brings them in (business manager changes; others read). */
export default function LibrariesPage({ membership }: { membership: Me }) {
  const mayRead = membership.permissions.includes('document.read');
  const canManage = membership.permissions.includes('document.manage');
  return (
    <>
      <PageHeading intro="Where each forum’s agendas, papers and minutes come from, and the sync that brings them into Line of Sight.">
        Libraries
      </PageHeading>
      {mayRead ? (
        <Libraries partnershipId={membership.partnership.id} canManage={canManage} />
      ) : (
        <p>Your role in this partnership does not include seeing its document libraries. Ask the business manager if you need to.</p>
      )}
    </>
  );
}
