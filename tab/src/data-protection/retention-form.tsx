import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { RetentionSettings } from '../../../src/contract/data-protection.js';
import { RETENTION_CATEGORIES, type RetentionCategory } from '../../../src/domain/retention.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { callApi } from '../api/api-client.js';
import { useSubmission } from '../api/use-submission.js';
import { useFormPanelStyles } from '../components/form-panel-styles.js';
import { formatDateTime } from '../format/dates.js';
import { periodText, RETENTION_LABELS } from './retention-labels.js';

const useStyles = makeStyles({
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(16rem, 100%), 1fr))', gap: tokens.spacingHorizontalL },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
});

type Draft = Record<RetentionCategory, string>;
const draftOf = (s: RetentionSettings): Draft => Object.fromEntries(RETENTION_CATEGORIES.map((c) => [c, s.periods[c] === null ? '' : String(s.periods[c])])) as Draft;

/** A whole number of months from 1 to 1200, or blank to keep; else what is wrong. */
function problemOf(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 1200 ? undefined : 'Enter a whole number of months from 1 to 1200, or leave it blank to keep these records.';
}

/** How long each kind of record is kept: months, or blank to keep. Saved together; the server audits the change. */
export function RetentionForm({ partnershipId, settings, onSaved }: { partnershipId: string; settings: RetentionSettings; onSaved: (s: RetentionSettings) => void }) {
  const styles = useStyles();
  const panel = useFormPanelStyles();
  const [draft, setDraft] = useState(() => draftOf(settings));
  const [checked, setChecked] = useState(false);
  const { saving, failure, submit } = useSubmission();
  const problems = Object.fromEntries(RETENTION_CATEGORIES.map((c) => [c, problemOf(draft[c])])) as Record<RetentionCategory, string | undefined>;

  return (
    <form
      className={panel.form}
      aria-label="Retention periods"
      onSubmit={async (event) => {
        event.preventDefault();
        setChecked(true);
        if (Object.values(problems).some(Boolean)) return;
        const body = Object.fromEntries(RETENTION_CATEGORIES.map((c) => [c, draft[c].trim() === '' ? null : Number(draft[c])]));
        await submit(async () => onSaved(await callApi(apiRoutes.updateRetention, { params: { partnershipId }, body })));
      }}
    >
      <p className={styles.meta}>
        {settings.usingDefaults
          ? 'These are the defaults: six years, as most records policies keep partnership working records. Set them to match your partnership’s policy.'
          : `Last changed by ${settings.updatedBy ?? 'someone'} on ${settings.updatedAt ? formatDateTime(settings.updatedAt) : 'an unknown date'}.`}{' '}
        Records past their period are removed every few hours, and each removal is counted in the audit log.
      </p>
      <div className={styles.fields}>
        {RETENTION_CATEGORIES.map((c) => (
          <Field
            key={c}
            label={`${RETENTION_LABELS[c].label} (months)`}
            hint={`${RETENTION_LABELS[c].hint} Default: ${periodText(settings.defaults[c])}. Blank: keep.`}
            {...(checked && problems[c] ? { validationState: 'error' as const, validationMessage: problems[c] } : {})}
          >
            <Input inputMode="numeric" value={draft[c]} onChange={(_, d) => setDraft((x) => ({ ...x, [c]: d.value }))} />
          </Field>
        ))}
      </div>
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failure.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={panel.buttons}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save the retention periods'}
        </Button>
      </div>
    </form>
  );
}
