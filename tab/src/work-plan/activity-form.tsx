import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { WORK_PLAN_ACTIVITY_KINDS, type WorkPlanActivityKind } from '../../../src/domain/vocabulary.js';
import { useSubmission } from '../api/use-submission.js';
import { useFormPanelStyles } from '../components/form-panel-styles.js';
import { activityProblem, type ActivityDraft } from './activity-draft.js';
import { KIND_LABELS, QUARTER_NAMES } from './work-plan-labels.js';

const useStyles = makeStyles({
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))', gap: tokens.spacingHorizontalM },
  quarters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(9rem, 1fr))', gap: tokens.spacingHorizontalM, border: 'none', padding: 0, margin: 0 },
});

/** An activity of the work plan: what, which forum, and days planned and used in each quarter. */
export function ActivityForm({
  label,
  initial,
  forums,
  submitText,
  onSubmit,
  onCancel,
}: {
  label: string;
  initial: ActivityDraft;
  forums: { id: string; name: string }[];
  submitText: string;
  onSubmit: (draft: ActivityDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const panel = useFormPanelStyles();
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const { saving, failure, submit } = useSubmission();
  const problem = activityProblem(draft);
  const err = (field: string) => (checked && problem?.field === field ? ({ validationState: 'error', validationMessage: problem.message } as const) : {});
  const setDays = (which: 'planned' | 'used', q: number, value: string) =>
    setDraft((d) => {
      const next = [...d[which]] as ActivityDraft['planned'];
      next[q] = value;
      return { ...d, [which]: next };
    });

  return (
    <form
      className={panel.form}
      aria-label={label}
      onSubmit={async (event) => {
        event.preventDefault();
        setChecked(true);
        if (problem) return;
        await submit(() => onSubmit(draft));
      }}
    >
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failure.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.pair}>
        <Field label="Activity" required {...err('title')}>
          <Input value={draft.title} onChange={(_, d) => setDraft((x) => ({ ...x, title: d.value }))} autoComplete="off" />
        </Field>
        <Field label="Kind">
          <Select value={draft.kind} onChange={(_, d) => setDraft((x) => ({ ...x, kind: d.value as WorkPlanActivityKind }))}>
            {WORK_PLAN_ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Forum (optional)">
          <Select value={draft.forumId} onChange={(_, d) => setDraft((x) => ({ ...x, forumId: d.value }))}>
            <option value="">None</option>
            {forums.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {(['planned', 'used'] as const).map((which) => (
        <fieldset key={which} className={styles.quarters}>
          <legend className={panel.legend}>Days {which} (whole or half days)</legend>
          {QUARTER_NAMES.map((name, q) => (
            <Field key={name} label={`${name}, ${which}`} {...err(`${which}${q}`)}>
              <Input inputMode="decimal" value={draft[which][q]} onChange={(_, d) => setDays(which, q, d.value)} autoComplete="off" />
            </Field>
          ))}
        </fieldset>
      ))}
      <div className={panel.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          {saving ? 'Saving…' : submitText}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
