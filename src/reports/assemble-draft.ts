import type { Dashboard, DashboardArea } from '../contract/dashboard.js';
import type { PaperReference, ReportDocument, ReportDraft, ReportEvidence, ReportKind, ReportSection } from '../contract/reports.js';
import { actionRag, type RagThresholds } from '../domain/action-rag.js';
import type { PaperPage } from '../domain/deep-links.js';
import type { ScrutinyPeriod } from '../domain/scrutiny-period.js';
import { ukCalendarDay } from '../domain/uk-date.js';
import type { ReportEvidenceRows, ReportAnnotationRow, ReportAssessmentRow } from '../storage/repositories/report-evidence-repository.js';
import { areaRag } from './area-rag.js';
import { type DraftSnapshot, evidenceHash, narrativeHash } from './draft-snapshot.js';

export const REPORT_KIND_TITLES: Record<ReportKind, string> = {
  quarterly: 'Quarterly progress report',
  annual: 'Annual statement of assurance',
};

export interface AssembleInput {
  draft: { id: string; kind: ReportKind; version: number; updatedAt: Date };
  period: ScrutinyPeriod;
  today: string;
  ragThresholds: RagThresholds;
  /** The partnership's checklist areas with the dashboard's counts (shared evidence only). */
  areas: DashboardArea[];
  workPlan: Dashboard['workPlan'];
  rows: ReportEvidenceRows;
  narratives: { key: string; narrative: string; version: number; updatedAt: Date }[];
  choices: Map<string, boolean>;
  snapshot: DraftSnapshot | null;
  lastGenerated: ReportDocument | null;
  /** The deep link to a page of a paper. */
  paperLink: (paper: PaperPage, label: string) => string;
}

type Item = Omit<ReportEvidence, 'included' | 'change' | 'changedSinceLastDraft'>;

const VOICE_TYPES = new Set(['voice_of_children_and_families', 'voice_of_practitioners']);

/**
 * The draft as its author sees it: the evidence of the period in sections, with the author's narratives
 * and choices, each item marked against the snapshot of the last generated draft. Pure: the service
 * reads the rows; this only arranges them.
 */
export function assembleDraft(input: AssembleInput): ReportDraft {
  const { rows, period, snapshot } = input;
  const papersOf = paperIndex(rows.annotations, input.paperLink);
  const paperAt = (documentId: string, title: string, page: number, quote: string | null): PaperReference => ({
    documentId,
    title,
    page,
    quote,
    link: input.paperLink({ documentId, page }, `${title}, page ${page}`),
  });

  const observationItems = rows.observations.map((o): Item & { areaIds: string[] } => {
    const papers = [...(papersOf.observation.get(o.id) ?? [])];
    // Made on a paper without marking a passage: the paper's first page is what it rests on.
    if (o.documentId && o.documentTitle && !papers.some((p) => p.documentId === o.documentId)) papers.unshift(paperAt(o.documentId, o.documentTitle, 1, null));
    return {
      id: `observation:${o.id}`,
      kind: 'observation',
      sourceId: o.id,
      text: o.body,
      date: ukCalendarDay(o.observedAt),
      forum: o.forumName,
      judgement: o.judgement,
      evidenceType: o.evidenceType,
      papers,
      private: o.visibility === 'private',
      challenge: null,
      action: null,
      escalation: null,
      areaIds: o.areaIds,
    };
  });
  /** An item of a kind other than an observation: no judgement, evidence type or privacy of its own. */
  const other = (kind: 'challenge' | 'action' | 'escalation', sourceId: string, fields: Pick<Item, 'text' | 'date' | 'forum'> & Partial<Pick<Item, 'papers' | 'challenge' | 'action' | 'escalation'>>): Item => ({
    id: `${kind}:${sourceId}`,
    kind,
    sourceId,
    judgement: null,
    evidenceType: null,
    papers: [],
    private: false,
    challenge: null,
    action: null,
    escalation: null,
    ...fields,
  });
  const challengeItems = rows.challenges.map((c) =>
    other('challenge', c.id, {
      text: c.question,
      date: ukCalendarDay(c.raisedAt),
      forum: c.forumName,
      papers: papersOf.challenge.get(c.id) ?? [],
      challenge: {
        question: c.question,
        status: c.status,
        addressee: c.addressee,
        dueDate: c.dueDate,
        answers: c.answers.map((a) => ({ date: ukCalendarDay(a.at), author: a.author, text: a.text })),
        outcome: c.outcome,
        impact: c.impact,
      },
    }),
  );
  const actionItems = rows.actions.map((a) =>
    other('action', a.id, {
      text: a.title,
      date: a.dueDate ?? ukCalendarDay(a.updatedAt),
      forum: a.forumName,
      action: {
        reference: a.reference,
        source: a.source,
        status: a.status,
        percentComplete: a.percentComplete,
        rag: actionRag(a, input.today, input.ragThresholds),
        dueDate: a.dueDate,
        owner: a.owner,
        agency: a.agency,
      },
    }),
  );
  const escalationItems = rows.escalations.map((e) =>
    other('escalation', e.id, { text: e.title, date: ukCalendarDay(e.raisedAt), forum: null, escalation: { status: e.status, parties: e.parties, resolution: e.resolution } }),
  );

  const mark = (item: Item): ReportEvidence => {
    const { areaIds: _areaIds, ...plain } = item as Item & { areaIds?: string[] };
    const before = snapshot?.evidence[item.id];
    const change = !snapshot || !before ? 'new' : before.h === evidenceHash(plain) ? 'unchanged' : 'changed';
    return { ...plain, included: !item.private && (input.choices.get(item.id) ?? true), change, changedSinceLastDraft: change !== 'unchanged' };
  };
  const marked = new Map<string, ReportEvidence>();
  for (const item of [...observationItems, ...challengeItems, ...actionItems, ...escalationItems]) marked.set(item.id, mark(item));
  const evidenceFor = (items: Item[]) => items.map((i) => marked.get(i.id)!);

  const narratives = new Map(input.narratives.map((n) => [n.key, n]));
  const section = (key: string, kind: ReportSection['kind'], title: string, items: Item[], area: ReportSection['area'] = null): ReportSection => {
    const saved = narratives.get(key);
    const narrative = saved?.narrative ?? '';
    const before = snapshot?.sections[key];
    const ids = new Set(items.map((i) => i.id));
    return {
      key,
      kind,
      title,
      narrative,
      version: saved?.version ?? 0,
      updatedAt: saved ? saved.updatedAt.toISOString() : null,
      narrativeChangedSinceLastDraft: snapshot ? narrativeHash(narrative) !== (before?.n ?? narrativeHash('')) : narrative !== '',
      area,
      evidence: evidenceFor(items),
      removedSinceLastDraft: (before?.e ?? []).filter((id) => !ids.has(id)).map((id) => ({ id, text: snapshot!.evidence[id]?.t ?? 'A private observation' })),
    };
  };

  const latestAssessment = latestByArea(rows.assessments);
  const areaSections = input.areas.map((a) => {
    const items = observationItems.filter((o) => o.areaIds.includes(a.areaId));
    const idsBy = (j: string) => items.filter((o) => o.judgement === j).map((o) => o.id);
    const actions = { red: a.undatedActions.red, amber: a.undatedActions.amber, green: a.undatedActions.green };
    for (const q of a.quarters) for (const rag of ['red', 'amber', 'green'] as const) actions[rag] += q.actions[rag];
    return section(`area.${a.areaId}`, 'area', a.title, items, {
      areaId: a.areaId,
      key: a.key,
      title: a.title,
      rag: areaRag({ assessment: latestAssessment.get(a.areaId) ?? null, observations: a.observations, actions }),
      goneWell: idsBy('gone_well'),
      tooEarly: idsBy('too_early'),
      concerns: idsBy('concern'),
      noEvidence: a.blindSpot,
    });
  });

  const sections: ReportSection[] = [
    section('introduction', 'introduction', 'Introduction', []),
    ...areaSections,
    section('challenges', 'challenges', 'Challenges raised, answers and impact', challengeItems),
    section('recommendations', 'recommendations', 'Recommendations and their progress', actionItems),
    section('voice', 'voice', 'The voice of children, families and practitioners', observationItems.filter((o) => VOICE_TYPES.has(o.evidenceType ?? ''))),
    section('work-plan', 'work_plan', 'Work-plan days', []),
    section('escalations', 'escalations', 'Escalations and disagreements', escalationItems),
    section('conclusion', 'conclusion', input.draft.kind === 'annual' ? 'Statement of assurance' : 'Summary and next steps', []),
  ];

  const all = [...marked.values()];
  return {
    id: input.draft.id,
    kind: input.draft.kind,
    period: { ...period, quarters: period.quarters.map((q) => ({ key: q.key, scrutinyQuarter: q.scrutinyQuarter, label: q.label, start: q.start, end: q.end })) },
    title: `${REPORT_KIND_TITLES[input.draft.kind]}: ${period.label}`,
    version: input.draft.version,
    updatedAt: input.draft.updatedAt.toISOString(),
    asOf: input.today,
    empty: all.length === 0,
    sections,
    workPlan: input.workPlan,
    lastGenerated: input.lastGenerated,
    counts: {
      evidence: all.length,
      included: all.filter((e) => e.included).length,
      private: all.filter((e) => e.private).length,
      changedSinceLastDraft: all.filter((e) => e.changedSinceLastDraft).length,
    },
  };
}

/** Annotations by the observation or challenge they carry, as paper references. */
function paperIndex(annotations: ReportAnnotationRow[], link: AssembleInput['paperLink']) {
  const observation = new Map<string, PaperReference[]>();
  const challenge = new Map<string, PaperReference[]>();
  for (const a of annotations) {
    const ref: PaperReference = {
      documentId: a.documentId,
      title: a.documentTitle,
      page: a.page,
      quote: a.quote,
      link: link({ documentId: a.documentId, page: a.page }, `${a.documentTitle}, page ${a.page}`),
    };
    const [map, key] = a.observationId ? [observation, a.observationId] : [challenge, a.challengeId!];
    const list = map.get(key);
    if (list) list.push(ref);
    else map.set(key, [ref]);
  }
  return { observation, challenge };
}

/** Each area's latest assessment (rows come ordered by the end of the period assessed). */
function latestByArea(rows: ReportAssessmentRow[]): Map<string, ReportAssessmentRow> {
  const out = new Map<string, ReportAssessmentRow>();
  for (const r of rows) out.set(r.areaId, r);
  return out;
}
