import { useState } from 'react';
import { Button, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import type { Challenge, Checklist, MeetingDetail, ObservationPatch } from '../../../src/contract/index.js';
import { ChallengeForm } from './challenge-form.js';
import { STATUS_LABELS } from './labels.js';
import { ObservationEditor } from './observation-editor.js';
import { ObservationText } from './observation-text.js';
import { itemId, type TimelineItem } from './timeline-items.js';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    outlineOffset: tokens.strokeWidthThick,
  },
  failed: { border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}` },
  status: { ...typographyStyles.caption1Strong, margin: 0, color: tokens.colorNeutralForeground1, overflowWrap: 'anywhere' },
  failure: { ...typographyStyles.caption1, margin: 0, color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  confirm: { ...typographyStyles.caption1, margin: 0 },
});

export interface ItemActions {
  edit(id: string, patch: ObservationPatch): Promise<void>;
  remove(id: string): void;
  share(id: string): Promise<void>;
  challengeRaised(c: Challenge): void;
  putBack(id: string): void;
  discard(id: string): void;
  retry(): void;
}

/** The first words of an observation, to tell its buttons apart for screen readers. */
const gist = (body: string) => (body.length > 40 ? `${body.slice(0, 40)}…` : body);

/** One observation in the timeline, with what its author can do to it. */
export function ObservationItem({
  item,
  meeting,
  checklist,
  selfId,
  partnershipId,
  mayChallenge,
  actions,
}: {
  item: TimelineItem;
  meeting: MeetingDetail;
  checklist: Checklist;
  selfId: string;
  partnershipId: string;
  mayChallenge: boolean;
  actions: ItemActions;
}) {
  const styles = useStyles();
  const [mode, setMode] = useState<'view' | 'edit' | 'share' | 'challenge'>('view');
  const id = itemId(item);
  const about = `“${gist(item.observation.body)}”`;
  const focusSelf = () => document.getElementById(`observation-${id}`)?.focus();

  if (item.kind === 'saved' && mode === 'edit') {
    return (
      <li id={`observation-${id}`} tabIndex={-1} className={styles.item}>
        <ObservationEditor
          observation={item.observation}
          checklist={checklist}
          onSave={async (patch) => {
            await actions.edit(id, patch);
            setMode('view');
            setTimeout(focusSelf);
          }}
          onCancel={() => {
            setMode('view');
            setTimeout(focusSelf);
          }}
        />
      </li>
    );
  }

  const own = item.kind === 'queued' || item.observation.authorId === selfId;
  const status = item.kind === 'saved' ? STATUS_LABELS.saved : STATUS_LABELS[item.status];
  const shared = item.kind === 'saved' && item.observation.visibility === 'shared';
  return (
    <li id={`observation-${id}`} tabIndex={-1} className={mergeClasses(styles.item, item.kind === 'queued' && item.status === 'failed' && styles.failed)}>
      <ObservationText o={item.observation} checklist={checklist} meeting={meeting} />
      <p className={styles.status}>
        <span>{status}</span>
        {item.kind === 'saved' && (shared ? ' · Shared with the partnership' : own ? ' · Private to you' : '')}
      </p>
      {item.kind === 'queued' && item.failure && <p className={styles.failure}>{item.failure} Your text is kept here.</p>}

      {item.kind === 'queued' && item.status === 'waiting' && (
        <div className={styles.actions}>
          <Button size="small" onClick={actions.retry} aria-label={`Try again now to save ${about}`}>
            Try again now
          </Button>
        </div>
      )}
      {item.kind === 'queued' && item.status === 'failed' && (
        <div className={styles.actions}>
          <Button size="small" onClick={() => actions.putBack(id)} aria-label={`Put back in the form ${about}`}>
            Put back in the form
          </Button>
          <Button size="small" onClick={() => actions.discard(id)} aria-label={`Discard ${about}`}>
            Discard
          </Button>
        </div>
      )}
      {item.kind === 'saved' && own && mode === 'view' && (
        <div className={styles.actions}>
          <Button size="small" onClick={() => setMode('edit')} aria-label={`Edit ${about}`}>
            Edit
          </Button>
          <Button size="small" onClick={() => actions.remove(id)} aria-label={`Delete ${about}`}>
            Delete
          </Button>
          {!shared && (
            <Button size="small" onClick={() => setMode('share')} aria-label={`Share ${about}`}>
              Share
            </Button>
          )}
          {mayChallenge && (
            <Button size="small" onClick={() => setMode('challenge')} aria-label={`Challenge from ${about}`}>
              Challenge
            </Button>
          )}
        </div>
      )}
      {item.kind === 'saved' && mode === 'share' && (
        <div role="group" aria-label="Share this observation?">
          <p className={styles.confirm}>Shared observations can be read by the partnership’s leaders. Sharing cannot be undone.</p>
          <div className={styles.actions}>
            <Button
              size="small"
              appearance="primary"
              autoFocus
              onClick={async () => {
                await actions.share(id);
                setMode('view');
                setTimeout(focusSelf);
              }}
            >
              Share it
            </Button>
            <Button size="small" onClick={() => setMode('view')}>
              Keep private
            </Button>
          </div>
        </div>
      )}
      {item.kind === 'saved' && mode === 'challenge' && (
        <ChallengeForm
          partnershipId={partnershipId}
          observationId={id}
          forumId={meeting.forumId}
          selfId={selfId}
          onRaised={(c) => {
            actions.challengeRaised(c);
            setMode('view');
            setTimeout(focusSelf);
          }}
          onCancel={() => {
            setMode('view');
            setTimeout(focusSelf);
          }}
        />
      )}
    </li>
  );
}
