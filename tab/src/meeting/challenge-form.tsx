import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Field, Input, Textarea, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { apiRoutes } from '../../../src/contract/routes.js';
import type { Challenge, PersonSummary } from '../../../src/contract/index.js';
import { ROLE_LABELS } from '../../../src/domain/vocabulary.js';
import { IdentifierWarning } from '../challenges/identifier-warning.js';
import { useIdentifierFlags } from '../challenges/use-identifier-flags.js';
import { callApi } from '../api/api-client.js';
import { toApiError } from '../api/to-api-error.js';
import { useApi } from '../api/use-api.js';
import { ErrorState } from '../components/error-state.js';
import { FilterCombobox } from '../components/filter-combobox.js';
import { LoadingState } from '../components/loading-state.js';
import { ukIsoDate } from '../format/dates.js';
import { newId } from './new-id.js';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { ...typographyStyles.body1Strong, margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const personText = (p: PersonSummary) => `${p.displayName} (${p.agencyName ?? ROLE_LABELS[p.role]})`;

/** In a fortnight: a usual time to answer a challenge, changed as the scrutineer sees fit. */
function defaultDue(): string {
  return ukIsoDate(new Date(Date.now() + 14 * 86_400_000));
}

/** Raising a challenge from an observation: to whom, by when, and the question. */
export function ChallengeForm({
  partnershipId,
  observationId,
  forumId,
  selfId,
  onRaised,
  onCancel,
}: {
  partnershipId: string;
  observationId: string;
  forumId: string;
  selfId: string;
  onRaised: (c: Challenge) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const people = useApi(apiRoutes.listPeople, { params: { partnershipId } });
  const [recipient, setRecipient] = useState<PersonSummary | null>(null);
  const [typed, setTyped] = useState('');
  const [dueDate, setDueDate] = useState(defaultDue);
  const [question, setQuestion] = useState('');
  const flags = useIdentifierFlags(question);
  const [identifiersConfirmed, setIdentifiersConfirmed] = useState(false);
  const [errors, setErrors] = useState<{ recipient?: string; dueDate?: string; question?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useRef(newId());
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), [people.state.status]);

  const today = ukIsoDate();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!recipient) found.recipient = 'Choose who the challenge is for.';
    if (!dueDate) found.dueDate = 'Give a date for the answer.';
    else if (dueDate < today) found.dueDate = 'The date must not be in the past.';
    if (!question.trim()) found.question = 'Write the question.';
    else if (flags.length > 0 && !identifiersConfirmed) found.question = 'The question may identify a child: edit it, or confirm below that it may be sent.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const raised = await callApi(apiRoutes.raiseChallenge, {
        params: { partnershipId },
        body: { id: id.current, question: question.trim(), addresseePersonId: recipient!.id, dueDate, observationId, forumId, identifiersConfirmed: flags.length > 0 && identifiersConfirmed },
      });
      onRaised(raised);
    } catch (error) {
      setFailure(toApiError(error).message);
      setBusy(false);
    }
  };

  if (people.state.status === 'loading') return <LoadingState label="Loading people…" />;
  if (people.state.status === 'error') return <ErrorState title="Could not load the people to challenge." message={people.state.error.message} onRetry={people.retry} actions={<Button onClick={onCancel}>Cancel</Button>} />;
  const words = typed.trim().toLowerCase();
  const options = people.state.data.people.filter((p) => p.id !== selfId && (!words || personText(p).toLowerCase().includes(words)));
  const byId = new Map(people.state.data.people.map((p) => [p.id, p]));

  return (
    <form aria-label="Raise a challenge" className={styles.form} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()} noValidate>
      <p className={styles.heading}>Raise a challenge from this observation</p>
      <Field
        label="For"
        validationMessage={errors.recipient}
        validationState={errors.recipient ? 'error' : 'none'}
        hint={options.length === 0 && words ? 'Nobody matches these words.' : undefined}
      >
        <FilterCombobox
          ref={firstRef}
          listLabel="People"
          placeholder="Type a name or agency"
          text={typed}
          onTextChange={(text) => {
            setTyped(text);
            setRecipient(null);
          }}
          options={options.map((p) => ({ value: p.id, text: personText(p) }))}
          onPick={(option) => {
            const p = byId.get(option.value);
            setRecipient(p ?? null);
            setTyped(p ? personText(p) : '');
          }}
        />
      </Field>
      <Field label="Answer by" validationMessage={errors.dueDate} validationState={errors.dueDate ? 'error' : 'none'}>
        <Input type="date" min={today} value={dueDate} onChange={(_, d) => setDueDate(d.value)} />
      </Field>
      <Field label="Question" validationMessage={errors.question} validationState={errors.question ? 'error' : 'none'}>
        <Textarea value={question} resize="vertical" onChange={(_, d) => setQuestion(d.value)} />
      </Field>
      <IdentifierWarning flags={flags} confirmed={identifiersConfirmed} onConfirmedChange={setIdentifiersConfirmed} />
      {failure && <ErrorState title="The challenge was not raised." message={failure} />}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={busy}>
          Raise challenge
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
