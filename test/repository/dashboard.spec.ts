import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src/contract/dashboard.js';
import type { ActionStatus, ChallengeStatus, EvidenceType, Judgement } from '../../src/domain/vocabulary.js';
import { DashboardService } from '../../src/services/dashboard-service.js';
import { DashboardRepository } from '../../src/storage/repositories/dashboard-repository.js';
import { testDatabases } from '../support/databases.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { addSearchableDocument } from '../support/search-fixtures.js';

/**
 * A small hand-made partnership whose figures are known: six areas (A0–A5 of the default checklist),
 * the scrutiny year 2026/27, today 22 November 2026.
 */
describe.each(testDatabases())('dashboard on $kind', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  let p: PartnershipFixture;
  let service: DashboardService;
  let year: Dashboard;
  const now = () => new Date('2026-11-22T10:00:00Z');
  const area = (d: Dashboard, i: number) => d.areas.find((a) => a.areaId === p.areaIds[i])!;

  beforeAll(async () => {
    h = await target.create();
    p = await makePartnership(h.db);
    await makePartnership(h.db); // another partnership, empty: nothing of it may show
    service = new DashboardService(new DashboardRepository(h.db), now);
    const db = h.db;
    const A = p.areaIds;
    await db.updateTable('partnerships').set({ scrutiny_days_budget: 30 }).where('id', '=', p.partnershipId).execute();

    const observation = async (o: { areas: number[]; judgement: Judgement; evidence: EvidenceType; at: string; shared?: boolean; deleted?: boolean }) => {
      const id = randomUUID();
      await db
        .insertInto('observations')
        .values({ id, partnership_id: p.partnershipId, author_id: p.people.scrutineer, meeting_id: null, document_id: null, agenda_item_id: null, body: 'Synthetic observation', judgement: o.judgement, evidence_type: o.evidence, visibility: o.shared === false ? 'private' : 'shared', shared_at: o.shared === false ? null : new Date(o.at), observed_at: new Date(o.at), deleted_at: o.deleted ? new Date(o.at) : null })
        .execute();
      await db.insertInto('observation_areas').values(o.areas.map((i) => ({ partnership_id: p.partnershipId, observation_id: id, area_id: A[i]! }))).execute();
      return id;
    };
    await observation({ areas: [0], judgement: 'gone_well', evidence: 'meeting_observation', at: '2026-05-10T10:00:00Z' });
    await observation({ areas: [0, 2], judgement: 'concern', evidence: 'voice_of_children_and_families', at: '2026-10-01T10:00:00Z' });
    await observation({ areas: [0], judgement: 'concern', evidence: 'voice_of_children_and_families', at: '2026-10-02T10:00:00Z', shared: false });
    await observation({ areas: [1], judgement: 'gone_well', evidence: 'voice_of_children_and_families', at: '2026-06-01T10:00:00Z', deleted: true });
    // 00:30 on 1 April 2026 in London (BST): inside 2026/27 though still 31 March in UTC.
    await observation({ areas: [1], judgement: 'too_early', evidence: 'paper_or_data', at: '2026-03-31T23:30:00Z' });
    await observation({ areas: [3], judgement: 'gone_well', evidence: 'audit', at: '2025-12-01T10:00:00Z' });
    await observation({ areas: [3], judgement: 'gone_well', evidence: 'voice_of_children_and_families', at: '2026-09-01T10:00:00Z', shared: false });
    const oldShared = await observation({ areas: [4], judgement: 'too_early', evidence: 'paper_or_data', at: '2025-06-01T10:00:00Z' });
    const oldPrivate = await observation({ areas: [5], judgement: 'concern', evidence: 'paper_or_data', at: '2025-06-01T10:00:00Z', shared: false });

    // Annotations made this year: one carries a shared observation (evidence for A4), one a private one (nothing for A5).
    const doc = await addSearchableDocument(db, { partnershipId: p.partnershipId, title: 'Annual report', pages: ['The partnership met six times.'] });
    for (const observationId of [oldShared, oldPrivate]) {
      await db
        .insertInto('annotations')
        .values({ id: randomUUID(), partnership_id: p.partnershipId, author_id: p.people.scrutineer, document_id: doc.documentId, document_version_id: doc.versionId, page_number: 1, quote: 'met six times', original_quote: 'met six times', start_offset: 16, end_offset: 29, orphan_reason: null, observation_id: observationId, challenge_id: null, created_at: new Date('2026-07-15T10:00:00Z'), updated_at: new Date('2026-07-15T10:00:00Z') })
        .execute();
    }

    // The scrutineer's own RAG for A2 in Q1 and Q2; A5's is last year's.
    const assessment = async (i: number, start: string, end: string, rag: 'red' | 'amber' | 'green') =>
      db.insertInto('area_assessments').values({ id: randomUUID(), partnership_id: p.partnershipId, area_id: A[i]!, period_start: start, period_end: end, rag, assessed_by_id: p.people.scrutineer }).execute();
    await assessment(2, '2026-04-01', '2026-06-30', 'amber');
    await assessment(2, '2026-07-01', '2026-09-30', 'green');
    await assessment(5, '2025-04-01', '2026-03-31', 'red');

    let ref = 0;
    const action = async (a: { area: number | null; due: string | null; status: ActionStatus; percent: number; updated?: string }) =>
      db
        .insertInto('actions')
        .values({ id: randomUUID(), partnership_id: p.partnershipId, reference: `T-${++ref}`, title: 'Synthetic action', source: 'scrutiny', source_ref: null, area_id: a.area === null ? null : A[a.area]!, owner_person_id: null, agency_id: null, forum_id: null, challenge_id: null, due_date: a.due, status: a.status, percent_complete: a.percent, completion_proposed_by_id: null, completion_proposed_at: null, signed_off_by_id: null, signed_off_at: null, created_at: new Date('2026-01-15T10:00:00Z'), updated_at: new Date(a.updated ?? '2026-01-15T10:00:00Z') })
        .execute();
    await action({ area: 0, due: '2026-05-15', status: 'in_progress', percent: 30 }); // overdue, under 50%: red, Q1
    await action({ area: 0, due: '2026-12-10', status: 'in_progress', percent: 60 }); // amber, Q3
    await action({ area: 0, due: '2026-11-30', status: 'complete', percent: 100 }); // green, Q3
    await action({ area: 0, due: '2027-02-01', status: 'in_progress', percent: 80 }); // green, Q4
    await action({ area: 0, due: '2026-08-01', status: 'withdrawn', percent: 10 }); // no RAG
    await action({ area: 0, due: '2025-12-01', status: 'in_progress', percent: 10 }); // last year: not in the grid
    await action({ area: 1, due: null, status: 'not_started', percent: 0 }); // undated, red
    await action({ area: 1, due: null, status: 'complete', percent: 100 }); // undated and done: left out
    await action({ area: null, due: '2026-09-01', status: 'in_progress', percent: 10 }); // no area, red
    await action({ area: 3, due: '2027-03-01', status: 'in_progress', percent: 50, updated: '2026-09-01T10:00:00Z' }); // amber, Q4; evidence for A3

    const challenge = async (c: { raised: string; status: ChallengeStatus; due: string; answerAfterDays?: number; followUp?: boolean }) => {
      const id = randomUUID();
      const raisedAt = new Date(c.raised);
      await db
        .insertInto('challenges')
        .values({ id, partnership_id: p.partnershipId, raised_by_id: p.people.scrutineer, observation_id: null, forum_id: null, addressee_person_id: p.people.partner_member, addressee_agency_id: null, question: 'A synthetic question?', due_date: c.due, status: c.status, outcome: null, impact: null, raised_at: raisedAt, closed_at: null, updated_at: raisedAt })
        .execute();
      const respond = (kind: 'answer' | 'follow_up', afterDays: number) =>
        db
          .insertInto('challenge_responses')
          .values({ id: randomUUID(), partnership_id: p.partnershipId, challenge_id: id, author_id: kind === 'answer' ? p.people.partner_member : p.people.scrutineer, kind, body: 'Synthetic response', surface: 'tab', created_at: new Date(raisedAt.getTime() + afterDays * 86400_000) })
          .execute();
      if (c.followUp) await respond('follow_up', 0.5);
      if (c.answerAfterDays !== undefined) {
        await respond('answer', c.answerAfterDays);
        await respond('answer', c.answerAfterDays + 3); // a later answer: only the first counts
      }
    };
    await challenge({ raised: '2026-05-01T09:00:00Z', status: 'accepted', due: '2026-05-20', answerAfterDays: 2 });
    await challenge({ raised: '2026-06-01T09:00:00Z', status: 'answered', due: '2026-06-20', answerAfterDays: 10 });
    await challenge({ raised: '2026-07-01T09:00:00Z', status: 'answered', due: '2026-07-20', answerAfterDays: 4.5, followUp: true });
    await challenge({ raised: '2026-10-01T09:00:00Z', status: 'open', due: '2026-11-01' });
    await challenge({ raised: '2026-11-01T09:00:00Z', status: 'open', due: '2026-12-01' });
    await challenge({ raised: '2026-08-01T09:00:00Z', status: 'escalated', due: '2026-08-20', answerAfterDays: 6 });
    await challenge({ raised: '2026-09-01T09:00:00Z', status: 'follow_up', due: '2026-09-15', answerAfterDays: 1 });
    await challenge({ raised: '2026-03-01T09:00:00Z', status: 'open', due: '2026-03-20' }); // last year

    const activity = async (scrutinyYear: number, kind: 'observe_meeting' | 'deep_dive', days: [number, number][]) => {
      const id = randomUUID();
      await db.insertInto('work_plan_activities').values({ id, partnership_id: p.partnershipId, scrutiny_year: scrutinyYear, kind, title: `Synthetic ${kind}`, forum_id: null }).execute();
      await db
        .insertInto('work_plan_days')
        .values(days.map(([planned, actual], i) => ({ partnership_id: p.partnershipId, activity_id: id, quarter: i + 1, planned_days: planned, actual_days: actual })))
        .execute();
    };
    await activity(2026, 'observe_meeting', [[2, 2], [2, 1.5], [2, 0], [2, 0]]);
    await activity(2026, 'deep_dive', [[0, 0], [3, 3.5]]);
    await activity(2025, 'deep_dive', [[5, 5]]);

    year = await service.dashboard(p.actors.read_only, {});
  });
  afterAll(async () => h?.dispose());

  it('defaults to the current scrutiny year, April to March, in four quarters', () => {
    expect(year.period).toMatchObject({ key: '2026/27', kind: 'year', scrutinyYear: 2026, start: '2026-04-01', end: '2027-03-31' });
    expect(year.period.quarters.map((q) => [q.key, q.scrutinyQuarter, q.start, q.end])).toEqual([
      ['2026-Q2', 1, '2026-04-01', '2026-06-30'],
      ['2026-Q3', 2, '2026-07-01', '2026-09-30'],
      ['2026-Q4', 3, '2026-10-01', '2026-12-31'],
      ['2027-Q1', 4, '2027-01-01', '2027-03-31'],
    ]);
    expect(year.asOf).toBe('2026-11-22');
    expect(year.areas).toHaveLength(6);
  });

  it('counts actions by RAG today in the quarter they are due, undated ones apart, withdrawn ones not at all', () => {
    const rag = (red: number, amber: number, green: number) => ({ red, amber, green });
    expect(area(year, 0).quarters.map((q) => q.actions)).toEqual([rag(1, 0, 0), rag(0, 0, 0), rag(0, 1, 1), rag(0, 0, 1)]);
    expect(area(year, 1).undatedActions).toEqual(rag(1, 0, 0));
    expect(area(year, 3).quarters[3]!.actions).toEqual(rag(0, 1, 0));
    expect(year.actionsWithoutArea).toEqual(rag(1, 0, 0));
    expect(area(year, 2).quarters.map((q) => q.assessment)).toEqual(['amber', 'green', null, null]);
  });

  it('counts shared observations by judgement, never private or deleted ones, on UK calendar days', () => {
    expect(area(year, 0).observations).toEqual({ gone_well: 1, too_early: 0, concern: 1 });
    expect(area(year, 1).observations).toEqual({ gone_well: 0, too_early: 1, concern: 0 });
    expect(area(year, 2).observations).toEqual({ gone_well: 0, too_early: 0, concern: 1 });
    expect(area(year, 3).observations).toEqual({ gone_well: 0, too_early: 0, concern: 0 });
    expect(area(year, 0).evidence.voiceOfChildrenAndFamilies).toBe(1);
  });

  it('shows its author no more than anyone else: private notes never reach a shared view', async () => {
    const asAuthor = await service.dashboard(p.actors.scrutineer, {});
    expect(asAuthor.areas).toEqual(year.areas);
  });

  it('finds the blind spots: areas with no evidence, and areas without the voice of children and families', () => {
    expect(year.areas.map((a) => a.evidence)).toEqual([
      { sharedObservations: 2, voiceOfChildrenAndFamilies: 1, annotations: 0, assessments: 0, actionsUpdated: 0 },
      { sharedObservations: 1, voiceOfChildrenAndFamilies: 0, annotations: 0, assessments: 0, actionsUpdated: 0 },
      { sharedObservations: 1, voiceOfChildrenAndFamilies: 1, annotations: 0, assessments: 2, actionsUpdated: 0 },
      { sharedObservations: 0, voiceOfChildrenAndFamilies: 0, annotations: 0, assessments: 0, actionsUpdated: 1 },
      { sharedObservations: 0, voiceOfChildrenAndFamilies: 0, annotations: 1, assessments: 0, actionsUpdated: 0 },
      { sharedObservations: 0, voiceOfChildrenAndFamilies: 0, annotations: 0, assessments: 0, actionsUpdated: 0 },
    ]);
    expect(year.blindSpots.noEvidence.map((a) => a.areaId)).toEqual([p.areaIds[5]]);
    expect(year.blindSpots.noVoiceOfChildrenAndFamilies.map((a) => a.areaId)).toEqual([1, 3, 4, 5].map((i) => p.areaIds[i]));
  });

  it('gives challenge statistics with the median days from raising to the first answer', () => {
    expect(year.challenges).toEqual({ raised: 7, open: 3, answered: 5, overdue: 2, escalated: 1, medianDaysToAnswer: 4.5 });
  });

  it('sets days planned and used against the yearly budget', () => {
    expect(year.workPlan).toMatchObject({ scrutinyYear: 2026, budgetDays: 30, plannedDays: 11, usedDays: 7, remainingDays: 23, period: { plannedDays: 11, usedDays: 7 } });
    expect(year.workPlan.byQuarter.map((q) => [q.quarter, q.plannedDays, q.usedDays])).toEqual([
      ['2026-Q2', 2, 2],
      ['2026-Q3', 5, 5],
      ['2026-Q4', 2, 0],
      ['2027-Q1', 2, 0],
    ]);
    expect(year.workPlan.byKind.find((k) => k.kind === 'deep_dive')).toEqual({ kind: 'deep_dive', plannedDays: 3, usedDays: 3.5 });
  });

  it('narrows every figure to a quarter, keeping the year\'s budget', async () => {
    const q = await service.dashboard(p.actors.read_only, { period: '2026-Q2' });
    expect(q.period).toMatchObject({ key: '2026-Q2', kind: 'quarter', scrutinyYear: 2026, start: '2026-04-01', end: '2026-06-30' });
    expect(area(q, 0).quarters).toEqual([{ quarter: '2026-Q2', assessment: null, actions: { red: 1, amber: 0, green: 0 } }]);
    expect(area(q, 0).observations).toEqual({ gone_well: 1, too_early: 0, concern: 0 });
    expect(q.blindSpots.noEvidence.map((a) => a.areaId)).toEqual([3, 4, 5].map((i) => p.areaIds[i]));
    expect(q.challenges).toEqual({ raised: 2, open: 0, answered: 2, overdue: 0, escalated: 0, medianDaysToAnswer: 6 });
    expect(q.workPlan).toMatchObject({ budgetDays: 30, plannedDays: 11, usedDays: 7, period: { plannedDays: 2, usedDays: 2 } });
  });

  it('reads last year when asked, and refuses a period it cannot read', async () => {
    const last = await service.dashboard(p.actors.read_only, { period: '2025/26' });
    expect(last.challenges.raised).toBe(1);
    expect(area(last, 5).evidence.assessments).toBe(1);
    expect(last.workPlan).toMatchObject({ plannedDays: 5, usedDays: 5, remainingDays: 25 });
    await expect(service.dashboard(p.actors.read_only, { period: '2026/28' })).rejects.toMatchObject({ kind: 'validation_failed' });
  });

  it('is for the partnership\'s readers only', async () => {
    await expect(service.dashboard(p.actors.partner_member, {})).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(service.dashboard(p.actors.subgroup_chair, {})).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
