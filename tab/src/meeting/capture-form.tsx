import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button, Field, Textarea, ToggleButton, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { Checklist, MeetingDetail } from '../../../src/contract/index.js';
import { AreaPicker } from './area-picker.js';
import { AreaPrompts } from './area-prompts.js';
import { emptyDraft, toNewObservation, validateDraft, type CaptureDraft, type DraftErrors } from './capture-draft.js';
import { EvidenceField } from './evidence-field.js';
import { JudgementField } from './judgement-field.js';
import { LinkField } from './link-field.js';
import { newId } from './new-id.js';
import type { OutboxEntry } from './outbox-entry.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  hint: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
});

/** The capture form: Enter saves, Shift+Enter starts a new line, Alt+P shows the areas' prompts. */
export function CaptureForm({
  meeting,
  checklist,
  draft,
  onDraftChange,
  onCapture,
  bodyId,
}: {
  /** The text box's id, so the page can bring focus back to it. */
  bodyId?: string;
  meeting: MeetingDetail;
  checklist: Checklist;
  /** Held by the page, so "put back in the form" can fill it. */
  draft: CaptureDraft;
  onDraftChange: (d: CaptureDraft) => void;
  onCapture: (observation: OutboxEntry['observation']) => void;
}) {
  const styles = useStyles();
  const generatedBodyId = useId();
  const ids = { body: bodyId ?? generatedBodyId, areas: useId(), prompts: useId(), hint: useId(), judgement: useId() };
  const [errors, setErrors] = useState<DraftErrors>({});
  const [showPrompts, setShowPrompts] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const set = (change: Partial<CaptureDraft>) => {
    onDraftChange({ ...draft, ...change });
    // An error goes as soon as what it was about is put right.
    const fixed = Object.keys(change) as (keyof DraftErrors)[];
    if (fixed.some((k) => errors[k])) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !fixed.includes(k as keyof DraftErrors))));
  };

  const save = () => {
    const found = validateDraft(draft);
    setErrors(found);
    if (found.body) return bodyRef.current?.focus();
    if (found.areaIds) return document.getElementById(ids.areas)?.focus();
    if (found.judgement) return (document.querySelector(`input[name="${ids.judgement}"]`) as HTMLInputElement | null)?.focus();
    onCapture(toNewObservation(draft, meeting, newId(), new Date()));
    onDraftChange(emptyDraft(draft.evidenceType));
    bodyRef.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };
  const onBodyKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };
  const onFormKeyDown = (event: KeyboardEvent) => {
    if (event.altKey && event.code === 'KeyP') {
      event.preventDefault();
      setShowPrompts((s) => !s);
    }
  };
  const chosenAreas = draft.areaIds.map((id) => checklist.areas.find((a) => a.id === id)).filter((a) => a !== undefined);

  return (
    <form aria-label="Capture an observation" className={styles.form} onSubmit={onSubmit} onKeyDown={onFormKeyDown} noValidate>
      <Field label="Observation" validationMessage={errors.body} validationState={errors.body ? 'error' : 'none'}>
        <Textarea
          id={ids.body}
          ref={bodyRef}
          value={draft.body}
          onChange={(_, data) => set({ body: data.value })}
          onKeyDown={onBodyKeyDown}
          resize="vertical"
          rows={3}
          aria-describedby={ids.hint}
        />
      </Field>
      <span id={ids.hint} className={styles.hint}>
        Enter saves. Shift+Enter starts a new line. Alt+P shows the prompts.
      </span>
      <AreaPicker id={ids.areas} areas={checklist.areas} selected={draft.areaIds} onChange={(areaIds) => set({ areaIds })} error={errors.areaIds} />
      <div className={styles.row}>
        <ToggleButton
          checked={showPrompts}
          onClick={() => setShowPrompts((s) => !s)}
          aria-controls={showPrompts ? ids.prompts : undefined}
          aria-keyshortcuts="Alt+P"
        >
          Prompts
        </ToggleButton>
      </div>
      {showPrompts && <AreaPrompts id={ids.prompts} areas={chosenAreas} />}
      <JudgementField name={ids.judgement} value={draft.judgement} onChange={(judgement) => set({ judgement })} error={errors.judgement} />
      <EvidenceField value={draft.evidenceType} onChange={(evidenceType) => set({ evidenceType })} />
      <LinkField meeting={meeting} value={draft.link} onChange={(link) => set({ link })} />
      <div className={styles.row}>
        <Button type="submit" appearance="primary">
          Save observation
        </Button>
      </div>
    </form>
  );
}
