import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { TrackerAction } from '../../../src/contract/actions.js';
import { formatDayLong } from '../format/day-dates.js';
import { EDITABLE_STATUSES, STATUS_LABELS, type EditableStatus } from './tracker-labels.js';
import type { PickLists } from './use-pick-lists.js';
import { useActionUpdate } from './use-action-update.js';

const useStyles = makeStyles({
  form: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalM },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(10rem, 1fr))', gap: tokens.spacingHorizontalM },
  // A native select is as wide as its longest option: let it shrink to its column instead.
  cell: { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  select: { minWidth: 0, maxWidth: '100%' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * Status, per cent done, due date, owner and agency, with a comment for the history. Sent with the version
 * the form was opened on: if the action changed meanwhile the server's message says so, with Reload.
 */
export function ActionUpdateForm({
  partnershipId,
  action,
  lists,
  onSaved,
  onReload,
}: {
  partnershipId: string;
  action: TrackerAction;
  lists: PickLists;
  onSaved: (action: TrackerAction) => void;
  onReload: () => void;
}) {
  const styles = useStyles();
  const form = useActionUpdate(partnershipId, action, onSaved);
  const { draft, set, fieldError } = form;
  const err = (field: Parameters<typeof fieldError>[0]) => {
    const message = fieldError(field);
    return message ? ({ validationState: 'error', validationMessage: message } as const) : {};
  };
  const ownerKnown = !draft.ownerId || lists.people?.some((p) => p.id === draft.ownerId);
  const agencyKnown = !draft.agencyId || lists.agencies?.some((a) => a.id === draft.agencyId);

  return (
    <form
      className={styles.form}
      aria-label={`Update ${action.reference}`}
      onSubmit={(event) => {
        event.preventDefault();
        void form.save();
      }}
    >
      {form.failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{form.failure.message}</MessageBarBody>
          {form.failure.code === 'edit_conflict' && (
            <MessageBarActions>
              <Button onClick={onReload}>Reload the tracker</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      <div className={styles.pair}>
        {draft.status ? (
          <Field className={styles.cell} label="Status" {...err('status')}>
            <Select className={styles.select} value={draft.status} onChange={(_, d) => set('status', d.value as EditableStatus)}>
              {EDITABLE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <Field label="Status" hint={action.status === 'proposed_complete' ? 'Waiting for sign-off: signed off or declined below.' : 'Signed off: its status no longer changes.'}>
            <Input value={STATUS_LABELS[action.status]} readOnly />
          </Field>
        )}
        <Field label="% complete" {...err('percent')}>
          <Input type="number" min={0} max={100} step={5} inputMode="numeric" value={draft.percent} onChange={(_, d) => set('percent', d.value)} />
        </Field>
      </div>
      <Field label="Due date" hint={action.dueDate ? `Now: ${formatDayLong(action.dueDate)}` : 'No due date yet.'} {...err('dueDate')}>
        <Input type="date" value={draft.dueDate} onChange={(_, d) => set('dueDate', d.value)} />
      </Field>
      <div className={styles.pair}>
        <Field className={styles.cell} label="Owner" hint={lists.people ? undefined : 'Loading the partnership’s people…'} {...err('ownerId')}>
          <Select className={styles.select} value={draft.ownerId} onChange={(_, d) => set('ownerId', d.value)} disabled={!lists.people}>
            <option value="">No owner</option>
            {!ownerKnown && action.owner && <option value={action.owner.id}>{action.owner.name}</option>}
            {lists.people?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.detail ? ` (${p.detail})` : ''}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.cell} label="Agency" hint={lists.agencies ? undefined : 'Loading the agencies…'} {...err('agencyId')}>
          <Select className={styles.select} value={draft.agencyId} onChange={(_, d) => set('agencyId', d.value)} disabled={!lists.agencies}>
            <option value="">No agency</option>
            {!agencyKnown && action.agency && <option value={action.agency.id}>{action.agency.name}</option>}
            {lists.agencies?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Comment (kept in the history)" hint="Saved with a change, as its reason or progress note." {...err('comment')}>
        <Textarea value={draft.comment} onChange={(_, d) => set('comment', d.value)} resize="vertical" />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={form.saving || !form.changed}>
          {form.saving ? 'Saving…' : 'Save changes'}
        </Button>
      </div>
    </form>
  );
}
