import { Link, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { Checklist, MeetingDetail } from '../../../src/contract/index.js';
import type { EvidenceType, Judgement } from '../../../src/domain/vocabulary.js';
import { shortTime } from './format-time.js';
import { JUDGEMENT_SHORT, evidenceLabel } from './labels.js';
import { paperHash } from '../papers/paper-params.js';

const useStyles = makeStyles({
  body: { ...typographyStyles.body1, margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  meta: { ...typographyStyles.caption1, margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  judgement: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
});

export interface ObservationFields {
  body: string;
  judgement: Judgement;
  evidenceType: EvidenceType;
  areaIds: string[];
  agendaItemId?: string | null;
  documentId?: string | null;
  observedAt?: string;
}

/** What an observation says, and what it is tagged with, in a few short lines. */
export function ObservationText({ o, checklist, meeting }: { o: ObservationFields; checklist: Checklist; meeting: MeetingDetail }) {
  const styles = useStyles();
  const areas = o.areaIds.map((id) => checklist.areas.find((a) => a.id === id)?.title ?? 'an area no longer in the checklist');
  const agenda = o.agendaItemId ? meeting.agendaItems.find((a) => a.id === o.agendaItemId) : undefined;
  const paper = o.documentId ? meeting.documents.find((d) => d.id === o.documentId) : undefined;
  return (
    <>
      <p className={styles.body}>{o.body}</p>
      <p className={styles.meta}>
        <span className={styles.judgement}>{JUDGEMENT_SHORT[o.judgement]}</span> · {evidenceLabel(o.evidenceType)}
        {o.observedAt && (
          <>
            {' · '}
            <time dateTime={o.observedAt}>{shortTime(o.observedAt)}</time>
          </>
        )}
      </p>
      <p className={styles.meta}>Areas: {areas.join('; ')}</p>
      {(agenda || paper) && (
        <p className={styles.meta}>
          About: {agenda ? `${agenda.position}. ${agenda.title}` : null}
          {agenda && paper ? ' · ' : null}
          {paper && <Link href={paperHash(paper.id)}>{paper.title}</Link>}
        </p>
      )}
    </>
  );
}
