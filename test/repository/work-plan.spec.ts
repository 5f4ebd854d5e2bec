import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewWorkPlanActivity, WorkPlanActivityPatch } from '../../src/contract/work-plan.js';
import { WorkPlanService } from '../../src/services/work-plan-service.js';
import { AuditLogRepository } from '../../src/storage/repositories/audit-log-repository.js';
import { testDatabases } from '../support/databases.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';

describe.each(testDatabases())('work plan on $kind', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  let service: WorkPlanService;
  let p: PartnershipFixture;
  let other: PartnershipFixture;
  const now = () => new Date('2027-02-10T10:00:00Z'); // in 2026/27

  beforeAll(async () => {
    h = await target.create();
    service = new WorkPlanService(h.db, now);
    p = await makePartnership(h.db);
    other = await makePartnership(h.db);
  });
  afterAll(async () => h?.dispose());

  it('creates an activity with days in half days, all four quarters present', async () => {
    const a = await service.create(p.actors.scrutineer, { scrutinyYear: 2026, kind: 'deep_dive', title: 'Deep dive: neglect', forumId: p.forumId, days: [{ quarter: 2, plannedDays: 2.5 }, { quarter: 3, plannedDays: 1, actualDays: 0.5 }] });
    expect(a).toMatchObject({ scrutinyYear: 2026, kind: 'deep_dive', forumId: p.forumId, forumName: 'Executive', plannedDays: 3.5, actualDays: 0.5 });
    expect(a.quarters).toEqual([
      { quarter: 1, plannedDays: 0, actualDays: 0 },
      { quarter: 2, plannedDays: 2.5, actualDays: 0 },
      { quarter: 3, plannedDays: 1, actualDays: 0.5 },
      { quarter: 4, plannedDays: 0, actualDays: 0 },
    ]);
    const audit = await new AuditLogRepository(h.db).list(p.partnershipId);
    expect(audit.find((e) => e.entityId === a.id)).toMatchObject({ action: 'work_plan.create', actorPersonId: p.people.scrutineer });
  });

  it('updates one figure of one quarter, leaving the rest as they were', async () => {
    const a = await service.create(p.actors.business_manager, { scrutinyYear: 2026, kind: 'visit', title: 'Visit the front door', days: [{ quarter: 1, plannedDays: 1, actualDays: 1 }, { quarter: 4, plannedDays: 2 }] });
    const b = await service.update(p.actors.scrutineer, a.id, { title: 'Visit the front door (MASH)', days: [{ quarter: 4, actualDays: 1.5 }] });
    expect(b.title).toBe('Visit the front door (MASH)');
    expect(b.quarters.map((q) => [q.plannedDays, q.actualDays])).toEqual([[1, 1], [0, 0], [0, 0], [2, 1.5]]);
    const c = await service.update(p.actors.scrutineer, a.id, { forumId: p.forumId, kind: 'observe_meeting' });
    expect(c).toMatchObject({ kind: 'observe_meeting', forumName: 'Executive', plannedDays: 3, actualDays: 2.5 });
    expect((await new AuditLogRepository(h.db).list(p.partnershipId)).filter((e) => e.entityId === a.id).map((e) => e.action)).toEqual(['work_plan.update', 'work_plan.update', 'work_plan.create']);
  });

  it('lists the year against the budget, defaulting to the current scrutiny year, and deletes', async () => {
    await service.create(p.actors.scrutineer, { scrutinyYear: 2025, kind: 'reporting', title: 'Annual statement 2025/26', days: [{ quarter: 4, plannedDays: 30 }] });
    const plan = await service.get(p.actors.read_only, {});
    expect(plan).toMatchObject({ scrutinyYear: 2026, label: '2026/27', budgetDays: 24, plannedDays: 6.5, actualDays: 3, remainingDays: 21, overPlanned: false });
    // In the vocabulary's order: observing meetings before deep dives.
    expect(plan.activities.map((a) => a.kind)).toEqual(['observe_meeting', 'deep_dive']);
    expect(await service.get(p.actors.read_only, { year: 2025 })).toMatchObject({ plannedDays: 30, overPlanned: true, activities: [{ title: 'Annual statement 2025/26' }] });

    const gone = plan.activities[1]!;
    expect(await service.remove(p.actors.scrutineer, gone.id)).toEqual({ id: gone.id });
    expect((await service.get(p.actors.read_only, {})).activities.map((a) => a.id)).not.toContain(gone.id);
    expect(await h.db.selectFrom('work_plan_days').select('quarter').where('activity_id', '=', gone.id).execute()).toEqual([]);
    const entry = (await new AuditLogRepository(h.db).list(p.partnershipId)).find((e) => e.entityId === gone.id && e.action === 'work_plan.delete');
    expect(entry?.detail).toMatchObject({ title: 'Deep dive: neglect', plannedDays: 3.5 });
  });

  it('refuses days that are not whole or half days, repeated quarters, and empty changes, saying which field', () => {
    const base = { scrutinyYear: 2026, kind: 'visit', title: 'Visit' };
    const issue = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => [r.error!.issues[0]!.path.join('.'), r.error!.issues[0]!.message];
    expect(issue(NewWorkPlanActivity.safeParse({ ...base, days: [{ quarter: 1, plannedDays: 0.3 }] }))).toEqual(['days.0.plannedDays', 'must be in whole or half days, e.g. 1.5']);
    expect(issue(NewWorkPlanActivity.safeParse({ ...base, days: [{ quarter: 1, plannedDays: -1 }] }))).toEqual(['days.0.plannedDays', 'must not be negative']);
    expect(issue(NewWorkPlanActivity.safeParse({ ...base, days: [{ quarter: 5, plannedDays: 1 }] }))).toEqual(['days.0.quarter', 'must be 1, 2, 3 or 4 (1 is April–June)']);
    expect(issue(NewWorkPlanActivity.safeParse({ ...base, days: [{ quarter: 1 }, { quarter: 1 }] }))).toEqual(['days', 'must name each quarter at most once']);
    expect(issue(NewWorkPlanActivity.safeParse({ ...base, kind: 'holiday' }))[0]).toBe('kind');
    expect(issue(NewWorkPlanActivity.safeParse({ ...base, scrutinyYear: 1999 }))).toEqual(['scrutinyYear', 'must be 2000 or later']);
    expect(issue(NewWorkPlanActivity.safeParse({ ...base, title: '  ' }))).toEqual(['title', 'must not be empty']);
    expect(issue(WorkPlanActivityPatch.safeParse({}))).toEqual(['', 'must change something: kind, title, forumId or days']);
    expect(NewWorkPlanActivity.safeParse({ ...base, days: [{ quarter: 2, plannedDays: 1.5, actualDays: 92 }] }).success).toBe(true);
  });

  it('keeps to its partnership: another\'s forum is refused, another\'s activity is not found', async () => {
    await expect(service.create(p.actors.scrutineer, { scrutinyYear: 2026, kind: 'visit', title: 'Visit', forumId: other.forumId })).rejects.toMatchObject({ kind: 'validation_failed', details: [{ path: 'forumId' }] });
    const theirs = await service.create(other.actors.scrutineer, { scrutinyYear: 2026, kind: 'visit', title: 'Their visit' });
    await expect(service.update(p.actors.scrutineer, theirs.id, { title: 'Mine now' })).rejects.toMatchObject({ kind: 'not_found' });
    await expect(service.remove(p.actors.scrutineer, theirs.id)).rejects.toMatchObject({ kind: 'not_found' });
    expect((await service.get(other.actors.scrutineer, {})).activities.map((a) => a.title)).toEqual(['Their visit']);
  });

  it('lets readers read, and only the scrutineer and business manager change it', async () => {
    await expect(service.get(p.actors.safeguarding_partner, {})).resolves.toBeTruthy();
    await expect(service.get(p.actors.partner_member, {})).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(service.create(p.actors.read_only, { scrutinyYear: 2026, kind: 'visit', title: 'Visit' })).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
