import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import { DEFAULT_FRAMEWORK_KEY, shippedFrameworks } from '../checklists/frameworks.js';
import type { Logger } from '../server/logger.js';
import { resolveLocalLocation } from '../documents/sources/local-source.js';
import { ChecklistRepository } from '../storage/repositories/checklist-repository.js';
import type { Database } from '../storage/schema.js';
import { DEMO_ACTIONS, DEMO_ASSESSMENTS, DEMO_CHALLENGES, DEMO_ESCALATIONS, DEMO_OBSERVATIONS, DEMO_WORK_PLAN } from './demo-activity.js';
import {
  DEMO_AGENCIES,
  DEMO_FORUMS,
  DEMO_PARTNERSHIP,
  DEMO_PEOPLE,
  DEMO_TENANT_ID,
  type DemoMeetingPlan,
  demoMeetings,
  documentsAreOut,
  scrutinyYearOf,
} from './demo-partnership.js';
import { demoDocumentsForMeeting } from './documents/demo-document-content.js';
import { renderDemoDocument } from './documents/render-demo-document.js';


export interface SeedOptions {
  libraryDir: string;
  now: Date;
  logger?: Logger;
  /** Brings the library's papers in through the document pipeline (sync, extraction). */
  syncDocuments: (partnershipId: string) => Promise<void>;
}

/** Seeds the demo partnership when the database has no partnership at all. */
export async function seedDemoIfEmpty(db: Kysely<Database>, options: SeedOptions): Promise<boolean> {
  const any = await db.selectFrom('partnerships').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  await seedDemo(db, options);
  return true;
}

export async function hasDemoPartnership(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('partnerships').select('id').where('is_synthetic', '=', true).limit(1).executeTakeFirst();
  return row !== undefined;
}


/**
 * Writes the synthetic library to disk first (files are idempotent), then every row in
 * one transaction, so an interrupted seed leaves no half-made partnership behind.
 */
export async function seedDemo(db: Kysely<Database>, { libraryDir, now, logger, syncDocuments }: SeedOptions): Promise<string> {
  const t0 = performance.now();
  const meetings = demoMeetings(now);
  const files = await writeLibrary(libraryDir, meetings.filter((m) => documentsAreOut(m, now)), now);
  logger?.info('demo library written', { files, ms: Math.round(performance.now() - t0), libraryDir });

  const partnershipId = randomUUID();
  await db.transaction().execute(async (trx) => {
    await writeRows(trx, partnershipId, meetings, now);
    await configureLocalSources(trx, partnershipId, libraryDir);
  });
  // The papers come in as any library's would: through the sync, which extracts their text.
  await syncDocuments(partnershipId);
  await writeAgendas(db, partnershipId);
  logger?.info('demo partnership seeded', { partnershipId, ms: Math.round(performance.now() - t0) });
  return partnershipId;
}

/** Each forum's papers are in the library folder named after it. */
async function configureLocalSources(trx: Transaction<Database>, partnershipId: string, libraryDir: string): Promise<void> {
  const forums = await trx.selectFrom('forums').select(['id', 'name']).where('partnership_id', '=', partnershipId).execute();
  for (const forum of forums) {
    const location = await resolveLocalLocation(libraryDir, forum.name);
    await trx
      .insertInto('document_sources')
      .values({ id: randomUUID(), partnership_id: partnershipId, forum_id: forum.id, kind: 'local', site_id: null, site_url: null, drive_id: location.driveId, drive_name: location.driveName, folder_item_id: location.folderItemId, folder_path: location.folderPath, team_id: null, channel_id: null })
      .execute();
  }
}

/** The agenda of each meeting with papers: standing items around one item per paper. */
async function writeAgendas(db: Kysely<Database>, partnershipId: string): Promise<void> {
  const papers = await db
    .selectFrom('documents')
    .select(['id', 'meeting_id', 'title', 'kind'])
    .where('partnership_id', '=', partnershipId)
    .where('meeting_id', 'is not', null)
    .where('deleted_at', 'is', null)
    .orderBy('title')
    .execute();
  const byMeeting = new Map<string, { id: string; title: string }[]>();
  for (const p of papers) {
    if (!byMeeting.has(p.meeting_id!)) byMeeting.set(p.meeting_id!, []);
    if (p.kind === 'paper') byMeeting.get(p.meeting_id!)!.push(p);
  }
  for (const [meetingId, meetingPapers] of byMeeting) {
    const items = [
      { title: 'Welcome, introductions and apologies', documentId: null as string | null },
      { title: 'Minutes and actions of the last meeting', documentId: null },
      ...meetingPapers.map((p) => ({ title: p.title, documentId: p.id })),
      { title: 'Any other business', documentId: null },
    ];
    await db
      .insertInto('agenda_items')
      .values(items.map((it, i) => ({ id: randomUUID(), partnership_id: partnershipId, meeting_id: meetingId, position: i + 1, title: it.title, presenter: null, document_id: it.documentId })))
      .execute();
  }
}

async function writeLibrary(libraryDir: string, meetings: DemoMeetingPlan[], now: Date): Promise<number> {
  let count = 0;
  for (const meeting of meetings) {
    const docs = demoDocumentsForMeeting({
      forumKey: meeting.forum.key,
      forumName: meeting.forum.name,
      forumKind: meeting.forum.kind,
      date: meeting.date,
      title: meeting.title,
    }).filter((d) => d.kind !== 'minutes' || meeting.endsAt <= now);
    const folder = path.join(meeting.forum.name, meeting.date);
    await mkdir(path.join(libraryDir, folder), { recursive: true });
    for (const doc of docs) {
      const bytes = await renderDemoDocument(doc);
      const relativePath = path.join(folder, doc.fileName);
      await writeFile(path.join(libraryDir, relativePath), bytes);
      count += 1;
    }
  }
  return count;
}

async function writeRows(trx: Transaction<Database>, partnershipId: string, meetings: DemoMeetingPlan[], now: Date): Promise<void> {
  const day = 24 * 3600_000;
  const isoDay = (offsetDays: number) => new Date(now.getTime() + offsetDays * day).toISOString().slice(0, 10);

  await trx
    .insertInto('partnerships')
    .values({ id: partnershipId, name: DEMO_PARTNERSHIP.name, short_name: DEMO_PARTNERSHIP.shortName, is_synthetic: true, scrutiny_days_budget: DEMO_PARTNERSHIP.scrutinyDaysBudget, host_tenant_id: null, checklist_framework_id: null })
    .execute();

  const checklists = new ChecklistRepository(trx);
  let frameworkId = '';
  for (const fw of shippedFrameworks()) {
    const id = await checklists.install(partnershipId, fw, trx);
    if (fw.key === DEFAULT_FRAMEWORK_KEY) frameworkId = id;
  }
  await trx.updateTable('partnerships').set({ checklist_framework_id: frameworkId }).where('id', '=', partnershipId).execute();
  const areaRows = await trx.selectFrom('checklist_areas').select(['id', 'key']).where('framework_id', '=', frameworkId).execute();
  const areaId = new Map(areaRows.map((a) => [a.key, a.id]));

  const agencyId = new Map(DEMO_AGENCIES.map((a) => [a.key, randomUUID()]));
  await trx
    .insertInto('agencies')
    .values(DEMO_AGENCIES.map((a) => ({ id: agencyId.get(a.key)!, partnership_id: partnershipId, name: a.name, kind: a.kind, is_statutory_partner: a.statutory, tenant_id: null })))
    .execute();

  const personId = new Map(DEMO_PEOPLE.map((p) => [p.key, randomUUID()]));
  await trx
    .insertInto('people')
    .values(
      DEMO_PEOPLE.map((p) => ({
        id: personId.get(p.key)!,
        partnership_id: partnershipId,
        display_name: p.displayName,
        job_title: p.jobTitle,
        email: `${p.key}@demo-borough.example`,
        role: p.role,
        agency_id: p.agency ? agencyId.get(p.agency)! : null,
        // Synthetic Entra identities, so the bot and Agents Playground find demo people as Teams users.
        entra_object_id: p.entraObjectId,
        tenant_id: DEMO_TENANT_ID,
      })),
    )
    .execute();

  const forumId = new Map(DEMO_FORUMS.map((f) => [f.key, randomUUID()]));
  await trx
    .insertInto('forums')
    .values(
      DEMO_FORUMS.map((f, i) => ({
        id: forumId.get(f.key)!,
        partnership_id: partnershipId,
        name: f.name,
        kind: f.kind,
        description: f.description,
        position: i + 1,
        chair_person_id: personId.get(f.chair)!,
        teams_team_id: null,
        teams_channel_id: null,
        document_folder: f.name,
      })),
    )
    .execute();

  const meetingId = new Map<DemoMeetingPlan, string>(meetings.map((m) => [m, randomUUID()]));
  await trx
    .insertInto('meetings')
    .values(
      meetings.map((m) => ({
        id: meetingId.get(m)!,
        partnership_id: partnershipId,
        forum_id: forumId.get(m.forum.key)!,
        title: m.title,
        starts_at: m.startsAt,
        ends_at: m.endsAt,
        location: 'Microsoft Teams meeting',
        join_url: null,
        teams_meeting_id: null,
      })),
    )
    .execute();

  // Observations on the forums' past meetings, by the demo scrutineer.
  const scrutineer = personId.get('scrutineer')!;
  const pastByForum = new Map<string, DemoMeetingPlan[]>();
  for (const m of meetings) if (m.endsAt <= now) pastByForum.set(m.forum.key, [m, ...(pastByForum.get(m.forum.key) ?? [])]);
  for (const o of DEMO_OBSERVATIONS) {
    const meeting = pastByForum.get(o.forum)?.[o.meetingsAgo];
    if (!meeting) continue;
    const id = randomUUID();
    const observedAt = new Date(meeting.startsAt.getTime() + 45 * 60_000);
    await trx
      .insertInto('observations')
      .values({ id, partnership_id: partnershipId, author_id: scrutineer, meeting_id: meetingId.get(meeting)!, document_id: null, agenda_item_id: null, body: o.body, judgement: o.judgement, evidence_type: o.evidenceType, visibility: o.shared ? 'shared' : 'private', shared_at: o.shared ? observedAt : null, observed_at: observedAt, created_at: observedAt, updated_at: observedAt, deleted_at: null })
      .execute();
    await trx
      .insertInto('observation_areas')
      .values(o.areas.map((a) => ({ partnership_id: partnershipId, observation_id: id, area_id: areaId.get(a)! })))
      .execute();
  }

  for (const c of DEMO_CHALLENGES) {
    const id = randomUUID();
    const raisedAt = new Date(now.getTime() - c.raisedDaysAgo * day);
    const closed = c.status === 'accepted' || c.status === 'closed';
    await trx
      .insertInto('challenges')
      .values({ id, partnership_id: partnershipId, raised_by_id: scrutineer, observation_id: null, forum_id: forumId.get(c.forum)!, addressee_person_id: personId.get(c.addressee)!, addressee_agency_id: null, question: c.question, due_date: isoDay(c.dueInDays), status: c.status, outcome: c.outcome ?? null, impact: c.impact ?? null, raised_at: raisedAt, closed_at: closed ? new Date(now.getTime() - 5 * day) : null, updated_at: raisedAt })
      .execute();
    if (c.answer) {
      await trx
        .insertInto('challenge_responses')
        .values({ id: randomUUID(), partnership_id: partnershipId, challenge_id: id, author_id: personId.get(c.answer.by)!, kind: 'answer', body: c.answer.body, surface: 'bot', created_at: new Date(now.getTime() - c.answer.daysAgo * day) })
        .execute();
    }
    // An escalated challenge has its entry in the escalations log, as ChallengeService.decide opens one.
    if (c.status === 'escalated') {
      const addresseeAgency = DEMO_PEOPLE.find((x) => x.key === c.addressee)?.agency;
      const escalationId = randomUUID();
      await trx
        .insertInto('escalations')
        .values({ id: escalationId, partnership_id: partnershipId, title: `Challenge: ${c.question.slice(0, 150)}`, issue: c.outcome ?? 'The answer did not give the assurance asked for.', status: 'open', resolution: null, raised_at: new Date(now.getTime() - 20 * day), resolved_at: null, challenge_id: id })
        .execute();
      if (addresseeAgency) await trx.insertInto('escalation_parties').values({ partnership_id: partnershipId, escalation_id: escalationId, agency_id: agencyId.get(addresseeAgency)! }).execute();
    }
  }

  const actionIds = new Map<string, string>();
  for (const a of DEMO_ACTIONS) {
    const id = randomUUID();
    actionIds.set(a.ref, id);
    const owner = DEMO_PEOPLE.find((p) => p.key === a.owner)!;
    const complete = a.status === 'complete';
    await trx
      .insertInto('actions')
      .values({ id, partnership_id: partnershipId, reference: a.ref, title: a.title, source: a.source, source_ref: null, area_id: areaId.get(a.area)!, owner_person_id: personId.get(a.owner)!, agency_id: a.agency ? agencyId.get(a.agency)! : owner.agency ? agencyId.get(owner.agency)! : null, forum_id: forumId.get(a.forum)!, challenge_id: null, due_date: isoDay(a.dueInDays), status: a.status, percent_complete: a.percent, completion_proposed_by_id: a.status === 'proposed_complete' || complete ? personId.get(a.owner)! : null, completion_proposed_at: a.status === 'proposed_complete' || complete ? new Date(now.getTime() - 7 * day) : null, signed_off_by_id: complete ? personId.get(a.owner === 'bm' ? 'scrutineer' : 'bm')! : null, signed_off_at: complete ? new Date(now.getTime() - 4 * day) : null })
      .execute();
    await trx
      .insertInto('action_history')
      .values({ id: randomUUID(), partnership_id: partnershipId, action_id: id, actor_id: personId.get('bm')!, surface: 'system', changes: JSON.stringify({ created: { status: a.status, percentComplete: a.percent } }), comment: 'Imported from the demo tracker (synthetic).', at: new Date(now.getTime() - 120 * day) })
      .execute();
    if (a.evidence) {
      await trx
        .insertInto('action_evidence')
        .values({ id: randomUUID(), partnership_id: partnershipId, action_id: id, url: a.evidence, title: `${decodeURIComponent(a.evidence.split('/').at(-1)!)} (synthetic)`, added_by_id: personId.get(a.owner)! })
        .execute();
    }
    if (a.update) {
      await trx
        .insertInto('action_history')
        .values({ id: randomUUID(), partnership_id: partnershipId, action_id: id, actor_id: personId.get(a.update.by)!, surface: 'tab', changes: JSON.stringify({ note: true }), comment: a.update.comment, at: new Date(now.getTime() - a.update.daysAgo * day) })
        .execute();
    }
  }

  for (const e of DEMO_ESCALATIONS) {
    const id = randomUUID();
    await trx
      .insertInto('escalations')
      .values({ id, partnership_id: partnershipId, title: e.title, issue: e.issue, status: e.status, resolution: e.resolution, raised_at: new Date(now.getTime() - 60 * day), resolved_at: e.status === 'resolved' ? new Date(now.getTime() - 50 * day) : null })
      .execute();
    await trx
      .insertInto('escalation_parties')
      .values(e.parties.map((p) => ({ partnership_id: partnershipId, escalation_id: id, agency_id: agencyId.get(p)! })))
      .execute();
  }

  const year = scrutinyYearOf(now);
  const quarterBegun = (q: number) => `${q === 4 ? year + 1 : year}-${['04', '07', '10', '01'][q - 1]}-01` <= now.toISOString().slice(0, 10);
  for (const w of DEMO_WORK_PLAN) {
    const id = randomUUID();
    await trx
      .insertInto('work_plan_activities')
      .values({ id, partnership_id: partnershipId, scrutiny_year: year, kind: w.kind, title: w.title, forum_id: w.forum ? forumId.get(w.forum)! : null })
      .execute();
    await trx
      .insertInto('work_plan_days')
      // No days are used in a quarter that has not begun.
      .values([1, 2, 3, 4].map((q) => ({ partnership_id: partnershipId, activity_id: id, quarter: q, planned_days: w.planned[q - 1]!, actual_days: quarterBegun(q) ? w.actual[q - 1]! : 0 })))
      .execute();
  }

  // Area assessments for the completed quarters of the scrutiny year.
  const quarterStarts = [`${year}-04-01`, `${year}-07-01`, `${year}-10-01`, `${year + 1}-01-01`];
  const quarterEnds = [`${year}-06-30`, `${year}-09-30`, `${year}-12-31`, `${year + 1}-03-31`];
  const today = now.toISOString().slice(0, 10);
  for (const [key, ratings] of Object.entries(DEMO_ASSESSMENTS)) {
    for (const [q, r] of ratings.entries()) {
      if (quarterEnds[q]! >= today) continue;
      await trx
        .insertInto('area_assessments')
        .values({ id: randomUUID(), partnership_id: partnershipId, area_id: areaId.get(key)!, period_start: quarterStarts[q]!, period_end: quarterEnds[q]!, rag: r.rag, rationale: r.rationale, assessed_by_id: scrutineer })
        .execute();
    }
  }

  // Evidence requests: each subgroup chair answered one four weeks ago. This period's are made by
  // the scheduler once the server runs (EVIDENCE_REQUEST_SCHEDULE).
  for (const f of DEMO_FORUMS.filter((x) => x.kind === 'subgroup')) {
    const id = randomUUID();
    const askedAt = new Date(now.getTime() - 28 * day);
    await trx
      .insertInto('evidence_requests')
      .values({ id, partnership_id: partnershipId, chair_person_id: personId.get(f.chair)!, forum_id: forumId.get(f.key)!, due_at: new Date(askedAt.getTime() + 3 * day), status: 'answered', sent_at: askedAt, answered_at: new Date(askedAt.getTime() + 2 * day), created_at: askedAt, trigger: 'schedule', trigger_key: `demo:${f.key}:${isoDay(-28)}`, next_step_at: null, escalated_at: null })
      .execute();
    const asked = DEMO_ACTIONS.filter((a) => a.owner === f.chair && a.status !== 'complete');
    if (asked.length > 0) {
      await trx
        .insertInto('evidence_request_actions')
        .values(asked.map((a) => ({ partnership_id: partnershipId, request_id: id, action_id: actionIds.get(a.ref)! })))
        .execute();
    }
  }

  await trx
    .insertInto('audit_log')
    .values({ partnership_id: partnershipId, actor_person_id: null, actor_label: 'Line of Sight demo seed', surface: 'system', action: 'partnership.seed_demo', entity_type: 'partnership', entity_id: partnershipId, detail: JSON.stringify({ synthetic: true }) })
    .execute();
}
