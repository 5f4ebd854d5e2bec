import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChallengeService } from '../../src/services/challenge-service.js';
import { ActionsRepository } from '../../src/storage/repositories/actions-repository.js';
import { AuditLogRepository } from '../../src/storage/repositories/audit-log-repository.js';
import { testDatabases } from '../support/databases.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';

describe.each(testDatabases())('challenge responses on $kind', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  let service: ChallengeService;
  let p: PartnershipFixture;
  // Time moves on between calls, as it does between an answer and a follow-up.
  let tick = 0;
  const now = () => new Date(Date.parse('2026-11-22T10:00:00Z') + 1000 * tick++);
  const bot = <T extends { surface: string }>(a: T): T => ({ ...a, surface: 'bot' });
  const raise = () =>
    service.raise(p.actors.scrutineer, { id: randomUUID(), question: 'When will current health data be on the dashboard?', addresseePersonId: p.people.partner_member, dueDate: '2026-12-15' });

  beforeAll(async () => {
    h = await target.create();
    service = new ChallengeService(h.db, new AuditLogRepository(h.db), now);
    p = await makePartnership(h.db);
  });
  afterAll(async () => h?.dispose());

  it('records the addressee\u2019s answer once however often Teams retries it, and marks the challenge answered', async () => {
    const c = await raise();
    const responseId = randomUUID();
    const first = await service.respond(bot(p.actors.partner_member), c.id, '  By March, from the new feed.  ', responseId);
    const again = await service.respond(bot(p.actors.partner_member), c.id, 'By March, from the new feed.', responseId);
    expect(again).toEqual(first);
    expect(first.status).toBe('answered');
    expect(first.responses).toEqual([expect.objectContaining({ id: responseId, kind: 'answer', body: 'By March, from the new feed.', authorName: 'partner_member person' })]);
    const row = await h.db.selectFrom('challenge_responses').select('surface').where('id', '=', responseId).executeTakeFirstOrThrow();
    expect(row.surface).toBe('bot');
    const audit = await new AuditLogRepository(h.db).list(p.partnershipId);
    expect(audit.filter((e) => e.action === 'challenge.respond' && e.entityId === c.id)).toHaveLength(1);
  });

  it('takes a follow-up from the scrutineer who raised it', async () => {
    const c = await raise();
    await service.respond(p.actors.partner_member, c.id, 'Next month.');
    const after = await service.respond(p.actors.scrutineer, c.id, 'Which month exactly?');
    expect(after.status).toBe('follow_up');
    expect(after.responses.map((r) => r.kind)).toEqual(['answer', 'follow_up']);
  });

  it('refuses anyone else, empty text, a reused response id and another partnership\u2019s challenge', async () => {
    const c = await raise();
    await expect(service.respond(p.actors.subgroup_chair, c.id, 'I can answer that.')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(service.respond(p.actors.business_manager, c.id, 'I can answer that.')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(service.respond(p.actors.partner_member, c.id, '   ')).rejects.toMatchObject({ kind: 'validation_failed' });
    const id = randomUUID();
    await service.respond(p.actors.partner_member, c.id, 'An answer.', id);
    const other = await raise();
    await expect(service.respond(p.actors.partner_member, other.id, 'Another answer.', id)).rejects.toMatchObject({ kind: 'conflict' });
    const elsewhere = await makePartnership(h.db);
    await expect(service.respond(elsewhere.actors.partner_member, c.id, 'Hello.')).rejects.toMatchObject({ kind: 'not_found' });
    expect((await service.list(p.actors.scrutineer)).find((x) => x.id === c.id)?.responses).toHaveLength(1);
  });

  it('takes no more responses once the challenge is closed', async () => {
    const c = await raise();
    await h.db.updateTable('challenges').set({ status: 'accepted' }).where('id', '=', c.id).execute();
    await expect(service.respond(p.actors.partner_member, c.id, 'Late answer.')).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('lists a person\u2019s open actions, soonest due first', async () => {
    const add = (reference: string, due: string | null, status: 'not_started' | 'complete' | 'in_progress', owner = p.people.subgroup_chair) =>
      h.db
        .insertInto('actions')
        .values({ id: randomUUID(), partnership_id: p.partnershipId, reference, title: `Action ${reference}`, source: 'scrutiny', source_ref: null, area_id: null, owner_person_id: owner, agency_id: null, forum_id: null, challenge_id: null, due_date: due, status, completion_proposed_by_id: null, completion_proposed_at: null, signed_off_by_id: null, signed_off_at: null, created_at: now(), updated_at: now() })
        .execute();
    await add('A-3', null, 'not_started');
    await add('A-2', '2026-12-01', 'in_progress');
    await add('A-1', '2026-11-01', 'not_started');
    await add('A-4', '2026-10-01', 'complete');
    await add('A-5', '2026-10-01', 'not_started', p.people.partner_member);
    const open = await new ActionsRepository(h.db).openForOwner(p.partnershipId, p.people.subgroup_chair);
    expect(open.map((a) => [a.reference, a.dueDate, a.status])).toEqual([
      ['A-1', '2026-11-01', 'not_started'],
      ['A-2', '2026-12-01', 'in_progress'],
      ['A-3', null, 'not_started'],
    ]);
  });
});
