import { type Kysely, sql } from 'kysely';
import type { ActionStatus, EvidenceType, Judgement, Rag, WorkPlanActivityKind } from '../../domain/vocabulary.js';
import type { Database } from '../schema.js';

/** A period as UK calendar days, both ends included. */
export interface DayRange {
  start: string;
  end: string;
}

export interface DashboardFrame {
  budgetDays: number;
  areas: { id: string; key: string; title: string }[];
}

export interface RagActionRow {
  areaId: string | null;
  dueDate: string | null;
  status: ActionStatus;
  percentComplete: number;
}

export interface ObservationCountRow {
  areaId: string;
  judgement: Judgement;
  evidenceType: EvidenceType;
  count: number;
}

export interface AssessmentRow {
  areaId: string;
  periodStart: string;
  periodEnd: string;
  rag: Rag;
}

export interface OtherEvidenceRow {
  areaId: string;
  source: 'annotation' | 'action';
  count: number;
}

export interface ChallengeFigures {
  raised: number;
  open: number;
  answered: number;
  overdue: number;
  escalated: number;
  medianDaysToAnswer: number | null;
}

export interface WorkPlanDaysRow {
  quarter: number;
  kind: WorkPlanActivityKind;
  plannedDays: number;
  actualDays: number;
}

/** The first instant of a UK calendar day, and of the day after a range, for timestamp columns. */
export const ukStart = (day: string) => sql<Date>`(${day}::date)::timestamp at time zone 'Europe/London'`;
export const ukAfter = (day: string) => sql<Date>`(${day}::date + 1)::timestamp at time zone 'Europe/London'`;

/**
 * The dashboard's figures, one query each (never one per area or per challenge). Observations count
 * only when shared and not deleted: a dashboard is a shared view, so nobody's private notes, not even
 * the caller's own, shape what it shows.
 */
export class DashboardRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The yearly days budget and the areas of the partnership's current checklist framework, in order. */
  async frame(partnershipId: string): Promise<DashboardFrame | undefined> {
    const rows = await this.db
      .selectFrom('partnerships as p')
      .leftJoin('checklist_areas as a', (j) => j.onRef('a.framework_id', '=', 'p.checklist_framework_id').onRef('a.partnership_id', '=', 'p.id'))
      .select(['p.scrutiny_days_budget', 'a.id', 'a.key', 'a.title'])
      .where('p.id', '=', partnershipId)
      .orderBy('a.position')
      .execute();
    if (rows.length === 0) return undefined;
    return {
      budgetDays: rows[0]!.scrutiny_days_budget,
      areas: rows.filter((r) => r.id !== null).map((r) => ({ id: r.id!, key: r.key!, title: r.title! })),
    };
  }

  /** Actions due in the range, and open actions with no due date, for RAG by area and quarter. */
  async actionsForRag(partnershipId: string, range: DayRange): Promise<RagActionRow[]> {
    const rows = await this.db
      .selectFrom('actions')
      .select(['area_id', 'due_date', 'status', 'percent_complete'])
      .where('partnership_id', '=', partnershipId)
      .where((eb) =>
        eb.or([
          eb.and([eb('due_date', '>=', range.start), eb('due_date', '<=', range.end)]),
          eb.and([eb('due_date', 'is', null), eb('status', 'not in', ['complete', 'withdrawn'])]),
        ]),
      )
      .execute();
    return rows.map((r) => ({ areaId: r.area_id, dueDate: r.due_date, status: r.status, percentComplete: r.percent_complete }));
  }

  /** Shared observations observed in the range, by area, judgement and evidence type. */
  async sharedObservationCounts(partnershipId: string, range: DayRange): Promise<ObservationCountRow[]> {
    const rows = await this.db
      .selectFrom('observations as o')
      .innerJoin('observation_areas as oa', 'oa.observation_id', 'o.id')
      .select(['oa.area_id', 'o.judgement', 'o.evidence_type', (eb) => eb.fn.countAll<number>().as('n')])
      .where('o.partnership_id', '=', partnershipId)
      .where('o.visibility', '=', 'shared')
      .where('o.deleted_at', 'is', null)
      .where('o.observed_at', '>=', ukStart(range.start))
      .where('o.observed_at', '<', ukAfter(range.end))
      .groupBy(['oa.area_id', 'o.judgement', 'o.evidence_type'])
      .execute();
    return rows.map((r) => ({ areaId: r.area_id, judgement: r.judgement, evidenceType: r.evidence_type, count: Number(r.n) }));
  }

  /** Area assessments whose assessed period overlaps the range. */
  async assessments(partnershipId: string, range: DayRange): Promise<AssessmentRow[]> {
    const rows = await this.db
      .selectFrom('area_assessments')
      .select(['area_id', 'period_start', 'period_end', 'rag'])
      .where('partnership_id', '=', partnershipId)
      .where('period_start', '<=', range.end)
      .where('period_end', '>=', range.start)
      .orderBy('period_end')
      .execute();
    return rows.map((r) => ({ areaId: r.area_id, periodStart: r.period_start, periodEnd: r.period_end, rag: r.rag }));
  }

  /**
   * Evidence other than observations and assessments, by area: annotations made in the range whose
   * observation (their own, or their challenge's) is shared and tagged to the area, and the area's
   * actions changed in the range.
   */
  async otherEvidenceCounts(partnershipId: string, range: DayRange): Promise<OtherEvidenceRow[]> {
    const result = await sql<{ area_id: string; source: 'annotation' | 'action'; n: number }>`
      SELECT oa.area_id, 'annotation' AS source, count(DISTINCT an.id) AS n
        FROM annotations an
        LEFT JOIN challenges c ON c.id = an.challenge_id
        JOIN observations o ON o.partnership_id = an.partnership_id AND o.id = coalesce(an.observation_id, c.observation_id)
        JOIN observation_areas oa ON oa.observation_id = o.id
       WHERE an.partnership_id = ${partnershipId}
         AND o.visibility = 'shared' AND o.deleted_at IS NULL
         AND an.created_at >= ${ukStart(range.start)} AND an.created_at < ${ukAfter(range.end)}
       GROUP BY oa.area_id
      UNION ALL
      SELECT area_id, 'action' AS source, count(*) AS n
        FROM actions
       WHERE partnership_id = ${partnershipId} AND area_id IS NOT NULL
         AND updated_at >= ${ukStart(range.start)} AND updated_at < ${ukAfter(range.end)}
       GROUP BY area_id`.execute(this.db);
    return result.rows.map((r) => ({ areaId: r.area_id, source: r.source, count: Number(r.n) }));
  }

  /**
   * Challenges raised in the range: how many wait for the partner, are answered, overdue (waiting past
   * the due date, `today` a UK day) or escalated, and the median days from raising to the first answer.
   */
  async challengeFigures(partnershipId: string, range: DayRange, today: string): Promise<ChallengeFigures> {
    const result = await sql<{ raised: number; open: number; answered: number; overdue: number; escalated: number; median_days: number | null }>`
      WITH raised AS (
        SELECT c.status, c.due_date, c.raised_at, fa.first_answer_at
          FROM challenges c
          LEFT JOIN (
            SELECT challenge_id, min(created_at) AS first_answer_at
              FROM challenge_responses
             WHERE partnership_id = ${partnershipId} AND kind = 'answer'
             GROUP BY challenge_id
          ) fa ON fa.challenge_id = c.id
         WHERE c.partnership_id = ${partnershipId}
           AND c.raised_at >= ${ukStart(range.start)} AND c.raised_at < ${ukAfter(range.end)}
      )
      SELECT count(*) AS raised,
             count(*) FILTER (WHERE status IN ('open', 'follow_up')) AS open,
             count(*) FILTER (WHERE first_answer_at IS NOT NULL) AS answered,
             count(*) FILTER (WHERE status IN ('open', 'follow_up') AND due_date < ${today}::date) AS overdue,
             count(*) FILTER (WHERE status = 'escalated') AS escalated,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY (extract(epoch FROM first_answer_at - raised_at) / 86400)::float8) AS median_days
        FROM raised`.execute(this.db);
    const r = result.rows[0]!;
    return {
      raised: Number(r.raised),
      open: Number(r.open),
      answered: Number(r.answered),
      overdue: Number(r.overdue),
      escalated: Number(r.escalated),
      medianDaysToAnswer: r.median_days === null ? null : Number(r.median_days),
    };
  }

  /** Planned and actual days of a scrutiny year's work plan, by quarter and kind of activity. */
  async workPlanDays(partnershipId: string, scrutinyYear: number): Promise<WorkPlanDaysRow[]> {
    const rows = await this.db
      .selectFrom('work_plan_days as d')
      .innerJoin('work_plan_activities as a', (j) => j.onRef('a.id', '=', 'd.activity_id').onRef('a.partnership_id', '=', 'd.partnership_id'))
      .select(['d.quarter', 'a.kind', (eb) => eb.fn.sum<number>('d.planned_days').as('planned'), (eb) => eb.fn.sum<number>('d.actual_days').as('actual')])
      .where('d.partnership_id', '=', partnershipId)
      .where('a.scrutiny_year', '=', scrutinyYear)
      .groupBy(['d.quarter', 'a.kind'])
      .execute();
    return rows.map((r) => ({ quarter: r.quarter, kind: r.kind, plannedDays: Number(r.planned), actualDays: Number(r.actual) }));
  }
}
