import { useEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { IdentifierWarning } from '../challenges/identifier-warning.js';
import { useIdentifierFlags } from '../challenges/use-identifier-flags.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { Annotation } from '../../../src/contract/index.js';
import { EVIDENCE_TYPES, EVIDENCE_TYPE_LABELS, JUDGEMENTS, JUDGEMENT_LABELS, type EvidenceType, type Judgement } from '../../../src/domain/vocabulary.js';
import { useApi } from '../api/use-api.js';
import { LoadingState } from '../components/loading-state.js';
import type { SaveTarget } from './save-annotation.js';
import type { SelectedPassage } from './selected-passage.js';
import { useAnnotationForm } from './use-annotation-form.js';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
    minWidth: 0,
  },
  heading: { ...typographyStyles.subtitle2, margin: 0, outlineStyle: 'none', overflowWrap: 'anywhere' },
  help: { ...typographyStyles.caption1, margin: 0, color: tokens.colorNeutralForeground2 },
  areas: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    maxHeight: '14rem',
    overflowY: 'auto',
    display: 'grid',
    minWidth: 0,
  },
  legend: { ...typographyStyles.body1Strong, padding: `0 ${tokens.spacingHorizontalXS}` },
  areaError: { ...typographyStyles.caption1, color: tokens.colorPaletteRedForeground1, margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface AnnotationFormProps {
  passage: SelectedPassage | null;
  fallbackPage: number;
  pageCount: number;
  target: SaveTarget;
  canChallenge: boolean;
  onSaved: (annotation: Annotation) => void;
  onClose: () => void;
}

/** The small form that annotates a passage with an observation or a challenge. Escape closes it. */
export function AnnotationForm({ passage, fallbackPage, pageCount, target, canChallenge, onSaved, onClose }: AnnotationFormProps) {
  const styles = useStyles();
  const formRef = useRef<HTMLFormElement>(null);
  const firstRef = useRef<HTMLTextAreaElement>(null);
  const quoteRef = useRef<HTMLTextAreaElement>(null);
  const { draft, update, errors, failure, saving, save } = useAnnotationForm(passage, fallbackPage, pageCount, target, onSaved);
  const flags = useIdentifierFlags(draft.kind === 'challenge' ? draft.question : '');
  const partnershipId = target.partnershipId;
  const checklist = useApi(apiRoutes.checklist, { params: { partnershipId } });
  const people = useApi(apiRoutes.listPeople, { params: { partnershipId } }, !canChallenge);

  // Start where the typing is: the note when a passage was selected, else the passage itself.
  useEffect(() => {
    (passage ? firstRef.current : quoteRef.current)?.focus();
  }, [passage]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const saved = await save();
    if (!saved) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input')?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  const areas = checklist.state.status === 'ready' ? checklist.state.data.areas : [];
  return (
    <form ref={formRef} className={styles.form} aria-labelledby="annotate-heading" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <h2 id="annotate-heading" className={styles.heading}>
        Annotate a passage
      </h2>
      <p className={styles.help}>Press Escape to close this form without saving.</p>
      <Field label="Passage" required validationMessage={errors.quote} hint={passage ? 'The words you selected.' : 'Select words in the paper first, or type them here exactly as they appear.'}>
        <Textarea ref={quoteRef} value={draft.quote} onChange={(_, d) => update('quote', d.value)} resize="vertical" />
      </Field>
      <Field label="Page" required validationMessage={errors.pageNumber}>
        <Input type="number" min={1} max={pageCount} value={String(draft.pageNumber)} onChange={(_, d) => update('pageNumber', Number.parseInt(d.value, 10))} />
      </Field>
      {canChallenge && (
        <Field label="Annotate with">
          <RadioGroup layout="horizontal" value={draft.kind} onChange={(_, d) => update('kind', d.value as 'observation' | 'challenge')}>
            <Radio value="observation" label="An observation" />
            <Radio value="challenge" label="A challenge" />
          </RadioGroup>
        </Field>
      )}
      {draft.kind === 'observation' ? (
        <>
          <Field label="Observation" required validationMessage={errors.body}>
            <Textarea ref={firstRef} value={draft.body} onChange={(_, d) => update('body', d.value)} resize="vertical" />
          </Field>
          <fieldset className={styles.areas} aria-describedby={errors.areaIds ? 'annotate-areas-error' : undefined}>
            <legend className={styles.legend}>Checklist areas (required)</legend>
            {checklist.state.status === 'loading' && <LoadingState label="Loading the checklist…" />}
            {checklist.state.status === 'error' && <p className={styles.areaError}>{checklist.state.error.message}</p>}
            {areas.map((area) => (
              <Checkbox
                key={area.id}
                label={area.title}
                checked={draft.areaIds.includes(area.id)}
                aria-invalid={errors.areaIds && draft.areaIds.length === 0 ? true : undefined}
                onChange={(_, d) => update('areaIds', d.checked ? [...draft.areaIds, area.id] : draft.areaIds.filter((id) => id !== area.id))}
              />
            ))}
          </fieldset>
          {errors.areaIds && (
            <p id="annotate-areas-error" className={styles.areaError}>
              {errors.areaIds}
            </p>
          )}
          <Field label="Judgement" required validationMessage={errors.judgement}>
            <RadioGroup value={draft.judgement} onChange={(_, d) => update('judgement', d.value as Judgement)}>
              {JUDGEMENTS.map((j) => (
                <Radio key={j} value={j} label={JUDGEMENT_LABELS[j]} />
              ))}
            </RadioGroup>
          </Field>
          <Field label="Evidence type">
            <Select value={draft.evidenceType} onChange={(_, d) => update('evidenceType', d.value as EvidenceType)}>
              {EVIDENCE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {EVIDENCE_TYPE_LABELS[t]}
                </option>
              ))}
            </Select>
          </Field>
        </>
      ) : (
        <>
          <Field label="Challenge question" required validationMessage={errors.question}>
            <Textarea ref={firstRef} value={draft.question} onChange={(_, d) => update('question', d.value)} resize="vertical" />
          </Field>
          <IdentifierWarning flags={flags} confirmed={draft.identifiersConfirmed} onConfirmedChange={(c) => update('identifiersConfirmed', c)} />
          <Field label="For" required validationMessage={errors.addresseePersonId ?? (people.state.status === 'error' ? people.state.error.message : undefined)}>
            <Select value={draft.addresseePersonId} onChange={(_, d) => update('addresseePersonId', d.value)}>
              <option value="">Choose a person</option>
              {people.state.status === 'ready' &&
                people.state.data.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName}
                    {p.agencyName ? `, ${p.agencyName}` : ''}
                  </option>
                ))}
            </Select>
          </Field>
          <Field label="Answer due by" required validationMessage={errors.dueDate}>
            <Input type="date" value={draft.dueDate} onChange={(_, d) => update('dueDate', d.value)} />
          </Field>
        </>
      )}
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save annotation'}
        </Button>
        <Button type="button" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
