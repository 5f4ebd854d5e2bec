import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewChallenge } from '../../src/contract/challenges.js';
import { ChallengeService } from '../../src/services/challenge-service.js';
import { ObservationService } from '../../src/services/observation-service.js';
import { AuditLogRepository } from '../../src/storage/repositories/audit-log-repository.js';
import { createRepositories } from '../../src/storage/repositories/index.js';
import { testDatabases } from '../support/databases.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';

describe.each(testDatabases())('challenges on $kind', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  let service: ChallengeService;
  let p: PartnershipFixture;
  let other: PartnershipFixture;
  const now = () => new Date('2026-11-22T10:00:00Z');
  const challenge = (overrides: Partial<NewChallenge> = {}): NewChallenge => ({
    id: randomUUID(),
    question: 'When will current health data be on the dashboard?',
    addresseePersonId: p.people.partner_member,
    dueDate: '2026-12-15',
    ...overrides,
  });

  beforeAll(async () => {
    h = await target.create();
    service = new ChallengeService(h.db, new AuditLogRepository(h.db), now);
    p = await makePartnership(h.db);
    other = await makePartnership(h.db);
  });
  afterAll(async () => h?.dispose());

  it('raises a challenge once however often the tab retries', async () => {
    const input = challenge();
    const [a, b] = [await service.raise(p.actors.scrutineer, input), await service.raise(p.actors.scrutineer, input)];
    expect(a).toEqual(b);
    expect(a).toMatchObject({ status: 'open', dueDate: '2026-12-15', overdue: false, addressee: { personId: p.people.partner_member } });
    expect((await service.list(p.actors.scrutineer)).filter((c) => c.id === input.id)).toHaveLength(1);
  });

  it('never keeps a challenge without the audit entry saying who raised it', async () => {
    const input = challenge();
    // The audit entry for this challenge cannot be written: the challenge must not be saved either.
    await sql.raw(`CREATE FUNCTION refuse_test_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.entity_id = '${input.id}' THEN RAISE EXCEPTION 'audit refused for the test'; END IF; RETURN NEW; END $$`).execute(h.db);
    await sql.raw('CREATE TRIGGER refuse_test_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_test_audit()').execute(h.db);
    try {
      await expect(service.raise(p.actors.scrutineer, input)).rejects.toThrow();
    } finally {
      await sql.raw('DROP TRIGGER refuse_test_audit ON audit_log').execute(h.db);
      await sql.raw('DROP FUNCTION refuse_test_audit()').execute(h.db);
    }
    expect((await service.list(p.actors.scrutineer)).map((c) => c.id)).not.toContain(input.id);
    // The tab's queue sends it again: now both are written, once.
    await service.raise(p.actors.scrutineer, input);
    const entries = await h.db.selectFrom('audit_log').select('action').where('entity_id', '=', input.id).execute();
    expect(entries).toEqual([{ action: 'challenge.raise' }]);
  });

  it('grows a challenge from the scrutineer\'s own observation only', async () => {
    const obs = new ObservationService(createRepositories(h.db), now);
    const o = await obs.create(p.actors.scrutineer, { id: randomUUID(), body: 'Data is old', judgement: 'concern', evidenceType: 'paper_or_data', areaIds: [p.areaIds[0]!] });
    expect((await service.raise(p.actors.scrutineer, challenge({ observationId: o.observation.id }))).observationId).toBe(o.observation.id);
    await expect(service.raise(other.actors.scrutineer, challenge({ observationId: o.observation.id, addresseePersonId: other.people.partner_member }))).rejects.toMatchObject({ kind: 'validation_failed' });
  });

  it('refuses a recipient from another partnership, a past due date, and roles that may not challenge', async () => {
    await expect(service.raise(p.actors.scrutineer, challenge({ addresseePersonId: other.people.partner_member }))).rejects.toMatchObject({ kind: 'validation_failed' });
    await expect(service.raise(p.actors.scrutineer, challenge({ dueDate: '2026-11-01' }))).rejects.toMatchObject({ kind: 'validation_failed' });
    await expect(service.raise(p.actors.business_manager, challenge())).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('holds back a question that may identify a child until the scrutineer confirms it, and raises nothing meanwhile', async () => {
    const input = challenge({ question: 'Why was the referral for the child with NHS number 999 000 0018, born 04/03/2016, at SW1A 1AA delayed?' });
    const refused = await service.raise(p.actors.scrutineer, input).catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'child_identifiers_flagged' });
    const messages = (refused as { details: { message: string }[] }).details.map((d) => d.message);
    expect(messages).toEqual([expect.stringMatching(/^NHS number: “999 000 0018”/), expect.stringMatching(/^Date of birth: “04\/03\/2016”/), expect.stringMatching(/^Postcode: “SW1A 1AA”/)]);
    expect((await service.list(p.actors.scrutineer)).map((c) => c.id)).not.toContain(input.id);

    const raised = await service.raise(p.actors.scrutineer, { ...input, identifiersConfirmed: true });
    expect(raised.question).toBe(input.question);
    const audit = await new AuditLogRepository(h.db).list(p.partnershipId);
    expect(audit.find((e) => e.entityId === input.id)?.detail).toMatchObject({ identifiersConfirmed: 3 });
  });

  it('shows a partner only the challenges addressed to them', async () => {
    const mine = await service.raise(p.actors.scrutineer, challenge({ addresseePersonId: p.people.partner_member }));
    const theirs = await service.raise(p.actors.scrutineer, challenge({ addresseePersonId: p.people.subgroup_chair }));
    const seen = (await service.list(p.actors.partner_member)).map((c) => c.id);
    expect(seen).toContain(mine.id);
    expect(seen).not.toContain(theirs.id);
    expect((await service.list(other.actors.scrutineer)).map((c) => c.id)).not.toContain(mine.id);
  });
});
