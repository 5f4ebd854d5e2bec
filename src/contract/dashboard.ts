import { z } from 'zod';
import { RAG, WORK_PLAN_ACTIVITY_KINDS } from '../domain/vocabulary.js';
import { Period, PeriodText } from './scrutiny-period.js';
import { IsoDate, Uuid } from './values.js';

/** Without a period, the current scrutiny year (UK calendar). */
export const DashboardQuery = z.strictObject({ period: PeriodText.optional() });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** Actions by RAG. Withdrawn actions have no RAG and are not counted. */
export const RagCounts = z.object({ red: z.number().int(), amber: z.number().int(), green: z.number().int() });
export type RagCounts = z.infer<typeof RagCounts>;

/**
 * One checklist area in one quarter of the period.
 * `actions`: the actions due in that quarter, by their RAG today (not as it was at the quarter's end:
 * per cent done is not kept per day, so a past RAG could not be told honestly). A past quarter thus
 * shows what is still red from it; a future one, what is due then and how far it has got.
 * `assessment`: the scrutineer's own RAG for the area whose assessed period ends in that quarter.
 */
export const AreaQuarter = z.object({
  quarter: z.string(),
  assessment: z.enum(RAG).nullable(),
  actions: RagCounts,
});

/** Evidence for an area in the period. Only what is shared counts: nobody's private notes. */
export const AreaEvidence = z.object({
  /** Shared observations tagged to the area, observed in the period. */
  sharedObservations: z.number().int(),
  /** Of those, the voice of children and families (evidence type voice_of_children_and_families). */
  voiceOfChildrenAndFamilies: z.number().int(),
  /** Annotations made in the period that carry a shared observation tagged to the area (directly or through a challenge). */
  annotations: z.number().int(),
  /** Area assessments whose period overlaps this one. */
  assessments: z.number().int(),
  /** The area's actions changed in the period. */
  actionsUpdated: z.number().int(),
});

export const DashboardArea = z.object({
  areaId: Uuid,
  key: z.string(),
  title: z.string(),
  quarters: z.array(AreaQuarter),
  /** Open actions without a due date, by RAG today. */
  undatedActions: RagCounts,
  /** Shared observations by judgement (an observation tagged to two areas counts in each). */
  observations: z.object({ gone_well: z.number().int(), too_early: z.number().int(), concern: z.number().int() }),
  evidence: AreaEvidence,
  /** No evidence of any kind in the period. */
  blindSpot: z.boolean(),
  /** No shared observation with the voice of children and families in the period. */
  noVoiceOfChildrenAndFamilies: z.boolean(),
});
export type DashboardArea = z.infer<typeof DashboardArea>;

const AreaRef = z.object({ areaId: Uuid, title: z.string() });

export const ChallengeStatistics = z.object({
  /** Challenges raised in the period; the other figures are about these. */
  raised: z.number().int(),
  /** Waiting for the partner: open, or a follow-up asked. */
  open: z.number().int(),
  /** With at least one answer from the partner. */
  answered: z.number().int(),
  /** Waiting for the partner after the due date (UK calendar day). */
  overdue: z.number().int(),
  escalated: z.number().int(),
  /** Median days from raising to the first answer, to one decimal; null when none is answered. */
  medianDaysToAnswer: z.number().nullable(),
});

export const WorkPlanDaysSummary = z.object({
  /** The scrutiny year of the period: the budget is yearly. */
  scrutinyYear: z.number().int(),
  budgetDays: z.number(),
  plannedDays: z.number(),
  usedDays: z.number(),
  /** Budget less days used; negative when over budget. */
  remainingDays: z.number(),
  /** Planned and used in the period's own quarters (the whole year for a year). */
  period: z.object({ plannedDays: z.number(), usedDays: z.number() }),
  byQuarter: z.array(z.object({ scrutinyQuarter: z.number().int(), quarter: z.string(), plannedDays: z.number(), usedDays: z.number() })),
  byKind: z.array(z.object({ kind: z.enum(WORK_PLAN_ACTIVITY_KINDS), plannedDays: z.number(), usedDays: z.number() })),
});

export const Dashboard = z.object({
  period: Period,
  /** Today (UK calendar day): RAG and overdue are as of it. */
  asOf: IsoDate,
  /** The RAG rule in words, for the legend. */
  ragRule: z.string(),
  /** The areas of the partnership's checklist framework, in order. */
  areas: z.array(DashboardArea),
  /** Actions due in the period (or open and undated) that name no area of the current framework. */
  actionsWithoutArea: RagCounts,
  blindSpots: z.object({
    noEvidence: z.array(AreaRef),
    noVoiceOfChildrenAndFamilies: z.array(AreaRef),
  }),
  challenges: ChallengeStatistics,
  workPlan: WorkPlanDaysSummary,
});
export type Dashboard = z.infer<typeof Dashboard>;
