import type { Dashboard, DashboardArea, DashboardQuery, RagCounts } from '../contract/dashboard.js';
import { actionRag, DEFAULT_RAG_THRESHOLDS, describeRagRule, type RagThresholds } from '../domain/action-rag.js';
import { parseScrutinyPeriod, quarterOfDay, scrutinyQuarter, scrutinyYearOfDay, scrutinyYearPeriod, type ScrutinyPeriod } from '../domain/scrutiny-period.js';
import { ukCalendarDay } from '../domain/uk-date.js';
import { WORK_PLAN_ACTIVITY_KINDS } from '../domain/vocabulary.js';
import type { AssessmentRow, DashboardRepository, ObservationCountRow, OtherEvidenceRow, RagActionRow, WorkPlanDaysRow } from '../storage/repositories/dashboard-repository.js';
import { type Actor, authorize } from './actor.js';
import { invalid, notFound } from './errors.js';

const emptyRag = (): RagCounts => ({ red: 0, amber: 0, green: 0 });
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The assurance dashboard for a period: checklist areas × RAG by quarter, evidence and blind spots,
 * challenge statistics and work-plan days. Readers of the partnership (report.read) see it; it is
 * built from shared evidence only (see DashboardRepository), so it shows everyone the same.
 */
export class DashboardService {
  constructor(
    private readonly repo: DashboardRepository,
    private readonly now: () => Date = () => new Date(),
    private readonly ragThresholds: RagThresholds = DEFAULT_RAG_THRESHOLDS,
  ) {}

  async dashboard(actor: Actor, query: DashboardQuery): Promise<Dashboard> {
    authorize(actor, 'report.read');
    const today = ukCalendarDay(this.now());
    const period = query.period ? parseScrutinyPeriod(query.period) : scrutinyYearPeriod(scrutinyYearOfDay(today));
    if (!period) throw invalid('query.period', 'must be a scrutiny year like 2026/27 or a quarter like 2026-Q3');
    const range = { start: period.start, end: period.end };
    const id = actor.partnershipId;
    const [frame, actions, observations, assessments, otherEvidence, challenges, days] = await Promise.all([
      this.repo.frame(id),
      this.repo.actionsForRag(id, range),
      this.repo.sharedObservationCounts(id, range),
      this.repo.assessments(id, range),
      this.repo.otherEvidenceCounts(id, range),
      this.repo.challengeFigures(id, range, today),
      this.repo.workPlanDays(id, period.scrutinyYear),
    ]);
    if (!frame) throw notFound('The partnership');

    const areaIds = new Set(frame.areas.map((a) => a.id));
    const areas = frame.areas.map((a) => this.area(a, period, today, actions, observations, assessments, otherEvidence));
    const actionsWithoutArea = emptyRag();
    for (const row of actions) {
      if (row.areaId !== null && areaIds.has(row.areaId)) continue;
      const rag = actionRag(row, today, this.ragThresholds);
      if (rag) actionsWithoutArea[rag] += 1;
    }
    const ref = (a: DashboardArea) => ({ areaId: a.areaId, title: a.title });
    return {
      period,
      asOf: today,
      ragRule: describeRagRule(this.ragThresholds),
      areas,
      actionsWithoutArea,
      blindSpots: {
        noEvidence: areas.filter((a) => a.blindSpot).map(ref),
        noVoiceOfChildrenAndFamilies: areas.filter((a) => a.noVoiceOfChildrenAndFamilies).map(ref),
      },
      challenges: { ...challenges, medianDaysToAnswer: challenges.medianDaysToAnswer === null ? null : round1(challenges.medianDaysToAnswer) },
      workPlan: workPlanSummary(period, frame.budgetDays, days),
    };
  }

  private area(
    a: { id: string; key: string; title: string },
    period: ScrutinyPeriod,
    today: string,
    actions: RagActionRow[],
    observations: ObservationCountRow[],
    assessments: AssessmentRow[],
    otherEvidence: OtherEvidenceRow[],
  ): DashboardArea {
    const quarters = period.quarters.map((q) => ({
      quarter: q.key,
      // The latest assessment whose assessed period ends in this quarter (rows come ordered by period end).
      assessment: assessments.filter((s) => s.areaId === a.id && s.periodEnd >= q.start && s.periodEnd <= q.end).at(-1)?.rag ?? null,
      actions: emptyRag(),
    }));
    const undatedActions = emptyRag();
    for (const row of actions.filter((x) => x.areaId === a.id)) {
      const rag = actionRag(row, today, this.ragThresholds);
      if (!rag) continue;
      if (row.dueDate === null) undatedActions[rag] += 1;
      else {
        const q = quarterOfDay(period, row.dueDate);
        const cell = q && quarters.find((c) => c.quarter === q.key);
        if (cell) cell.actions[rag] += 1;
      }
    }
    const judgements = { gone_well: 0, too_early: 0, concern: 0 };
    let voice = 0;
    for (const o of observations.filter((x) => x.areaId === a.id)) {
      judgements[o.judgement] += o.count;
      // The voice of children and families is heard directly; what practitioners say of them is not it.
      if (o.evidenceType === 'voice_of_children_and_families') voice += o.count;
    }
    const other = (source: OtherEvidenceRow['source']) => otherEvidence.find((x) => x.areaId === a.id && x.source === source)?.count ?? 0;
    const evidence = {
      sharedObservations: judgements.gone_well + judgements.too_early + judgements.concern,
      voiceOfChildrenAndFamilies: voice,
      annotations: other('annotation'),
      assessments: assessments.filter((s) => s.areaId === a.id).length,
      actionsUpdated: other('action'),
    };
    return {
      areaId: a.id,
      key: a.key,
      title: a.title,
      quarters,
      undatedActions,
      observations: judgements,
      evidence,
      blindSpot: evidence.sharedObservations + evidence.annotations + evidence.assessments + evidence.actionsUpdated === 0,
      noVoiceOfChildrenAndFamilies: voice === 0,
    };
  }
}

/** Days against the yearly budget: the whole scrutiny year, and the period's own quarters. */
function workPlanSummary(period: ScrutinyPeriod, budgetDays: number, rows: WorkPlanDaysRow[]): Dashboard['workPlan'] {
  const sum = (xs: WorkPlanDaysRow[], f: 'plannedDays' | 'actualDays') => round1(xs.reduce((t, x) => t + x[f], 0));
  const inPeriod = rows.filter((r) => period.quarters.some((q) => q.scrutinyQuarter === r.quarter));
  const usedDays = sum(rows, 'actualDays');
  return {
    scrutinyYear: period.scrutinyYear,
    budgetDays,
    plannedDays: sum(rows, 'plannedDays'),
    usedDays,
    remainingDays: round1(budgetDays - usedDays),
    period: { plannedDays: sum(inPeriod, 'plannedDays'), usedDays: sum(inPeriod, 'actualDays') },
    byQuarter: [1, 2, 3, 4].map((q) => {
      const xs = rows.filter((r) => r.quarter === q);
      return { scrutinyQuarter: q, quarter: scrutinyQuarter(period.scrutinyYear, q).key, plannedDays: sum(xs, 'plannedDays'), usedDays: sum(xs, 'actualDays') };
    }),
    byKind: WORK_PLAN_ACTIVITY_KINDS.map((kind) => {
      const xs = rows.filter((r) => r.kind === kind);
      return { kind, plannedDays: sum(xs, 'plannedDays'), usedDays: sum(xs, 'actualDays') };
    }),
  };
}
