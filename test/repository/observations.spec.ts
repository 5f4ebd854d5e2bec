import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewObservation } from '../../src/contract/resources.js';
import { ObservationService } from '../../src/services/observation-service.js';
import { addSearchableDocument } from '../support/search-fixtures.js';
import { ServiceError } from '../../src/services/errors.js';
import { createRepositories } from '../../src/storage/repositories/index.js';
import { testDatabases } from '../support/databases.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';

describe.each(testDatabases())('observations on $kind', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  let service: ObservationService;
  let p: PartnershipFixture;
  let other: PartnershipFixture;
  const note = (overrides: Partial<NewObservation> = {}): NewObservation => ({
    id: randomUUID(),
    body: 'Police challenged health on the timeliness of data.',
    judgement: 'gone_well',
    evidenceType: 'meeting_observation',
    areaIds: [p.areaIds[0]!],
    meetingId: p.meetingId,
    ...overrides,
  });

  beforeAll(async () => {
    h = await target.create();
    service = new ObservationService(createRepositories(h.db), () => new Date('2026-11-11T10:30:00Z'));
    p = await makePartnership(h.db);
    other = await makePartnership(h.db);
  });
  afterAll(async () => h?.dispose());

  it('stores an observation with its areas, private to its author', async () => {
    const input = note({ areaIds: [p.areaIds[1]!, p.areaIds[0]!] });
    const { observation, created } = await service.create(p.actors.scrutineer, input);
    expect(created).toBe(true);
    expect(observation).toMatchObject({ id: input.id, visibility: 'private', authorId: p.people.scrutineer, meetingId: p.meetingId });
    expect(observation.areaIds).toEqual([...input.areaIds].sort());
  });

  it('saves a retried observation once: the same id returns the stored record', async () => {
    const input = note();
    await service.create(p.actors.scrutineer, input);
    const again = await service.create(p.actors.scrutineer, input);
    expect(again.created).toBe(false);
    const mine = await service.list(p.actors.scrutineer, { meetingId: p.meetingId });
    expect(mine.filter((o) => o.id === input.id)).toHaveLength(1);
  });

  it('never shows a private observation to anyone but its author', async () => {
    const input = note({ body: 'Private: the chair seemed unprepared.' });
    await service.create(p.actors.scrutineer, input);
    for (const role of ['business_manager', 'safeguarding_partner', 'read_only', 'subgroup_chair', 'partner_member'] as const) {
      const seen = await service.list(p.actors[role], {});
      expect(seen.map((o) => o.id), role).not.toContain(input.id);
      await expect(service.get(p.actors[role], input.id), role).rejects.toMatchObject({ kind: 'not_found' });
    }
    expect((await service.get(p.actors.scrutineer, input.id)).body).toBe('Private: the chair seemed unprepared.');
  });

  it('shows shared observations to those allowed to read them', async () => {
    const input = note({ body: 'Shared with the partnership.' });
    await service.create(p.actors.scrutineer, input);
    await h.db.updateTable('observations').set({ visibility: 'shared', shared_at: new Date() }).where('id', '=', input.id).execute();
    expect((await service.list(p.actors.business_manager, {})).map((o) => o.id)).toContain(input.id);
    expect((await service.list(p.actors.partner_member, {})).map((o) => o.id)).not.toContain(input.id);
  });

  it('refuses observations from roles that may not capture them', async () => {
    await expect(service.create(p.actors.business_manager, note())).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(service.create(p.actors.partner_member, note())).rejects.toBeInstanceOf(ServiceError);
  });

  it('refuses areas and meetings of another partnership', async () => {
    await expect(service.create(p.actors.scrutineer, note({ areaIds: [other.areaIds[0]!] }))).rejects.toMatchObject({ kind: 'validation_failed' });
    await expect(service.create(p.actors.scrutineer, note({ meetingId: other.meetingId }))).rejects.toMatchObject({ kind: 'validation_failed' });
  });

  it('leaves nothing behind when a save is refused, and audits a retried save once', async () => {
    const refused = note({ areaIds: [p.areaIds[0]!, other.areaIds[0]!] });
    await expect(service.create(p.actors.scrutineer, refused)).rejects.toMatchObject({ kind: 'validation_failed', details: [{ path: 'areaIds' }] });
    const byId = (table: 'observations' | 'observation_areas' | 'audit_log', column: 'id' | 'observation_id' | 'entity_id') =>
      h.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).where(sql.ref(column), '=', refused.id).executeTakeFirstOrThrow();
    expect([await byId('observations', 'id'), await byId('observation_areas', 'observation_id'), await byId('audit_log', 'entity_id')]).toEqual([{ n: 0 }, { n: 0 }, { n: 0 }]);

    const retried = note({ areaIds: [p.areaIds[0]!, p.areaIds[1]!, p.areaIds[0]!] });
    await service.create(p.actors.scrutineer, retried);
    await service.create(p.actors.scrutineer, retried);
    const areas = await h.db.selectFrom('observation_areas').select('area_id').where('observation_id', '=', retried.id).execute();
    expect(areas.map((a) => a.area_id).sort()).toEqual([p.areaIds[0]!, p.areaIds[1]!].sort());
    const audits = await h.db.selectFrom('audit_log').select('action').where('entity_id', '=', retried.id).execute();
    expect(audits).toEqual([{ action: 'observation.create' }]);
  });

  it('answers each of many concurrent saves as if it were alone when saves share statements (group commit)', async () => {
    const grouped = new ObservationService(createRepositories(h.db, { coalesceWrites: true }), () => new Date('2026-11-11T10:30:00Z'));
    const good = Array.from({ length: 20 }, (_, i) => note({ body: `Grouped note ${i}` }));
    const foreignArea = note({ areaIds: [other.areaIds[0]!] });
    const foreignMeeting = note({ meetingId: other.meetingId });
    const retried = good[3]!;
    const results = await Promise.allSettled([...good, foreignArea, retried, foreignMeeting, retried].map((n) => grouped.create(p.actors.scrutineer, n)));
    const outcome = results.map((r) => (r.status === 'fulfilled' ? (r.value.created ? 'created' : 'again') : (r.reason as ServiceError).details?.[0]?.path));
    expect(outcome).toEqual([...good.map(() => 'created'), 'areaIds', 'again', 'meetingId', 'again']);
    const stored = await h.db.selectFrom('observations').select('body').where('id', 'in', [...good, foreignArea, foreignMeeting].map((n) => n.id)).execute();
    expect(stored.map((o) => o.body).sort()).toEqual(good.map((n) => n.body).sort());
    const audits = await h.db.selectFrom('audit_log').select('entity_id').where('entity_id', 'in', [...good, foreignArea, foreignMeeting].map((n) => n.id)).execute();
    expect(audits).toHaveLength(20);
  });

  it('refuses a paper or agenda item of another partnership with a 400 naming the field, on create and on edit', async () => {
    const theirs = await addSearchableDocument(h.db, { partnershipId: other.partnershipId, title: 'Their paper', pages: ['Their text.'] });
    await expect(service.create(p.actors.scrutineer, note({ documentId: theirs.documentId }))).rejects.toMatchObject({
      kind: 'validation_failed',
      details: [{ path: 'documentId' }],
    });
    await expect(service.create(p.actors.scrutineer, note({ agendaItemId: randomUUID() }))).rejects.toMatchObject({ kind: 'validation_failed', details: [{ path: 'agendaItemId' }] });
    const mine = await service.create(p.actors.scrutineer, note());
    await expect(service.edit(p.actors.scrutineer, mine.observation.id, { documentId: theirs.documentId })).rejects.toMatchObject({ kind: 'validation_failed' });
  });

  it('refuses an id already used by someone else\'s observation, without revealing it', async () => {
    const input = note({ body: 'Taken id' });
    await service.create(p.actors.scrutineer, input);
    const attempt = service.create(other.actors.scrutineer, { ...input, areaIds: [other.areaIds[0]!], meetingId: other.meetingId });
    await expect(attempt).rejects.toMatchObject({ kind: 'conflict' });
    await expect(attempt).rejects.not.toThrow(/Taken id/);
  });

  it('records creation in the audit log', async () => {
    const input = note();
    await service.create(p.actors.scrutineer, input);
    const entries = await h.db.selectFrom('audit_log').selectAll().where('entity_id', '=', input.id).execute();
    expect(entries).toEqual([expect.objectContaining({ action: 'observation.create', actor_person_id: p.people.scrutineer, surface: 'tab' })]);
  });

  it('lets the author edit text, judgement and areas, and nobody else', async () => {
    const input = note();
    await service.create(p.actors.scrutineer, input);
    const edited = await service.edit(p.actors.scrutineer, input.id, { body: 'Edited: health data now current.', judgement: 'too_early', areaIds: [p.areaIds[2]!, p.areaIds[3]!] });
    expect(edited).toMatchObject({ body: 'Edited: health data now current.', judgement: 'too_early', areaIds: [p.areaIds[2]!, p.areaIds[3]!].sort() });
    await expect(service.edit(other.actors.scrutineer, input.id, { body: 'hijack' })).rejects.toMatchObject({ kind: 'not_found' });
    await expect(service.edit(p.actors.business_manager, input.id, { body: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(service.edit(p.actors.scrutineer, input.id, { areaIds: [other.areaIds[0]!] })).rejects.toMatchObject({ kind: 'validation_failed' });
  });

  it('deletes with undo: a deleted observation leaves the timeline and comes back on restore', async () => {
    const input = note({ body: 'To be deleted and restored' });
    await service.create(p.actors.scrutineer, input);
    const deleted = await service.remove(p.actors.scrutineer, input.id);
    expect(deleted.deletedAt).not.toBeNull();
    expect((await service.list(p.actors.scrutineer, {})).map((o) => o.id)).not.toContain(input.id);
    await expect(service.edit(p.actors.scrutineer, input.id, { body: 'x' })).rejects.toMatchObject({ kind: 'conflict' });
    const restored = await service.restore(p.actors.scrutineer, input.id);
    expect(restored.deletedAt).toBeNull();
    expect((await service.list(p.actors.scrutineer, {})).map((o) => o.id)).toContain(input.id);
  });

  it('shares an observation with the partnership once the author chooses to', async () => {
    const input = note({ body: 'Now shared' });
    await service.create(p.actors.scrutineer, input);
    expect((await service.list(p.actors.read_only, {})).map((o) => o.id)).not.toContain(input.id);
    expect((await service.share(p.actors.scrutineer, input.id)).visibility).toBe('shared');
    expect((await service.list(p.actors.read_only, {})).map((o) => o.id)).toContain(input.id);
    const log = await h.db.selectFrom('audit_log').select('action').where('entity_id', '=', input.id).orderBy('id').execute();
    expect(log.map((l) => l.action)).toEqual(['observation.create', 'observation.share']);
  });
});
