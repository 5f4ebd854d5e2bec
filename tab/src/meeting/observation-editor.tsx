import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Checklist, Observation, ObservationPatch } from '../../../src/contract/index.js';
import type { EvidenceType, Judgement } from '../../../src/domain/vocabulary.js';
import { ErrorState } from '../components/error-state.js';
import { AreaPicker } from './area-picker.js';
import { EvidenceField } from './evidence-field.js';
import { JudgementField } from './judgement-field.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Only the fields that changed, as the PATCH wants them. */
function changes(o: Observation, d: { body: string; areaIds: string[]; judgement: Judgement; evidenceType: EvidenceType }): ObservationPatch {
  const patch: ObservationPatch = {};
  if (d.body.trim() !== o.body) patch.body = d.body.trim();
  if (d.judgement !== o.judgement) patch.judgement = d.judgement;
  if (d.evidenceType !== o.evidenceType) patch.evidenceType = d.evidenceType;
  if (d.areaIds.join() !== o.areaIds.join()) patch.areaIds = d.areaIds;
  return patch;
}

/** Editing one's own observation in place. Escape cancels; Enter in the text saves. */
export function ObservationEditor({
  observation,
  checklist,
  onSave,
  onCancel,
}: {
  observation: Observation;
  checklist: Checklist;
  onSave: (patch: ObservationPatch) => Promise<void>;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const ids = { areas: useId(), judgement: useId() };
  const [draft, setDraft] = useState({
    body: observation.body,
    areaIds: observation.areaIds,
    judgement: observation.judgement,
    evidenceType: observation.evidenceType,
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => bodyRef.current?.focus(), []);

  const save = async () => {
    if (!draft.body.trim()) return setError('Write what you saw or heard, or delete the observation instead.');
    if (draft.areaIds.length === 0) return setError('Choose at least one checklist area.');
    const patch = changes(observation, draft);
    if (Object.keys(patch).length === 0) return onCancel();
    setBusy(true);
    try {
      await onSave(patch);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };

  return (
    <form aria-label="Edit observation" className={styles.form} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      <Field label="Observation">
        <Textarea
          ref={bodyRef}
          value={draft.body}
          resize="vertical"
          onChange={(_, d) => setDraft({ ...draft, body: d.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void save();
            }
          }}
        />
      </Field>
      <AreaPicker id={ids.areas} areas={checklist.areas} selected={draft.areaIds} onChange={(areaIds) => setDraft({ ...draft, areaIds })} />
      <JudgementField name={ids.judgement} value={draft.judgement} onChange={(judgement) => setDraft({ ...draft, judgement })} />
      <EvidenceField value={draft.evidenceType} onChange={(evidenceType) => setDraft({ ...draft, evidenceType })} />
      {error && <ErrorState title="Not saved." message={error} />}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={busy}>
          Save changes
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
