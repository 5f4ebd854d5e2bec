import { useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { TrackerAction } from '../../../src/contract/actions.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { callApi } from '../api/api-client.js';
import { formatDateAtTime } from '../format/dates.js';
import { useActionStep } from './use-action-step.js';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  text: { margin: 0 },
});

/**
 * Completion: the owner proposes it (evidence attached first); the scrutineer or business manager signs
 * it off, or declines with a reason. The server decides; a refusal shows its words (e.g. evidence required).
 */
export function CompletionSection({
  partnershipId,
  action,
  mayPropose,
  maySignOff,
  onChanged,
}: {
  partnershipId: string;
  action: TrackerAction;
  mayPropose: boolean;
  maySignOff: boolean;
  onChanged: (a: TrackerAction) => void;
}) {
  const styles = useStyles();
  const step = useActionStep(onChanged);
  const [comment, setComment] = useState('');
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const params = { partnershipId, actionId: action.id };
  const refusal = step.failure && (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Not done.</MessageBarTitle> {step.failure.message}
      </MessageBarBody>
    </MessageBar>
  );

  if (action.status === 'complete') {
    return (
      <p className={styles.text}>
        Signed off{action.signedOff ? ` on ${formatDateAtTime(action.signedOff.at)}${action.signedOff.by ? ` by ${action.signedOff.by.name}` : ''}` : ''}.
      </p>
    );
  }
  if (action.status === 'withdrawn') return <p className={styles.text}>Withdrawn: nothing to complete.</p>;

  if (action.status === 'proposed_complete') {
    const proposed = action.completionProposed;
    return (
      <div className={styles.root}>
        <p className={styles.text}>
          Proposed complete{proposed ? ` on ${formatDateAtTime(proposed.at)}${proposed.by ? ` by ${proposed.by.name}` : ''}` : ''}, with{' '}
          {action.evidence.count === 1 ? 'one link' : `${action.evidence.count} links`} to evidence.
        </p>
        {refusal}
        {maySignOff ? (
          <>
            <Field label="Comment (optional)">
              <Textarea value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" />
            </Field>
            <div className={styles.buttons}>
              <Button
                appearance="primary"
                disabledFocusable={step.busy !== null}
                onClick={() => void step.run('signOff', () => callApi(apiRoutes.signOffAction, { params, body: comment.trim() ? { comment: comment.trim() } : {} }))}
              >
                {step.busy === 'signOff' ? 'Signing off…' : 'Sign off'}
              </Button>
              <Button aria-expanded={declining} onClick={() => setDeclining((d) => !d)}>
                Decline…
              </Button>
            </div>
            {declining && (
              <form
                className={styles.root}
                aria-label={`Decline sign-off of ${action.reference}`}
                onSubmit={(event) => {
                  event.preventDefault();
                  if (reason.trim()) void step.run('decline', () => callApi(apiRoutes.declineActionSignOff, { params, body: { reason: reason.trim() } }));
                }}
              >
                <Field label="Why the evidence does not show it done" required hint="The owner sees this in the history.">
                  <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
                </Field>
                <div>
                  <Button type="submit" disabledFocusable={!reason.trim() || step.busy !== null}>
                    {step.busy === 'decline' ? 'Declining…' : 'Decline sign-off'}
                  </Button>
                </div>
              </form>
            )}
          </>
        ) : (
          <p className={styles.text}>The scrutineer or the business manager signs it off, or declines it with a reason.</p>
        )}
      </div>
    );
  }

  return (
    <div className={styles.root}>
      {refusal}
      {mayPropose ? (
        <>
          <p className={styles.text}>When the action is done and its evidence is attached, its owner proposes it complete for sign-off.</p>
          <Field label="Comment (optional)">
            <Textarea value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" />
          </Field>
          <div>
            <Button
              disabledFocusable={step.busy !== null}
              onClick={() => void step.run('propose', () => callApi(apiRoutes.proposeActionComplete, { params, body: comment.trim() ? { comment: comment.trim() } : {} }))}
            >
              {step.busy === 'propose' ? 'Proposing…' : 'Propose completion'}
            </Button>
          </div>
        </>
      ) : (
        <p className={styles.text}>Its owner proposes it complete, with evidence attached; then it is signed off.</p>
      )}
    </div>
  );
}
