import { useId } from 'react';
import { Badge, Checkbox, Link, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReportEvidence } from '../../../src/contract/reports.js';
import { EVIDENCE_TYPE_LABELS, JUDGEMENT_LABELS } from '../../../src/domain/vocabulary.js';
import { formatDay } from '../format/day-dates.js';
import { paperHash } from '../papers/paper-params.js';
import { RagBadge } from '../tracker/rag-badge.js';
import { STATUS_LABELS } from '../tracker/tracker-labels.js';
import { EVIDENCE_KIND_LABELS } from './report-labels.js';

const useStyles = makeStyles({
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { ...typographyStyles.body1, overflowWrap: 'anywhere' },
  facts: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0, overflowWrap: 'anywhere' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  papers: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, ...typographyStyles.caption1 },
  private: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
  // The checkbox's own label carries the evidence's words, so its row must wrap on a 280 px panel.
  checkbox: { alignItems: 'flex-start' },
});

/** The facts beside an item: what kind, its judgement or state, forum and date. */
function factsOf(e: ReportEvidence): string {
  const parts: string[] = [EVIDENCE_KIND_LABELS[e.kind]];
  if (e.judgement) parts.push(JUDGEMENT_LABELS[e.judgement]);
  if (e.evidenceType) parts.push(EVIDENCE_TYPE_LABELS[e.evidenceType]);
  if (e.action) parts.push(`${e.action.reference}, ${STATUS_LABELS[e.action.status]}, ${e.action.percentComplete}% done${e.action.owner ? `, owner ${e.action.owner}` : ''}`);
  if (e.challenge) parts.push(`${e.challenge.addressee ? `asked of ${e.challenge.addressee}, ` : ''}${e.challenge.answers.length === 1 ? '1 answer' : `${e.challenge.answers.length} answers`}`);
  if (e.escalation && e.escalation.parties.length > 0) parts.push(`between ${e.escalation.parties.join(', ')}`);
  if (e.forum) parts.push(e.forum);
  parts.push(formatDay(e.date));
  return parts.join(' · ');
}

/**
 * One piece of evidence with its include/exclude choice. The author's private observation has no choice: it is
 * shown to them only, and never goes into a document until shared.
 */
export function EvidenceItem({
  evidence,
  included,
  showChanges,
  onInclude,
}: {
  evidence: ReportEvidence;
  included: boolean;
  /** Badges for what is new or changed, once there is a generated draft to compare with. */
  showChanges: boolean;
  onInclude: (included: boolean) => void;
}) {
  const styles = useStyles();
  const e = evidence;
  const factsId = useId();
  const outcome = e.challenge?.impact ?? e.challenge?.outcome ?? e.escalation?.resolution ?? null;
  return (
    <li className={styles.item}>
      {e.private ? (
        <span className={styles.text}>{e.text}</span>
      ) : (
        <Checkbox
          className={styles.checkbox}
          checked={included}
          onChange={(_, d) => onInclude(d.checked === true)}
          aria-describedby={factsId}
          label={<span className={styles.text}>{e.text}</span>}
        />
      )}
      <p id={factsId} className={styles.facts}>
        {factsOf(e)}
      </p>
      {e.action && (
        <span>
          <RagBadge rag={e.action.rag} />
        </span>
      )}
      {outcome && <p className={styles.facts}>Outcome: {outcome}</p>}
      {e.papers.length > 0 && (
        <ul className={styles.papers} aria-label="Papers behind it">
          {e.papers.map((p) => (
            <li key={`${p.documentId}:${p.page}`}>
              <Link href={paperHash(p.documentId, p.page)}>
                {p.title}, page {p.page}
              </Link>
              {p.quote && <> — “{p.quote}”</>}
            </li>
          ))}
        </ul>
      )}
      {(e.private || (showChanges && e.change !== 'unchanged')) && (
        <div className={styles.badges}>
          {e.private && (
            <Badge appearance="tint" color="informative">
              Private: only you see this
            </Badge>
          )}
          {showChanges && e.change === 'new' && (
            <Badge appearance="tint" color="brand">
              New since last draft
            </Badge>
          )}
          {showChanges && e.change === 'changed' && (
            <Badge appearance="tint" color="brand">
              Changed since last draft
            </Badge>
          )}
        </div>
      )}
      {e.private && <p className={styles.private}>Not in the document. Share the observation to include it.</p>}
    </li>
  );
}
