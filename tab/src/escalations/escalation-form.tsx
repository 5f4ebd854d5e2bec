import { useState } from 'react';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Escalation } from '../../../src/contract/escalations.js';
import { ESCALATION_STATUSES, type EscalationStatus } from '../../../src/domain/vocabulary.js';
import { useSubmission } from '../api/use-submission.js';
import { useFormPanelStyles } from '../components/form-panel-styles.js';
import { IdentifierWarning } from '../challenges/identifier-warning.js';
import { useIdentifierFlags } from '../challenges/use-identifier-flags.js';
import { ESCALATION_STATUS_LABELS } from './escalation-labels.js';

const useStyles = makeStyles({
  parties: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', border: 'none', padding: 0, margin: 0 },
  error: { color: tokens.colorPaletteRedForeground1, margin: `${tokens.spacingVerticalXS} 0 0` },
});

export interface EscalationDraft {
  title: string;
  issue: string;
  partyAgencyIds: string[];
  status: EscalationStatus;
  resolution: string;
  identifiersConfirmed: boolean;
}

export function draftOfEscalation(e?: Escalation): EscalationDraft {
  return {
    title: e?.title ?? '',
    issue: e?.issue ?? '',
    partyAgencyIds: e?.parties.map((p) => p.agencyId) ?? [],
    status: e?.status ?? 'open',
    resolution: e?.resolution ?? '',
    identifiersConfirmed: false,
  };
}

/**
 * A disagreement between agencies: what it is about, which agencies, and (once logged) where it has got
 * to. The log is shared, so its text passes the child-identifier guard first, as a challenge does.
 */
export function EscalationForm({
  label,
  initial,
  agencies,
  editing,
  submitText,
  onSubmit,
  onCancel,
}: {
  label: string;
  initial: EscalationDraft;
  agencies: { id: string; name: string }[] | null;
  editing: boolean;
  submitText: string;
  onSubmit: (draft: EscalationDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const panel = useFormPanelStyles();
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const { saving, failure, submit } = useSubmission();
  const flags = useIdentifierFlags(`${draft.title}\n${draft.issue}\n${draft.resolution}`);
  const set = <K extends keyof EscalationDraft>(key: K, value: EscalationDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const problems: Partial<Record<'title' | 'issue' | 'parties' | 'resolution', string>> = {};
  if (!draft.title.trim()) problems.title = 'Give it a short title.';
  if (!draft.issue.trim()) problems.issue = 'Say what the disagreement is about.';
  if (draft.partyAgencyIds.length === 0) problems.parties = 'Choose at least one agency.';
  if (draft.status === 'resolved' && !draft.resolution.trim()) problems.resolution = 'Say how it was resolved before marking it resolved.';
  const shown = (k: keyof typeof problems) => (checked && problems[k] ? ({ validationState: 'error', validationMessage: problems[k] } as const) : {});
  const blocked = flags.length > 0 && !draft.identifiersConfirmed;

  return (
    <form
      className={panel.form}
      aria-label={label}
      onSubmit={async (event) => {
        event.preventDefault();
        setChecked(true);
        if (Object.keys(problems).length > 0 || blocked) return;
        await submit(() => onSubmit(draft));
      }}
    >
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failure.message}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Title" required {...shown('title')}>
        <Input value={draft.title} onChange={(_, d) => set('title', d.value)} autoComplete="off" />
      </Field>
      <Field label="What the disagreement is about" required {...shown('issue')}>
        <Textarea value={draft.issue} onChange={(_, d) => set('issue', d.value)} resize="vertical" />
      </Field>
      <div>
        <fieldset className={styles.parties} aria-describedby={checked && problems.parties ? 'escalation-parties-error' : undefined}>
          <legend className={panel.legend}>Agencies in disagreement (required)</legend>
          {agencies === null ? (
            <span>Loading the agencies…</span>
          ) : (
            agencies.map((a) => (
              <Checkbox
                key={a.id}
                label={a.name}
                checked={draft.partyAgencyIds.includes(a.id)}
                onChange={(_, d) => set('partyAgencyIds', d.checked ? [...draft.partyAgencyIds, a.id] : draft.partyAgencyIds.filter((id) => id !== a.id))}
              />
            ))
          )}
        </fieldset>
        {checked && problems.parties && (
          <p id="escalation-parties-error" className={styles.error}>
            {problems.parties}
          </p>
        )}
      </div>
      {editing && (
        <>
          <Field label="Status">
            <Select value={draft.status} onChange={(_, d) => set('status', d.value as EscalationStatus)}>
              {ESCALATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ESCALATION_STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="How it was resolved" required={draft.status === 'resolved'} {...shown('resolution')}>
            <Textarea value={draft.resolution} onChange={(_, d) => set('resolution', d.value)} resize="vertical" />
          </Field>
        </>
      )}
      <IdentifierWarning flags={flags} confirmed={draft.identifiersConfirmed} onConfirmedChange={(c) => set('identifiersConfirmed', c)} />
      <div className={panel.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          {saving ? 'Saving…' : submitText}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
