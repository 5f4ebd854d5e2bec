import { useEffect, useState, type ReactNode } from 'react';
import { Badge, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReportEvidence, ReportSection, SavedReportSection } from '../../../src/contract/reports.js';
import { SectionHeading } from '../components/section-heading.js';
import { RagBadge } from '../tracker/rag-badge.js';
import { EvidenceItem } from './evidence-item.js';
import { NarrativeField } from './narrative-field.js';
import { JUDGEMENT_GROUPS, RAG_BASIS_TEXT } from './report-labels.js';
import type { SectionFlushers } from './use-narrative-autosave.js';

const useStyles = makeStyles({
  section: { marginBlockEnd: tokens.spacingVerticalXXL },
  rag: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: `0 0 ${tokens.spacingVerticalXS}` },
  note: { ...typographyStyles.body1, margin: `0 0 ${tokens.spacingVerticalS}`, maxWidth: '70ch' },
  quiet: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalXS} 0` },
  list: { listStyleType: 'none', margin: 0, padding: 0, maxWidth: '60rem' },
  group: { marginBlockStart: tokens.spacingVerticalM },
  badge: { marginBlockEnd: tokens.spacingVerticalS },
});

/** Sections made of the scrutineer's words (and figures), never of evidence items. */
const WORDS_ONLY: ReadonlySet<ReportSection['kind']> = new Set(['introduction', 'conclusion', 'work_plan']);

export interface EvidenceChoice {
  included: (e: ReportEvidence) => boolean;
  set: (e: ReportEvidence, included: boolean) => void;
}

/** The id of a section's heading (the contents move focus to it). */
export const sectionHeadingId = (key: string) => `report-section-${key.replace(/\W/g, '-')}`;

/** The groups a section's evidence is shown in: an area's by judgement (and the rest), any other section's as one list. */
function groupsOf(section: ReportSection): { title: string; items: ReportEvidence[] }[] {
  const area = section.area;
  if (!area) return [{ title: 'Evidence', items: section.evidence }];
  const byId = new Map(section.evidence.map((e) => [e.id, e]));
  const grouped = new Set<string>();
  const groups = JUDGEMENT_GROUPS.map((g): { title: string; items: ReportEvidence[] } => ({
    title: g.title,
    items: area[g.key].flatMap((id) => {
      grouped.add(id);
      const e = byId.get(id);
      return e ? [e] : [];
    }),
  }));
  groups.push({ title: 'Challenges, actions and other evidence', items: section.evidence.filter((e) => !grouped.has(e.id)) });
  return groups.filter((g) => g.items.length > 0);
}

/** One section of the report: its RAG (for an area), the narrative, and the evidence to include. */
export function ReportSectionView({
  partnershipId,
  draftId,
  section,
  flushers,
  choice,
  showChanges,
  onlyChanged,
  extra,
}: {
  partnershipId: string;
  draftId: string;
  section: ReportSection;
  flushers: SectionFlushers;
  choice: EvidenceChoice;
  /** There is a generated draft to compare with. */
  showChanges: boolean;
  /** Show only the evidence new or changed since it. */
  onlyChanged: boolean;
  /** Facts shown above the narrative (the work plan's days). */
  extra?: ReactNode;
}) {
  const styles = useStyles();
  const headingId = sectionHeadingId(section.key);
  const [narrativeChanged, setNarrativeChanged] = useState(section.narrativeChangedSinceLastDraft);
  const onSaved = (saved: SavedReportSection) => setNarrativeChanged(saved.narrativeChangedSinceLastDraft);
  // Read again after a document is made: the narrative is then the one in it.
  useEffect(() => setNarrativeChanged(section.narrativeChangedSinceLastDraft), [section.narrativeChangedSinceLastDraft]);
  const groups = groupsOf(section)
    .map((g) => ({ ...g, items: onlyChanged ? g.items.filter((e) => e.changedSinceLastDraft) : g.items }))
    .filter((g) => g.items.length > 0);
  const area = section.area;

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <SectionHeading id={headingId} focusable>
        {section.title}
      </SectionHeading>
      {area && (
        <>
          <p className={styles.rag}>
            <span>RAG for the period:</span> <RagBadge rag={area.rag.rag} /> <span>({RAG_BASIS_TEXT[area.rag.basis]})</span>
          </p>
          {area.rag.rationale && <p className={styles.note}>{area.rag.rationale}</p>}
          {area.noEvidence && <p className={styles.note}>No shared evidence for this area in the period: a blind spot. The document will say so.</p>}
        </>
      )}
      {extra}
      {showChanges && narrativeChanged && (
        <Badge appearance="tint" color="brand" className={styles.badge}>
          Narrative changed since last draft
        </Badge>
      )}
      <NarrativeField partnershipId={partnershipId} draftId={draftId} section={section} flushers={flushers} onSaved={onSaved} />
      {groups.length === 0 ? (
        WORDS_ONLY.has(section.kind) ? null : (
          <p className={styles.quiet}>{onlyChanged ? 'No evidence here has changed since the last draft.' : 'No evidence for this section in the period.'}</p>
        )
      ) : (
        groups.map((g) => (
          <div key={g.title} className={styles.group}>
            <SectionHeading level={3}>{g.title}</SectionHeading>
            <ul className={styles.list} aria-label={`${g.title}: ${section.title}`}>
              {g.items.map((e) => (
                <EvidenceItem key={e.id} evidence={e} included={choice.included(e)} showChanges={showChanges} onInclude={(v) => choice.set(e, v)} />
              ))}
            </ul>
          </div>
        ))
      )}
      {showChanges && section.removedSinceLastDraft.length > 0 && (
        <div className={styles.group}>
          <SectionHeading level={3}>Gone since the last draft</SectionHeading>
          <ul className={styles.list} aria-label={`Gone since the last draft: ${section.title}`}>
            {section.removedSinceLastDraft.map((r) => (
              <li key={r.id} className={styles.quiet}>
                {r.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
