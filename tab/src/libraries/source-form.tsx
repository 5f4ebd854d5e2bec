import { useEffect, useId, useRef, type FormEvent } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { ForumSource } from '../../../src/contract/index.js';
import { focusRing } from '../theme/focus-ring.js';
import { SourceFields } from './source-fields.js';
import type { SourceKind } from './source-draft.js';
import { describeSource, NOT_SET_TEXT } from './source-text.js';
import { SourceTypePicker } from './source-type-picker.js';
import { useSourceEditor } from './use-source-editor.js';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    rowGap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { ...typographyStyles.subtitle2, margin: 0, overflowWrap: 'anywhere', ...focusRing },
  current: { ...typographyStyles.body1, margin: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  remove: { marginInlineStart: 'auto' },
});

export interface SourceFormProps {
  partnershipId: string;
  forum: ForumSource;
  defaultKind: SourceKind;
  /** Saved or removed: the forum as the server now has it. */
  onDone: (forum: ForumSource) => void;
  onCancel: () => void;
}

/**
 * The form under a forum that says where its papers come from: the kind of source, its
 * fields, Save (with a spinner), Cancel, and Remove after a confirmation.
 */
export function SourceForm({ partnershipId, forum, defaultKind, onDone, onCancel }: SourceFormProps) {
  const styles = useStyles();
  const headingId = useId();
  const editor = useSourceEditor(partnershipId, forum, defaultKind);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const confirming = editor.phase === 'confirming_remove' || editor.phase === 'removing';
  const wasConfirming = useRef(false);

  // Opened: start keyboard and screen-reader users at the form's heading.
  useEffect(() => headingRef.current?.focus(), []);
  // The button that had focus goes when the confirmation comes or goes: keep focus in place.
  useEffect(() => {
    if (confirming && !wasConfirming.current) keepRef.current?.focus();
    if (!confirming && wasConfirming.current) removeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (editor.phase !== 'editing') return;
    const saved = await editor.save();
    if (saved) onDone(saved);
  };

  const remove = async () => {
    const removed = await editor.remove();
    if (removed) onDone(removed);
  };

  const name = forum.forumName;
  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h4 id={headingId} ref={headingRef} tabIndex={-1} className={styles.heading}>
        Where {name} papers come from
      </h4>
      <p className={styles.current}>Now: {forum.source ? describeSource(forum.source) : NOT_SET_TEXT}.</p>
      {confirming ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Remove this source?</MessageBarTitle> Papers already brought in stay in Line of Sight, but no
            new papers or versions for {name} will be found until you choose a folder again.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <SourceTypePicker kind={editor.kind} onChange={editor.setKind} />
          <SourceFields
            kind={editor.kind}
            draft={editor.draft}
            errors={editor.fieldErrors}
            readOnly={editor.phase === 'saving'}
            onChange={editor.setField}
          />
        </>
      )}
      {editor.generalError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{confirming ? 'Could not remove it.' : 'Could not save.'}</MessageBarTitle> {editor.generalError}
          </MessageBarBody>
        </MessageBar>
      )}
      {confirming ? (
        <div key="confirm" className={styles.actions}>
          <Button
            appearance="primary"
            disabledFocusable={editor.phase === 'removing'}
            icon={editor.phase === 'removing' ? <Spinner size="tiny" aria-hidden /> : undefined}
            onClick={remove}
          >
            {editor.phase === 'removing' ? 'Removing…' : 'Yes, remove it'}
          </Button>
          <Button ref={keepRef} onClick={editor.cancelRemove}>
            Keep it
          </Button>
        </div>
      ) : (
        <div key="edit" className={styles.actions}>
          <Button
            appearance="primary"
            type="submit"
            disabledFocusable={editor.phase === 'saving'}
            icon={editor.phase === 'saving' ? <Spinner size="tiny" aria-hidden /> : undefined}
          >
            {editor.phase === 'saving' ? 'Saving…' : 'Save'}
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
          {forum.source && (
            <Button ref={removeRef} className={styles.remove} onClick={editor.askToRemove}>
              Remove…
            </Button>
          )}
        </div>
      )}
    </form>
  );
}
