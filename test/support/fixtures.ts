import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DEFAULT_FRAMEWORK_KEY, shippedFrameworks } from '../../src/checklists/frameworks.js';
import { ROLES, type Role } from '../../src/domain/vocabulary.js';
import type { Actor } from '../../src/services/actor.js';
import { ChecklistRepository } from '../../src/storage/repositories/checklist-repository.js';
import type { Database } from '../../src/storage/schema.js';

export interface PartnershipFixture {
  partnershipId: string;
  people: Record<Role, string>;
  actors: Record<Role, Actor>;
  areaIds: string[];
  forumId: string;
  meetingId: string;
}

/** A small partnership with one person in every role, the default checklist, a forum and a meeting. */
export async function makePartnership(db: Kysely<Database>, name = `Test partnership ${randomUUID().slice(0, 8)}`): Promise<PartnershipFixture> {
  const partnershipId = randomUUID();
  await db.insertInto('partnerships').values({ id: partnershipId, name, short_name: name.slice(0, 60), is_synthetic: true, host_tenant_id: null, checklist_framework_id: null }).execute();
  const fw = shippedFrameworks().find((f) => f.key === DEFAULT_FRAMEWORK_KEY)!;
  const frameworkId = await new ChecklistRepository(db).install(partnershipId, fw);
  await db.updateTable('partnerships').set({ checklist_framework_id: frameworkId }).where('id', '=', partnershipId).execute();
  const areaIds = (await db.selectFrom('checklist_areas').select('id').where('framework_id', '=', frameworkId).orderBy('position').execute()).map((a) => a.id);

  const people = {} as Record<Role, string>;
  const actors = {} as Record<Role, Actor>;
  for (const role of ROLES) {
    const id = randomUUID();
    people[role] = id;
    await db.insertInto('people').values({ id, partnership_id: partnershipId, display_name: `${role} person`, email: null, job_title: null, role, agency_id: null, entra_object_id: null, tenant_id: null }).execute();
    actors[role] = { personId: id, partnershipId, role, displayName: `${role} person`, surface: 'tab' };
  }
  const forumId = randomUUID();
  await db.insertInto('forums').values({ id: forumId, partnership_id: partnershipId, name: 'Executive', kind: 'executive', chair_person_id: people.safeguarding_partner, teams_team_id: null, teams_channel_id: null, document_folder: null }).execute();
  const meetingId = randomUUID();
  await db.insertInto('meetings').values({ id: meetingId, partnership_id: partnershipId, forum_id: forumId, title: 'Executive meeting', starts_at: new Date('2026-11-11T10:00:00Z'), ends_at: new Date('2026-11-11T12:00:00Z'), location: null, join_url: null, teams_meeting_id: null }).execute();
  return { partnershipId, people, actors, areaIds, forumId, meetingId };
}
