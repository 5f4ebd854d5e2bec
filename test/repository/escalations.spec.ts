import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EscalationPatch, NewEscalation } from '../../src/contract/escalations.js';
import { ChallengeService } from '../../src/services/challenge-service.js';
import { EscalationService } from '../../src/services/escalation-service.js';
import { AuditLogRepository } from '../../src/storage/repositories/audit-log-repository.js';
import { testDatabases } from '../support/databases.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';

describe.each(testDatabases())('escalations on $kind', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  let service: EscalationService;
  let p: PartnershipFixture;
  let other: PartnershipFixture;
  const agencies: Record<'council' | 'police' | 'health' | 'elsewhere', string> = { council: randomUUID(), police: randomUUID(), health: randomUUID(), elsewhere: randomUUID() };
  let clock = new Date('2026-11-22T10:00:00Z');
  const now = () => clock;
  const auditFor = async (id: string) => (await new AuditLogRepository(h.db).list(p.partnershipId)).filter((e) => e.entityId === id);

  beforeAll(async () => {
    h = await target.create();
    service = new EscalationService(h.db, now);
    p = await makePartnership(h.db);
    other = await makePartnership(h.db);
    const agency = (id: string, partnershipId: string, name: string, kind: 'local_authority' | 'police' | 'health') =>
      h.db.insertInto('agencies').values({ id, partnership_id: partnershipId, name, kind, is_statutory_partner: true, tenant_id: null }).execute();
    await agency(agencies.council, p.partnershipId, 'Borough Council', 'local_authority');
    await agency(agencies.police, p.partnershipId, 'Police', 'police');
    await agency(agencies.health, p.partnershipId, 'Integrated Care Board', 'health');
    await agency(agencies.elsewhere, other.partnershipId, 'Another Council', 'local_authority');
    await h.db.updateTable('people').set({ agency_id: agencies.health }).where('id', '=', p.people.partner_member).execute();
  });
  afterAll(async () => h?.dispose());

  it('logs a disagreement between agencies, and audits it', async () => {
    const e = await service.create(p.actors.scrutineer, { title: 'Threshold for strategy discussions', issue: 'Police and children\'s social care disagree on a referral.', partyAgencyIds: [agencies.police, agencies.council] });
    expect(e).toMatchObject({ status: 'open', resolution: null, resolvedAt: null, raisedAt: '2026-11-22T10:00:00.000Z', challenge: null });
    expect(e.parties.map((x) => x.name)).toEqual(['Borough Council', 'Police']);
    expect(await auditFor(e.id)).toMatchObject([{ action: 'escalation.create', actorPersonId: p.people.scrutineer, detail: { parties: [agencies.police, agencies.council], challengeId: null } }]);
    expect((await service.list(p.actors.read_only, {})).map((x) => x.id)).toContain(e.id);
  });

  it('moves through resolution: a resolution is needed to resolve, settling is dated, reopening clears it', async () => {
    const e = await service.create(p.actors.business_manager, { title: 'GP reports for conferences', issue: 'GP reports are often late.', partyAgencyIds: [agencies.council, agencies.health] });
    const r1 = await service.update(p.actors.scrutineer, e.id, { status: 'in_resolution' });
    expect(r1).toMatchObject({ status: 'in_resolution', resolvedAt: null });
    await expect(service.update(p.actors.scrutineer, e.id, { status: 'resolved' })).rejects.toMatchObject({ kind: 'validation_failed', details: [{ path: 'resolution' }] });
    clock = new Date('2026-11-29T10:00:00Z');
    const r2 = await service.update(p.actors.scrutineer, e.id, { status: 'resolved', resolution: 'Agreed a five-day deadline for GP reports.' });
    expect(r2).toMatchObject({ status: 'resolved', resolution: 'Agreed a five-day deadline for GP reports.', resolvedAt: '2026-11-29T10:00:00.000Z' });
    clock = new Date('2026-12-02T10:00:00Z');
    expect(await service.update(p.actors.scrutineer, e.id, { status: 'closed' })).toMatchObject({ status: 'closed', resolvedAt: '2026-11-29T10:00:00.000Z' });
    expect(await service.update(p.actors.scrutineer, e.id, { status: 'open', partyAgencyIds: [agencies.health] })).toMatchObject({ status: 'open', resolvedAt: null, parties: [{ agencyId: agencies.health }] });
    const actions = (await auditFor(e.id)).map((x) => [x.action, x.detail?.from ?? null, x.detail?.to ?? null]);
    expect(actions).toEqual([
      ['escalation.update', 'closed', 'open'],
      ['escalation.update', 'resolved', 'closed'],
      ['escalation.update', 'in_resolution', 'resolved'],
      ['escalation.update', 'open', 'in_resolution'],
      ['escalation.create', null, null],
    ]);
    expect((await service.list(p.actors.read_only, { status: 'open' })).map((x) => x.id)).toContain(e.id);
    expect((await service.list(p.actors.read_only, { status: 'closed' })).map((x) => x.id)).not.toContain(e.id);
  });

  it('shows entries opened by escalating a challenge, linked back to it, and opens one per challenge', async () => {
    clock = new Date('2026-11-22T10:00:00Z');
    const challenges = new ChallengeService(h.db, new AuditLogRepository(h.db), now);
    const c = await challenges.raise(p.actors.scrutineer, { id: randomUUID(), question: 'When will current health data be on the dashboard?', addresseePersonId: p.people.partner_member, dueDate: '2026-12-15' });
    await challenges.decide(p.actors.scrutineer, c.id, { kind: 'escalate', outcome: 'No date given after two follow-ups.' });
    const fromChallenge = (await service.list(p.actors.safeguarding_partner, {})).find((x) => x.challenge?.id === c.id)!;
    expect(fromChallenge).toMatchObject({ status: 'open', issue: 'No date given after two follow-ups.', parties: [{ agencyId: agencies.health, name: 'Integrated Care Board' }], challenge: { id: c.id, status: 'escalated' } });
    await expect(service.create(p.actors.scrutineer, { title: 'Again', issue: 'Again', partyAgencyIds: [agencies.health], challengeId: c.id })).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('holds back text that may identify a child until confirmed', async () => {
    const input = { title: 'Disagreement on a referral', issue: 'About the child born 04/03/2016 at SW1A 1AA.', partyAgencyIds: [agencies.council] };
    await expect(service.create(p.actors.scrutineer, input)).rejects.toMatchObject({ kind: 'child_identifiers_flagged', details: [{ path: 'body.issue' }, { path: 'body.issue' }] });
    const e = await service.create(p.actors.scrutineer, { ...input, identifiersConfirmed: true });
    expect((await auditFor(e.id))[0]!.detail).toMatchObject({ identifiersConfirmed: 2 });
  });

  it('keeps to its partnership: another\'s agencies, challenges and entries are refused', async () => {
    await expect(service.create(p.actors.scrutineer, { title: 'T', issue: 'I', partyAgencyIds: [agencies.elsewhere] })).rejects.toMatchObject({ kind: 'validation_failed', details: [{ path: 'partyAgencyIds' }] });
    const theirs = await service.create(other.actors.scrutineer, { title: 'Theirs', issue: 'Their issue', partyAgencyIds: [agencies.elsewhere] });
    await expect(service.update(p.actors.scrutineer, theirs.id, { status: 'closed' })).rejects.toMatchObject({ kind: 'not_found' });
    expect((await service.list(p.actors.scrutineer, {})).map((x) => x.id)).not.toContain(theirs.id);
    await expect(service.create(other.actors.scrutineer, { title: 'T', issue: 'I', partyAgencyIds: [agencies.elsewhere], challengeId: randomUUID() })).rejects.toMatchObject({ kind: 'validation_failed', details: [{ path: 'challengeId' }] });
    expect(await service.list(other.actors.read_only, {})).toEqual([expect.objectContaining({ id: theirs.id, parties: [{ agencyId: agencies.elsewhere, name: 'Another Council' }] })]);
  });

  it('lets readers read, and only the scrutineer and business manager keep the log', async () => {
    await expect(service.list(p.actors.partner_member, {})).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(service.create(p.actors.safeguarding_partner, { title: 'T', issue: 'I', partyAgencyIds: [agencies.council] })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('validates what comes in, saying which field', () => {
    const first = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) => [r.error!.issues[0]!.path.join('.'), r.error!.issues[0]!.message];
    expect(first(NewEscalation.safeParse({ title: 'T', issue: 'I', partyAgencyIds: [] }))).toEqual(['partyAgencyIds', 'must name at least one agency']);
    expect(first(NewEscalation.safeParse({ title: 'T', issue: 'I', partyAgencyIds: [agencies.council, agencies.council] }))).toEqual(['partyAgencyIds', 'must name each agency once']);
    expect(first(EscalationPatch.safeParse({ status: 'done' }))[0]).toBe('status');
    expect(first(EscalationPatch.safeParse({}))).toEqual(['', 'must change something: title, issue, status, resolution or partyAgencyIds']);
  });
});
