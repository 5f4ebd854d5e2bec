import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import type { TrackerAction } from '../../../src/contract/actions.js';
import type { Me } from '../../../src/contract/index.js';
import { SectionHeading } from '../components/section-heading.js';
import { formatDayLong } from '../format/day-dates.js';
import { ActionHistoryList } from './action-history.js';
import { ActionUpdateForm } from './action-update-form.js';
import { CompletionSection } from './completion-section.js';
import { EvidenceSection } from './evidence-section.js';
import { RagBadge } from './rag-badge.js';
import { sourceLabel, STATUS_LABELS } from './tracker-labels.js';
import type { PickLists } from './use-pick-lists.js';

const useStyles = makeStyles({
  title: { ...typographyStyles.body1, margin: `0 0 ${tokens.spacingVerticalS}`, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { ...typographyStyles.body1Strong },
  value: { margin: 0, overflowWrap: 'anywhere' },
  section: { marginBlockEnd: tokens.spacingVerticalL },
});

/**
 * One action in a drawer: what it is, the update form, its evidence, completion and sign-off, and its
 * history. A modal dialog (focus stays in it; Escape or Close returns to the row's Open button).
 */
export function ActionDrawer({
  open,
  membership,
  action,
  lists,
  onClose,
  onChanged,
  onReload,
}: {
  /** Kept mounted while closed, so the dialog closes as Fluent expects (it then gives the page back to assistive technology). */
  open: boolean;
  membership: Me;
  action: TrackerAction;
  lists: PickLists;
  onClose: () => void;
  onChanged: (action: TrackerAction) => void;
  onReload: () => void;
}) {
  const styles = useStyles();
  const partnershipId = membership.partnership.id;
  const can = (op: string) => membership.permissions.includes(op as never);
  const isOwner = action.owner?.id === membership.person.id;
  const editable = can('action.update') && action.status !== 'complete';
  const a = action;
  return (
    <OverlayDrawer open={open} position="end" size="medium" onOpenChange={(_, d) => !d.open && onClose()} aria-labelledby="action-drawer-title">
      <DrawerHeader>
        <DrawerHeaderTitle
          heading={{ id: 'action-drawer-title' }}
          action={
            <Button appearance="subtle" onClick={onClose}>
              Close
            </Button>
          }
        >
          {a.reference}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <p className={styles.title}>{a.title}</p>
        {a.description && <p className={styles.title}>{a.description}</p>}
        <dl className={styles.facts}>
          <dt className={styles.term}>Status</dt>
          <dd className={styles.value}>
            {STATUS_LABELS[a.status]}, {a.percentComplete}% done
          </dd>
          <dt className={styles.term}>RAG</dt>
          <dd className={styles.value}>
            <RagBadge rag={a.rag} />
            {a.overdue ? ' (overdue)' : ''}
          </dd>
          <dt className={styles.term}>Due</dt>
          <dd className={styles.value}>{a.dueDate ? formatDayLong(a.dueDate) : 'No due date'}</dd>
          <dt className={styles.term}>Source</dt>
          <dd className={styles.value}>
            {sourceLabel(a.source)}
            {a.sourceRef ? `: ${a.sourceRef}` : ''}
          </dd>
          <dt className={styles.term}>Area</dt>
          <dd className={styles.value}>{a.area?.name ?? 'None'}</dd>
          <dt className={styles.term}>Owner</dt>
          <dd className={styles.value}>{a.owner?.name ?? 'None'}</dd>
          <dt className={styles.term}>Agency</dt>
          <dd className={styles.value}>{a.agency?.name ?? 'None'}</dd>
          <dt className={styles.term}>Forum</dt>
          <dd className={styles.value}>{a.forum?.name ?? 'None'}</dd>
        </dl>

        {editable && (
          <section aria-labelledby="action-update" className={styles.section}>
            <SectionHeading id="action-update">Update</SectionHeading>
            {/* A new version (a save, a reload after a conflict) starts the form again from the action as it now is. */}
            <ActionUpdateForm key={a.version} partnershipId={partnershipId} action={a} lists={lists} onSaved={onChanged} onReload={onReload} />
          </section>
        )}

        <section aria-labelledby="action-evidence" className={styles.section}>
          <SectionHeading id="action-evidence">Evidence</SectionHeading>
          <EvidenceSection partnershipId={partnershipId} action={a} mayAdd={can('action.update') || (isOwner && can('action.propose_complete'))} onChanged={onChanged} />
        </section>

        <section aria-labelledby="action-completion" className={styles.section}>
          <SectionHeading id="action-completion">Completion and sign-off</SectionHeading>
          <CompletionSection partnershipId={partnershipId} action={a} mayPropose={can('action.propose_complete')} maySignOff={can('action.sign_off')} onChanged={onChanged} />
        </section>

        <section aria-labelledby="action-history" className={styles.section}>
          <SectionHeading id="action-history">History</SectionHeading>
          <ActionHistoryList partnershipId={partnershipId} actionId={a.id} version={a.version} />
        </section>
      </DrawerBody>
    </OverlayDrawer>
  );
}
