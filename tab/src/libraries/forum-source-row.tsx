import { useId, useRef, useState } from 'react';
import { Button, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import type { ForumSource } from '../../../src/contract/index.js';
import type { SourceKind } from './source-draft.js';
import { SourceForm } from './source-form.js';
import { describeSource, documentCountText, NOT_SET_TEXT } from './source-text.js';

const useStyles = makeStyles({
  item: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  unset: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorStatusWarningBorderActive}` },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  text: { minWidth: 0, flexGrow: 1, flexBasis: '16rem', display: 'grid', rowGap: tokens.spacingVerticalXXS },
  name: { ...typographyStyles.body1Strong, margin: 0, overflowWrap: 'anywhere' },
  facts: { margin: 0, display: 'grid', rowGap: tokens.spacingVerticalXXS },
  fact: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  term: { ...typographyStyles.caption1Strong, color: tokens.colorNeutralForeground2 },
  detail: { ...typographyStyles.caption1, margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  empty: { ...typographyStyles.caption1, margin: 0, overflowWrap: 'anywhere' },
  form: { marginBlockStart: tokens.spacingVerticalS },
});

export interface ForumSourceRowProps {
  partnershipId: string;
  forum: ForumSource;
  canManage: boolean;
  /** The kind a forum with no source starts on (the one the other forums use). */
  defaultKind: SourceKind;
  /** Saved or removed: the forum as the server now has it. */
  onChanged: (forum: ForumSource) => void;
}

/** One forum: where its papers come from and how many; for managers, "Change" opens the form beneath. */
export function ForumSourceRow({ partnershipId, forum, canManage, defaultKind, onChanged }: ForumSourceRowProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const formId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const name = forum.forumName;

  const close = () => {
    setOpen(false);
    // The form that had focus is gone: go back to the button that opened it.
    window.setTimeout(() => buttonRef.current?.focus(), 0);
  };

  return (
    <li className={mergeClasses(styles.item, !forum.source && styles.unset)}>
      <div className={styles.row}>
        <div className={styles.text}>
          <h3 className={styles.name}>{name}</h3>
          {forum.source ? (
            <dl className={styles.facts}>
              <div className={styles.fact}>
                <dt className={styles.term}>Papers from:</dt>
                <dd className={styles.detail}>{describeSource(forum.source)}</dd>
              </div>
              <div className={styles.fact}>
                <dt className={styles.term}>Documents:</dt>
                <dd className={styles.detail}>{documentCountText(forum.source.documentCount)}</dd>
              </div>
            </dl>
          ) : (
            <p className={styles.empty}>
              {NOT_SET_TEXT}.{' '}
              {canManage ? 'Choose the folder that holds them.' : 'The business manager can choose the folder that holds them.'}
            </p>
          )}
        </div>
        {canManage && (
          <Button
            ref={buttonRef}
            appearance={forum.source ? 'secondary' : 'primary'}
            aria-expanded={open}
            aria-controls={open ? formId : undefined}
            aria-label={forum.source ? `Change where ${name} papers come from` : `Choose a folder for ${name} papers`}
            onClick={() => (open ? close() : setOpen(true))}
          >
            {forum.source ? 'Change' : 'Choose a folder'}
          </Button>
        )}
      </div>
      {canManage && open && (
        <div id={formId} className={styles.form}>
          <SourceForm
            partnershipId={partnershipId}
            forum={forum}
            defaultKind={defaultKind}
            onCancel={close}
            onDone={(changed) => {
              close();
              onChanged(changed);
            }}
          />
        </div>
      )}
    </li>
  );
}
