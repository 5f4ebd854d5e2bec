import { useState } from 'react';
import { Button, Field, Input, Link, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { TrackerAction } from '../../../src/contract/actions.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { callApi } from '../api/api-client.js';
import { useActionStep } from './use-action-step.js';

const useStyles = makeStyles({
  list: { margin: `0 0 ${tokens.spacingVerticalM}`, paddingInlineStart: tokens.spacingHorizontalL },
  link: { overflowWrap: 'anywhere' },
  form: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalS },
  empty: { margin: `0 0 ${tokens.spacingVerticalM}` },
});

/** The links to the action's evidence, and a form to add one (a SharePoint link). */
export function EvidenceSection({
  partnershipId,
  action,
  mayAdd,
  onChanged,
}: {
  partnershipId: string;
  action: TrackerAction;
  mayAdd: boolean;
  onChanged: (a: TrackerAction) => void;
}) {
  const styles = useStyles();
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const step = useActionStep(onChanged);
  const closed = action.status === 'complete' || action.status === 'withdrawn';
  const urlProblem = step.failure?.details.find((d) => /(^|\.)url$/.test(d.path))?.message;

  return (
    <>
      {action.evidence.links.length === 0 ? (
        <p className={styles.empty}>No evidence yet. An action is signed off only with a link to its evidence.</p>
      ) : (
        <ul className={styles.list}>
          {action.evidence.links.map((l) => (
            <li key={l.id}>
              <Link href={l.url} target="_blank" rel="noreferrer" className={styles.link}>
                {l.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {mayAdd && !closed && (
        <form
          className={styles.form}
          aria-label={`Add evidence to ${action.reference}`}
          onSubmit={async (event) => {
            event.preventDefault();
            const ok = await step.run('add', () =>
              callApi(apiRoutes.addActionEvidence, { params: { partnershipId, actionId: action.id }, body: { url: url.trim(), ...(title.trim() && { title: title.trim() }) } }),
            );
            if (ok) {
              setUrl('');
              setTitle('');
            }
          }}
        >
          {step.failure && !urlProblem && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{step.failure.message}</MessageBarBody>
            </MessageBar>
          )}
          <Field
            label="Link to the evidence"
            required
            hint="A SharePoint link (https://….sharepoint.com/…), where the partnership’s access rules apply."
            validationState={urlProblem ? 'error' : 'none'}
            validationMessage={urlProblem ? `The link ${urlProblem}` : undefined}
          >
            <Input type="url" value={url} onChange={(_, d) => (setUrl(d.value), step.clear())} autoComplete="off" />
          </Field>
          <Field label="Title (optional)" hint="Otherwise the file’s name from the link.">
            <Input value={title} onChange={(_, d) => setTitle(d.value)} autoComplete="off" />
          </Field>
          <div>
            <Button type="submit" disabledFocusable={!url.trim() || step.busy !== null}>
              {step.busy ? 'Adding…' : 'Add evidence'}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
