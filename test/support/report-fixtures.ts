import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EvidenceType, Judgement } from '../../src/domain/vocabulary.js';
import type { Actor } from '../../src/services/actor.js';
import type { Database } from '../../src/storage/schema.js';
import type { PartnershipFixture } from './fixtures.js';
import { addSearchableDocument } from './search-fixtures.js';

/** What a report of Q3 2026 (October–December, Q3 of 2026/27) in the fixture holds, by name. Synthetic text only. */
export interface ReportEvidenceFixture {
  /** A second scrutineer, whose private notes must never reach the first one's draft or any document. */
  otherScrutineer: Actor;
  documentId: string;
  versionId: string;
  sharedObservationId: string;
  annotatedObservationId: string;
  ownPrivateObservationId: string;
  otherPrivateObservationId: string;
  otherSharedObservationId: string;
  voiceObservationId: string;
  challengeId: string;
  actionId: string;
  escalationId: string;
  texts: {
    ownPrivate: string;
    otherPrivate: string;
    shared: string;
    otherShared: string;
  };
}

export async function addObservation(
  db: Kysely<Database>,
  o: { partnershipId: string; authorId: string; areaIds: string[]; judgement: Judgement; evidence: EvidenceType; at: Date; body: string; shared: boolean; meetingId?: string | null; documentId?: string | null },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('observations')
    .values({
      id,
      partnership_id: o.partnershipId,
      author_id: o.authorId,
      meeting_id: o.meetingId ?? null,
      document_id: o.documentId ?? null,
      agenda_item_id: null,
      body: o.body,
      judgement: o.judgement,
      evidence_type: o.evidence,
      visibility: o.shared ? 'shared' : 'private',
      shared_at: o.shared ? o.at : null,
      observed_at: o.at,
      deleted_at: null,
    })
    .execute();
  if (o.areaIds.length > 0) await db.insertInto('observation_areas').values(o.areaIds.map((a) => ({ partnership_id: o.partnershipId, observation_id: id, area_id: a }))).execute();
  return id;
}

/**
 * Evidence in Q3 2026 for the fixture partnership: shared and private observations of two scrutineers,
 * one annotated on page 2 of a paper, a challenge with an answer and its impact, an action, an
 * escalation and work-plan days.
 */
export async function addReportEvidence(db: Kysely<Database>, p: PartnershipFixture): Promise<ReportEvidenceFixture> {
  const pid = p.partnershipId;
  const otherId = randomUUID();
  await db.insertInto('people').values({ id: otherId, partnership_id: pid, display_name: 'Second scrutineer', email: null, job_title: null, role: 'scrutineer', agency_id: null, entra_object_id: null, tenant_id: null }).execute();
  const otherScrutineer: Actor = { personId: otherId, partnershipId: pid, role: 'scrutineer', displayName: 'Second scrutineer', surface: 'tab' };
  const agencyId = randomUUID();
  await db.insertInto('agencies').values({ id: agencyId, partnership_id: pid, name: 'Synthetic Police', kind: 'police' }).execute();

  const doc = await addSearchableDocument(db, {
    partnershipId: pid,
    forumId: p.forumId,
    title: 'Quality assurance report',
    pages: ['Cover page of the synthetic paper.', 'Multi-agency audit found timely strategy discussions in most cases.', 'Appendix.'],
  });
  const at = (day: string) => new Date(`${day}T10:00:00Z`);
  const [A0, A1, A2] = p.areaIds;
  const texts = {
    shared: 'Executive chair held partners to account for the audit actions.',
    ownPrivate: 'PRIVATE-OWN note: ask the chair about the audit sample.',
    otherPrivate: 'PRIVATE-OTHER note that only the second scrutineer may see.',
    otherShared: 'Second scrutineer saw good attendance from schools.',
  };
  const base = { partnershipId: pid, authorId: p.people.scrutineer, shared: true, meetingId: p.meetingId };
  const sharedObservationId = await addObservation(db, { ...base, areaIds: [A0!], judgement: 'gone_well', evidence: 'meeting_observation', at: at('2026-10-05'), body: texts.shared });
  const annotatedObservationId = await addObservation(db, { ...base, areaIds: [A0!, A2!], judgement: 'concern', evidence: 'paper_or_data', at: at('2026-10-12'), body: 'Audit sample too small to give assurance.', documentId: doc.documentId });
  const voiceObservationId = await addObservation(db, { ...base, areaIds: [A2!], judgement: 'too_early', evidence: 'voice_of_children_and_families', at: at('2026-11-02'), body: 'Young people told the board the new app is easier to use.' });
  const ownPrivateObservationId = await addObservation(db, { ...base, shared: false, areaIds: [A1!], judgement: 'concern', evidence: 'meeting_observation', at: at('2026-11-10'), body: texts.ownPrivate });
  const otherPrivateObservationId = await addObservation(db, { ...base, authorId: otherId, shared: false, areaIds: [A1!], judgement: 'concern', evidence: 'meeting_observation', at: at('2026-11-11'), body: texts.otherPrivate });
  const otherSharedObservationId = await addObservation(db, { ...base, authorId: otherId, areaIds: [A1!], judgement: 'gone_well', evidence: 'voice_of_practitioners', at: at('2026-11-12'), body: texts.otherShared });
  for (const observationId of [annotatedObservationId, otherPrivateObservationId]) {
    await db
      .insertInto('annotations')
      .values({ id: randomUUID(), partnership_id: pid, author_id: observationId === annotatedObservationId ? p.people.scrutineer : otherId, document_id: doc.documentId, document_version_id: doc.versionId, page_number: 2, quote: 'timely strategy discussions', original_quote: 'timely strategy discussions', start_offset: 22, end_offset: 49, orphan_reason: null, observation_id: observationId, challenge_id: null, created_at: at('2026-10-12'), updated_at: at('2026-10-12') })
      .execute();
  }

  const challengeId = randomUUID();
  await db
    .insertInto('challenges')
    .values({ id: challengeId, partnership_id: pid, raised_by_id: p.people.scrutineer, observation_id: sharedObservationId, forum_id: p.forumId, addressee_person_id: p.people.safeguarding_partner, addressee_agency_id: agencyId, question: 'How will the police show that strategy discussions are timely?', due_date: '2026-11-30', status: 'accepted', outcome: 'Monthly dip sample agreed.', impact: 'Timeliness rose from 60% to 85%.', raised_at: at('2026-10-20'), closed_at: null })
    .execute();
  await db.insertInto('challenge_responses').values({ id: randomUUID(), partnership_id: pid, challenge_id: challengeId, author_id: p.people.safeguarding_partner, kind: 'answer', body: 'We will dip sample ten cases a month.', surface: 'bot', created_at: at('2026-10-25') }).execute();

  const actionId = randomUUID();
  await db
    .insertInto('actions')
    .values({ id: actionId, partnership_id: pid, reference: 'SC-1', title: 'Publish the multi-agency audit timetable', source: 'scrutiny', source_ref: null, area_id: A0!, owner_person_id: p.people.business_manager, agency_id: agencyId, forum_id: p.forumId, challenge_id: null, due_date: '2026-12-15', status: 'in_progress', percent_complete: 60, completion_proposed_by_id: null, completion_proposed_at: null, signed_off_by_id: null, signed_off_at: null, created_at: at('2026-09-01'), updated_at: at('2026-11-01') })
    .execute();

  const escalationId = randomUUID();
  await db.insertInto('escalations').values({ id: escalationId, partnership_id: pid, title: 'Threshold disagreement', issue: 'Synthetic disagreement about referral thresholds.', status: 'in_resolution', resolution: null, raised_at: at('2026-10-30') }).execute();
  await db.insertInto('escalation_parties').values({ partnership_id: pid, escalation_id: escalationId, agency_id: agencyId }).execute();

  const activityId = randomUUID();
  await db.insertInto('work_plan_activities').values({ id: activityId, partnership_id: pid, scrutiny_year: 2026, kind: 'observe_meeting', title: 'Executive meetings', forum_id: p.forumId }).execute();
  await db.insertInto('work_plan_days').values([1, 2, 3, 4].map((quarter) => ({ partnership_id: pid, activity_id: activityId, quarter, planned_days: 2, actual_days: quarter <= 3 ? 1.5 : 0 }))).execute();

  return {
    otherScrutineer,
    documentId: doc.documentId,
    versionId: doc.versionId,
    sharedObservationId,
    annotatedObservationId,
    ownPrivateObservationId,
    otherPrivateObservationId,
    otherSharedObservationId,
    voiceObservationId,
    challengeId,
    actionId,
    escalationId,
    texts,
  };
}
