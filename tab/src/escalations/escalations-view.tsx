import { useState } from 'react';
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Escalation } from '../../../src/contract/escalations.js';
import type { Me } from '../../../src/contract/index.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { ESCALATION_STATUSES, type EscalationStatus } from '../../../src/domain/vocabulary.js';
import { callApi } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { PoliteRegion } from '../components/polite-region.js';
import { usePoliteMessage } from '../components/use-polite-message.js';
import { ESCALATION_STATUS_LABELS } from './escalation-labels.js';
import { draftOfEscalation, EscalationForm, type EscalationDraft } from './escalation-form.js';
import { EscalationItem } from './escalation-item.js';

const useStyles = makeStyles({
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, marginBlockEnd: tokens.spacingVerticalM },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalM },
  empty: { maxWidth: '60ch' },
});

type Editing = { kind: 'new' } | { kind: 'edit'; escalation: Escalation } | null;

/** The escalations and disagreements log: read by the partnership's readers, kept by the scrutineer and business manager. */
export function EscalationsView({ membership }: { membership: Me }) {
  const styles = useStyles();
  const partnershipId = membership.partnership.id;
  const canManage = membership.permissions.includes('escalation.manage');
  const [status, setStatus] = useState<EscalationStatus | ''>('');
  const list = useApi(apiRoutes.listEscalations, { params: { partnershipId }, query: status ? { status } : {} });
  const agencies = useApi(apiRoutes.listAgencies, { params: { partnershipId } }, !canManage);
  const [editing, setEditing] = useState<Editing>(null);
  const { message, announce } = usePoliteMessage();
  const agencyList = agencies.state.status === 'ready' ? agencies.state.data.agencies : null;

  const save = async (draft: EscalationDraft) => {
    const confirmed = draft.identifiersConfirmed ? { identifiersConfirmed: true } : {};
    if (editing?.kind === 'edit') {
      const e = await callApi(apiRoutes.updateEscalation, {
        params: { partnershipId, escalationId: editing.escalation.id },
        body: { title: draft.title.trim(), issue: draft.issue.trim(), partyAgencyIds: draft.partyAgencyIds, status: draft.status, resolution: draft.resolution.trim() || null, ...confirmed },
      });
      announce(`Saved ${e.title}.`);
    } else {
      const e = await callApi(apiRoutes.createEscalation, { params: { partnershipId }, body: { title: draft.title.trim(), issue: draft.issue.trim(), partyAgencyIds: draft.partyAgencyIds, ...confirmed } });
      announce(`Logged ${e.title}.`);
    }
    setEditing(null);
    list.retry();
  };

  return (
    <>
      <PoliteRegion message={message} />
      <div className={styles.top}>
        <Field label="Show">
          <Select value={status} onChange={(_, d) => setStatus(d.value as EscalationStatus | '')}>
            <option value="">Every entry</option>
            {ESCALATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ESCALATION_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        {canManage && !editing && (
          <Button appearance="primary" onClick={() => setEditing({ kind: 'new' })}>
            Log a disagreement
          </Button>
        )}
      </div>
      {editing && (
        <EscalationForm
          key={editing.kind === 'edit' ? editing.escalation.id : 'new'}
          label={editing.kind === 'edit' ? `Update ${editing.escalation.title}` : 'Log a disagreement between agencies'}
          initial={draftOfEscalation(editing.kind === 'edit' ? editing.escalation : undefined)}
          agencies={agencyList}
          editing={editing.kind === 'edit'}
          submitText={editing.kind === 'edit' ? 'Save' : 'Log it'}
          onSubmit={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {list.state.status === 'loading' && <LoadingState label="Loading the escalations log…" />}
      {list.state.status === 'error' && <ErrorState title="Could not load the escalations log." message={list.state.error.message} onRetry={list.retry} />}
      {list.state.status === 'ready' &&
        (list.state.data.escalations.length === 0 ? (
          <p className={styles.empty}>
            {status
              ? `No entries are ${ESCALATION_STATUS_LABELS[status].toLowerCase()}. Choose “Every entry” to see the whole log.`
              : canManage
                ? 'Nothing is logged. When agencies disagree and the scrutineer helps resolve it, log it here; escalating a challenge logs one too.'
                : 'Nothing is logged. Disagreements between agencies that the scrutineer helps resolve are recorded here.'}
          </p>
        ) : (
          <ul className={styles.list} aria-label="Escalations">
            {list.state.data.escalations.map((e) => (
              <EscalationItem key={e.id} escalation={e} canManage={canManage} onEdit={() => setEditing({ kind: 'edit', escalation: e })} />
            ))}
          </ul>
        ))}
    </>
  );
}
