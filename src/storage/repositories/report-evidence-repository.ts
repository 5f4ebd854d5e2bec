import { type Expression, type Kysely, type SqlBool } from 'kysely';
import type { ActionSource, ActionStatus, ChallengeStatus, EscalationStatus, EvidenceType, Judgement, Rag, Visibility } from '../../domain/vocabulary.js';
import type { Database } from '../schema.js';
import { type DayRange, ukAfter, ukStart } from './dashboard-repository.js';

export interface ReportObservationRow {
  id: string;
  authorId: string;
  body: string;
  judgement: Judgement;
  evidenceType: EvidenceType;
  visibility: Visibility;
  observedAt: Date;
  updatedAt: Date;
  forumName: string | null;
  documentId: string | null;
  documentTitle: string | null;
  areaIds: string[];
}

export interface ReportAnnotationRow {
  observationId: string | null;
  challengeId: string | null;
  documentId: string;
  documentTitle: string;
  page: number;
  quote: string;
}

export interface ReportChallengeRow {
  id: string;
  question: string;
  status: ChallengeStatus;
  dueDate: string | null;
  outcome: string | null;
  impact: string | null;
  raisedAt: Date;
  addressee: string | null;
  forumName: string | null;
  answers: { at: Date; author: string; text: string }[];
}

export interface ReportActionRow {
  id: string;
  reference: string;
  title: string;
  source: ActionSource;
  status: ActionStatus;
  percentComplete: number;
  dueDate: string | null;
  updatedAt: Date;
  areaId: string | null;
  owner: string | null;
  agency: string | null;
  forumName: string | null;
}

export interface ReportEscalationRow {
  id: string;
  title: string;
  status: EscalationStatus;
  resolution: string | null;
  raisedAt: Date;
  parties: string[];
}

export interface ReportAssessmentRow {
  areaId: string;
  periodStart: string;
  periodEnd: string;
  rag: Rag;
  rationale: string;
}

/** Everything a report of a period rests on, as one viewer may see it. */
export interface ReportEvidenceRows {
  observations: ReportObservationRow[];
  annotations: ReportAnnotationRow[];
  challenges: ReportChallengeRow[];
  actions: ReportActionRow[];
  escalations: ReportEscalationRow[];
  assessments: ReportAssessmentRow[];
}

/**
 * Reads the evidence of a period for a report, one query per kind (never one per item): a year of
 * 2,000 observations is a handful of statements. Observations are those shared, and the viewer's own
 * private ones (flagged as such by their visibility): nobody else's private notes are read at all, nor
 * the annotations that carry them.
 */
export class ReportEvidenceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async partnership(partnershipId: string): Promise<{ name: string; shortName: string } | undefined> {
    const row = await this.db.selectFrom('partnerships').select(['name', 'short_name']).where('id', '=', partnershipId).executeTakeFirst();
    return row && { name: row.name, shortName: row.short_name };
  }

  async read(partnershipId: string, viewerId: string, range: DayRange): Promise<ReportEvidenceRows> {
    const [observations, areas, annotations, challenges, answers, actions, escalations, parties, assessments] = await Promise.all([
      this.observations(partnershipId, viewerId, range),
      this.observationAreas(partnershipId, viewerId, range),
      this.annotations(partnershipId, viewerId, range),
      this.challenges(partnershipId, range),
      this.answers(partnershipId, range),
      this.actions(partnershipId, range),
      this.escalations(partnershipId, range),
      this.escalationParties(partnershipId, range),
      this.assessments(partnershipId, range),
    ]);
    const areasOf = groupBy(areas, (a) => a.observation_id);
    const answersOf = groupBy(answers, (a) => a.challenge_id);
    const partiesOf = groupBy(parties, (p) => p.escalation_id);
    return {
      observations: observations.map((o) => ({ ...o, areaIds: (areasOf.get(o.id) ?? []).map((a) => a.area_id) })),
      annotations,
      challenges: challenges.map((c) => ({ ...c, answers: (answersOf.get(c.id) ?? []).map((a) => ({ at: a.created_at, author: a.author, text: a.body })) })),
      actions,
      escalations: escalations.map((e) => ({ ...e, parties: (partiesOf.get(e.id) ?? []).map((p) => p.name) })),
      assessments,
    };
  }

  /** Not deleted, observed in the range, and shared or the viewer's own. */
  private visibleObservations(partnershipId: string, viewerId: string, range: DayRange) {
    return this.db
      .selectFrom('observations as o')
      .where('o.partnership_id', '=', partnershipId)
      .where('o.deleted_at', 'is', null)
      .where((eb) => eb.or([eb('o.visibility', '=', 'shared'), eb('o.author_id', '=', viewerId)]))
      .where('o.observed_at', '>=', ukStart(range.start))
      .where('o.observed_at', '<', ukAfter(range.end));
  }

  private async observations(partnershipId: string, viewerId: string, range: DayRange): Promise<Omit<ReportObservationRow, 'areaIds'>[]> {
    const rows = await this.visibleObservations(partnershipId, viewerId, range)
      .leftJoin('meetings as m', (j) => j.onRef('m.partnership_id', '=', 'o.partnership_id').onRef('m.id', '=', 'o.meeting_id'))
      .leftJoin('documents as d', (j) => j.onRef('d.partnership_id', '=', 'o.partnership_id').onRef('d.id', '=', 'o.document_id').on('d.deleted_at', 'is', null))
      .leftJoin('forums as f', (j) => j.onRef('f.partnership_id', '=', 'o.partnership_id').on((eb) => eb('f.id', '=', eb.fn.coalesce('m.forum_id', 'd.forum_id'))))
      .select(['o.id', 'o.author_id', 'o.body', 'o.judgement', 'o.evidence_type', 'o.visibility', 'o.observed_at', 'o.updated_at', 'f.name as forum_name', 'd.id as document_id', 'd.title as document_title'])
      .orderBy('o.observed_at')
      .orderBy('o.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      authorId: r.author_id,
      body: r.body,
      judgement: r.judgement,
      evidenceType: r.evidence_type,
      visibility: r.visibility,
      observedAt: r.observed_at,
      updatedAt: r.updated_at,
      forumName: r.forum_name,
      documentId: r.document_id,
      documentTitle: r.document_title,
    }));
  }

  private observationAreas(partnershipId: string, viewerId: string, range: DayRange) {
    return this.visibleObservations(partnershipId, viewerId, range)
      .innerJoin('observation_areas as oa', 'oa.observation_id', 'o.id')
      .select(['oa.observation_id', 'oa.area_id'])
      .execute();
  }

  /** Annotations carrying a visible observation of the range, or a challenge raised in it. */
  private async annotations(partnershipId: string, viewerId: string, range: DayRange): Promise<ReportAnnotationRow[]> {
    const rows = await this.db
      .selectFrom('annotations as an')
      .innerJoin('documents as d', (j) => j.onRef('d.partnership_id', '=', 'an.partnership_id').onRef('d.id', '=', 'an.document_id').on('d.deleted_at', 'is', null))
      .select(['an.observation_id', 'an.challenge_id', 'an.document_id', 'd.title', 'an.page_number', 'an.quote'])
      .where('an.partnership_id', '=', partnershipId)
      .where((eb) =>
        eb.or([
          eb('an.observation_id', 'in', this.visibleObservations(partnershipId, viewerId, range).select('o.id')),
          eb('an.challenge_id', 'in', this.challengesRaised(partnershipId, range).select('c.id')),
        ]),
      )
      .orderBy('an.page_number')
      .orderBy('an.start_offset')
      .execute();
    return rows.map((r) => ({ observationId: r.observation_id, challengeId: r.challenge_id, documentId: r.document_id, documentTitle: r.title, page: r.page_number, quote: r.quote }));
  }

  private challengesRaised(partnershipId: string, range: DayRange) {
    return this.db
      .selectFrom('challenges as c')
      .where('c.partnership_id', '=', partnershipId)
      .where('c.raised_at', '>=', ukStart(range.start))
      .where('c.raised_at', '<', ukAfter(range.end));
  }

  private async challenges(partnershipId: string, range: DayRange): Promise<Omit<ReportChallengeRow, 'answers'>[]> {
    const rows = await this.challengesRaised(partnershipId, range)
      .leftJoin('people as ap', (j) => j.onRef('ap.partnership_id', '=', 'c.partnership_id').onRef('ap.id', '=', 'c.addressee_person_id'))
      .leftJoin('agencies as ag', (j) => j.onRef('ag.partnership_id', '=', 'c.partnership_id').onRef('ag.id', '=', 'c.addressee_agency_id'))
      .leftJoin('forums as f', (j) => j.onRef('f.partnership_id', '=', 'c.partnership_id').onRef('f.id', '=', 'c.forum_id'))
      .select(['c.id', 'c.question', 'c.status', 'c.due_date', 'c.outcome', 'c.impact', 'c.raised_at', 'ap.display_name', 'ag.name as agency_name', 'f.name as forum_name'])
      .orderBy('c.raised_at')
      .orderBy('c.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      question: r.question,
      status: r.status,
      dueDate: r.due_date,
      outcome: r.outcome,
      impact: r.impact,
      raisedAt: r.raised_at,
      addressee: [r.display_name, r.agency_name].filter(Boolean).join(', ') || null,
      forumName: r.forum_name,
    }));
  }

  private answers(partnershipId: string, range: DayRange) {
    return this.db
      .selectFrom('challenge_responses as r')
      .innerJoin('people as p', (j) => j.onRef('p.partnership_id', '=', 'r.partnership_id').onRef('p.id', '=', 'r.author_id'))
      .select(['r.challenge_id', 'r.body', 'r.created_at', 'p.display_name as author'])
      .where('r.partnership_id', '=', partnershipId)
      .where('r.kind', '=', 'answer')
      .where('r.challenge_id', 'in', this.challengesRaised(partnershipId, range).select('c.id'))
      .orderBy('r.created_at')
      .execute();
  }

  /** Actions live in the period: made by its end, and not closed (complete or withdrawn) before it began. */
  private liveActions(partnershipId: string, range: DayRange) {
    return this.db
      .selectFrom('actions as a')
      .where('a.partnership_id', '=', partnershipId)
      .where('a.created_at', '<', ukAfter(range.end))
      .where((eb): Expression<SqlBool> =>
        eb.or([eb('a.status', 'not in', ['complete', 'withdrawn']), eb('a.updated_at', '>=', ukStart(range.start))]),
      );
  }

  private async actions(partnershipId: string, range: DayRange): Promise<ReportActionRow[]> {
    const rows = await this.liveActions(partnershipId, range)
      .leftJoin('people as op', (j) => j.onRef('op.partnership_id', '=', 'a.partnership_id').onRef('op.id', '=', 'a.owner_person_id'))
      .leftJoin('agencies as ag', (j) => j.onRef('ag.partnership_id', '=', 'a.partnership_id').onRef('ag.id', '=', 'a.agency_id'))
      .leftJoin('forums as f', (j) => j.onRef('f.partnership_id', '=', 'a.partnership_id').onRef('f.id', '=', 'a.forum_id'))
      .select(['a.id', 'a.reference', 'a.title', 'a.source', 'a.status', 'a.percent_complete', 'a.due_date', 'a.updated_at', 'a.area_id', 'op.display_name', 'ag.name as agency_name', 'f.name as forum_name'])
      .orderBy('a.reference')
      .orderBy('a.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      source: r.source,
      status: r.status,
      percentComplete: r.percent_complete,
      dueDate: r.due_date,
      updatedAt: r.updated_at,
      areaId: r.area_id,
      owner: r.display_name,
      agency: r.agency_name,
      forumName: r.forum_name,
    }));
  }

  /** Escalations open at some time in the period: raised by its end, not resolved before it began. */
  private liveEscalations(partnershipId: string, range: DayRange) {
    return this.db
      .selectFrom('escalations as e')
      .where('e.partnership_id', '=', partnershipId)
      .where('e.raised_at', '<', ukAfter(range.end))
      .where((eb) => eb.or([eb('e.resolved_at', 'is', null), eb('e.resolved_at', '>=', ukStart(range.start))]));
  }

  private async escalations(partnershipId: string, range: DayRange): Promise<Omit<ReportEscalationRow, 'parties'>[]> {
    const rows = await this.liveEscalations(partnershipId, range)
      .select(['e.id', 'e.title', 'e.status', 'e.resolution', 'e.raised_at'])
      .orderBy('e.raised_at')
      .orderBy('e.id')
      .execute();
    return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, resolution: r.resolution, raisedAt: r.raised_at }));
  }

  private escalationParties(partnershipId: string, range: DayRange) {
    return this.db
      .selectFrom('escalation_parties as ep')
      .innerJoin('agencies as ag', (j) => j.onRef('ag.partnership_id', '=', 'ep.partnership_id').onRef('ag.id', '=', 'ep.agency_id'))
      .select(['ep.escalation_id', 'ag.name'])
      .where('ep.partnership_id', '=', partnershipId)
      .where('ep.escalation_id', 'in', this.liveEscalations(partnershipId, range).select('e.id'))
      .orderBy('ag.name')
      .execute();
  }

  /** The scrutineer's assessments of areas whose assessed period overlaps the range, oldest end first. */
  private async assessments(partnershipId: string, range: DayRange): Promise<ReportAssessmentRow[]> {
    const rows = await this.db
      .selectFrom('area_assessments')
      .select(['area_id', 'period_start', 'period_end', 'rag', 'rationale'])
      .where('partnership_id', '=', partnershipId)
      .where('period_start', '<=', range.end)
      .where('period_end', '>=', range.start)
      .orderBy('period_end')
      .orderBy('updated_at')
      .execute();
    return rows.map((r) => ({ areaId: r.area_id, periodStart: r.period_start, periodEnd: r.period_end, rag: r.rag, rationale: r.rationale }));
  }
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
