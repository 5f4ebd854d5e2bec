import { useCallback, useMemo, useState } from 'react';
import { Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { TrackerAction } from '../../../src/contract/actions.js';
import type { Me } from '../../../src/contract/index.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { PoliteRegion } from '../components/polite-region.js';
import { usePoliteMessage } from '../components/use-polite-message.js';
import { ActionDrawer } from './action-drawer.js';
import { ExportButtons } from './export-buttons.js';
import { ImportWizard } from './import/import-wizard.js';
import { SORT_LABELS } from './tracker-columns.js';
import { NoActionsYet, NoMatches } from './tracker-empty.js';
import { TrackerNoticeBar } from './tracker-messages.js';
import { TrackerTable } from './tracker-table.js';
import { TrackerToolbar } from './tracker-toolbar.js';
import { UndoOfferBar } from './undo-offer-bar.js';
import { useCountAnnouncement } from './use-count-announcement.js';
import { useInlineStatus } from './use-inline-status.js';
import { usePickLists } from './use-pick-lists.js';
import { useTrackerActions } from './use-tracker-actions.js';
import { useTrackerControls } from './use-tracker-controls.js';
import { useTrackerView } from './use-tracker-view.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, marginBlockEnd: tokens.spacingVerticalM },
  messages: { display: 'grid', rowGap: tokens.spacingVerticalS, marginBlockEnd: tokens.spacingVerticalM },
  count: { ...typographyStyles.body1Strong, margin: `0 0 ${tokens.spacingVerticalS}` },
  rule: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalS} 0 0`, maxWidth: '80ch' },
});

function Tracker({ membership, params }: { membership: Me; params: URLSearchParams }) {
  const styles = useStyles();
  const partnershipId = membership.partnership.id;
  const may = (op: Me['permissions'][number]) => membership.permissions.includes(op);
  const { data, reloading, reload, replace } = useTrackerActions(partnershipId);
  const controls = useTrackerControls(params);
  const { message, announce } = usePoliteMessage();
  const inline = useInlineStatus({ partnershipId, replace, announce });
  // The action last opened stays in the drawer while it closes; `drawerOpen` says whether it is open.
  const [openId, setOpenId] = useState<string | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const openAction = useCallback((id: string) => {
    setOpenId(id);
    setDrawerOpen(true);
  }, []);
  const [importing, setImporting] = useState(false);
  const lists = usePickLists(membership, openId !== null);

  const actions = data.status === 'ready' ? data.actions : EMPTY;
  const view = useTrackerView(actions, controls.filters, controls.sort, controls.groupBy, controls.collapsed);
  const countText = `Showing ${view.shown} of ${view.total} ${view.total === 1 ? 'action' : 'actions'}`;
  useCountAnnouncement(countText, announce);

  const onSort = useCallback(
    (key: Parameters<typeof controls.sortBy>[0]) => {
      controls.sortBy(key);
      const direction = controls.sort.key === key && controls.sort.direction === 'ascending' ? 'descending' : 'ascending';
      announce(`Sorted by ${SORT_LABELS[key].toLowerCase()}, ${direction}.`);
    },
    [controls, announce],
  );
  const onChanged = useCallback(
    (a: TrackerAction) => {
      replace(a);
      announce(`Saved ${a.reference}.`);
    },
    [replace, announce],
  );

  const viewKey = useMemo(() => JSON.stringify([controls.filters, controls.groupBy]), [controls.filters, controls.groupBy]);
  const open = openId ? actions.find((a) => a.id === openId) : undefined;

  if (data.status === 'loading') return <LoadingState label="Loading the actions…" />;
  if (data.status === 'error') return <ErrorState title="Could not load the actions." message={data.error.message} onRetry={reload} />;

  const canImport = may('action.create');
  return (
    <>
      <PoliteRegion message={message} testId="tracker-announcer" />
      <div className={styles.bar}>
        {canImport && !importing ? (
          <Button appearance="primary" onClick={() => setImporting(true)}>
            Import from Excel or CSV
          </Button>
        ) : (
          <span />
        )}
        {data.actions.length > 0 && (
          <ExportButtons
            partnershipId={partnershipId}
            filters={controls.filters}
            onDone={announce}
            onError={(text) => inline.setNotice({ id: Date.now(), intent: 'error', text })}
          />
        )}
      </div>
      {(inline.notice || inline.undo) && (
        <div className={styles.messages}>
          {inline.notice && <TrackerNoticeBar notice={inline.notice} onReload={reload} onDismiss={inline.dismissNotice} />}
          {inline.undo && <UndoOfferBar key={inline.undo.id} offer={inline.undo} onGone={inline.dismissUndo} />}
        </div>
      )}
      {importing && (
        <ImportWizard
          partnershipId={partnershipId}
          onImported={(r) => {
            reload();
            announce(`Imported: ${r.created} created, ${r.updated} updated.`);
          }}
          onClose={() => setImporting(false)}
        />
      )}
      {data.actions.length === 0 ? (
        !importing && <NoActionsYet canImport={canImport} onImport={() => setImporting(true)} />
      ) : (
        <>
          <TrackerToolbar
            filters={controls.filters}
            setFilter={controls.setFilter}
            clearFilters={controls.clearFilters}
            groupBy={controls.groupBy}
            setGroupBy={controls.setGroupBy}
            options={view.options}
          />
          <p className={styles.count} data-testid="tracker-count">
            {countText}
            {reloading ? ' (reloading…)' : ''}
          </p>
          {view.shown === 0 ? (
            <NoMatches total={view.total} onClear={controls.clearFilters} />
          ) : (
            <TrackerTable
              rows={view.rows}
              caption={`Actions: ${countText.toLowerCase()}, sorted by ${SORT_LABELS[controls.sort.key].toLowerCase()}, ${controls.sort.direction}.`}
              sort={controls.sort}
              onSort={onSort}
              onToggleGroup={controls.toggleGroup}
              canEdit={may('action.update')}
              busyIds={inline.busyIds}
              onStatus={inline.changeStatus}
              onOpen={openAction}
              viewKey={viewKey}
            />
          )}
          <p className={styles.rule}>RAG is worked out, never typed: {data.ragRule.description}</p>
        </>
      )}
      {open && (
        <ActionDrawer open={drawerOpen} membership={membership} action={open} lists={lists} onClose={() => setDrawerOpen(false)} onChanged={onChanged} onReload={reload} />
      )}
    </>
  );
}

const EMPTY: TrackerAction[] = [];

/** The composite action plan: every action the person may see, filtered, sorted and grouped in the tab. */
export function ActionTracker({ membership, params }: { membership: Me; params: URLSearchParams }) {
  return <Tracker membership={membership} params={params} />;
}
