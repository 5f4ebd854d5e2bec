import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { NewWorkPlanActivity, WorkPlan, WorkPlanActivity, WorkPlanActivityPatch } from '../contract/work-plan.js';
import { scrutinyYearLabel, scrutinyYearOfDay } from '../domain/scrutiny-period.js';
import { ukCalendarDay } from '../domain/uk-date.js';
import { WORK_PLAN_ACTIVITY_KINDS } from '../domain/vocabulary.js';
import { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import { WorkPlanRepository, type WorkPlanActivityRecord } from '../storage/repositories/work-plan-repository.js';
import type { Database } from '../storage/schema.js';
import { type Actor, auditActor, authorize } from './actor.js';
import { invalid, notFound } from './errors.js';

const round1 = (n: number) => Math.round(n * 10) / 10;

function toContract(a: WorkPlanActivityRecord): WorkPlanActivity {
  const quarters = [1, 2, 3, 4].map((quarter) => {
    const d = a.days.find((x) => x.quarter === quarter);
    return { quarter, plannedDays: d?.plannedDays ?? 0, actualDays: d?.actualDays ?? 0 };
  });
  return {
    id: a.id,
    scrutinyYear: a.scrutinyYear,
    kind: a.kind,
    title: a.title,
    forumId: a.forumId,
    forumName: a.forumName,
    quarters,
    plannedDays: round1(quarters.reduce((t, q) => t + q.plannedDays, 0)),
    actualDays: round1(quarters.reduce((t, q) => t + q.actualDays, 0)),
  };
}

/**
 * The scrutineer's work plan: activities for a scrutiny year (April–March) with planned and used days
 * per quarter, against the partnership's yearly budget. The scrutineer and the business manager keep
 * it (work_plan.manage); the partnership's readers see it. Every change is in the audit log.
 */
export class WorkPlanService {
  private readonly repo: WorkPlanRepository;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new WorkPlanRepository(db);
  }

  async get(actor: Actor, query: { year?: number }): Promise<WorkPlan> {
    authorize(actor, 'work_plan.read');
    const year = query.year ?? scrutinyYearOfDay(ukCalendarDay(this.now()));
    const [budgetDays, records] = await Promise.all([this.repo.budget(actor.partnershipId), this.repo.list(actor.partnershipId, year)]);
    if (budgetDays === undefined) throw notFound('The partnership');
    const kindOrder = (k: string) => WORK_PLAN_ACTIVITY_KINDS.indexOf(k as (typeof WORK_PLAN_ACTIVITY_KINDS)[number]);
    const activities = records.map(toContract).sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.title.localeCompare(b.title, 'en-GB'));
    const plannedDays = round1(activities.reduce((t, a) => t + a.plannedDays, 0));
    const actualDays = round1(activities.reduce((t, a) => t + a.actualDays, 0));
    return {
      scrutinyYear: year,
      label: scrutinyYearLabel(year),
      budgetDays,
      plannedDays,
      actualDays,
      remainingDays: round1(budgetDays - actualDays),
      overPlanned: plannedDays > budgetDays,
      activities,
    };
  }

  async create(actor: Actor, input: NewWorkPlanActivity): Promise<WorkPlanActivity> {
    authorize(actor, 'work_plan.manage');
    const forumId = input.forumId ?? null;
    if (forumId && !(await this.repo.forumExists(actor.partnershipId, forumId))) throw invalid('forumId', 'names no forum of this partnership.');
    const id = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      const repo = new WorkPlanRepository(trx);
      await repo.insert(actor.partnershipId, { id, scrutinyYear: input.scrutinyYear, kind: input.kind, title: input.title, forumId });
      // Four rows from the start, so the plan reads the same before and after days are entered.
      const days = [1, 2, 3, 4].map((quarter) => ({ quarter, plannedDays: 0, actualDays: 0, ...input.days?.find((d) => d.quarter === quarter) }));
      await repo.setDays(actor.partnershipId, id, days);
      await new AuditLogRepository(trx).append({
        ...auditActor(actor),
        action: 'work_plan.create',
        entityType: 'work_plan_activity',
        entityId: id,
        detail: { scrutinyYear: input.scrutinyYear, kind: input.kind, days: days.map((d) => [d.plannedDays, d.actualDays]) },
      });
    });
    return toContract((await this.repo.find(actor.partnershipId, id))!);
  }

  async update(actor: Actor, activityId: string, patch: WorkPlanActivityPatch): Promise<WorkPlanActivity> {
    authorize(actor, 'work_plan.manage');
    if (patch.forumId && !(await this.repo.forumExists(actor.partnershipId, patch.forumId))) throw invalid('forumId', 'names no forum of this partnership.');
    const before = await this.repo.find(actor.partnershipId, activityId);
    if (!before) throw notFound('The work plan activity');
    await this.db.transaction().execute(async (trx) => {
      const repo = new WorkPlanRepository(trx);
      if (!(await repo.update(actor.partnershipId, activityId, { kind: patch.kind, title: patch.title, forumId: patch.forumId }))) throw notFound('The work plan activity');
      if (patch.days) await repo.setDays(actor.partnershipId, activityId, patch.days);
      await new AuditLogRepository(trx).append({
        ...auditActor(actor),
        action: 'work_plan.update',
        entityType: 'work_plan_activity',
        entityId: activityId,
        detail: { changed: Object.keys(patch).filter((k) => patch[k as keyof WorkPlanActivityPatch] !== undefined), days: patch.days ?? [] },
      });
    });
    return toContract((await this.repo.find(actor.partnershipId, activityId))!);
  }

  async remove(actor: Actor, activityId: string): Promise<{ id: string }> {
    authorize(actor, 'work_plan.manage');
    const before = await this.repo.find(actor.partnershipId, activityId);
    if (!before) throw notFound('The work plan activity');
    await this.db.transaction().execute(async (trx) => {
      if (!(await new WorkPlanRepository(trx).delete(actor.partnershipId, activityId))) throw notFound('The work plan activity');
      const gone = toContract(before);
      // The log keeps what was removed, since the row itself is gone.
      await new AuditLogRepository(trx).append({
        ...auditActor(actor),
        action: 'work_plan.delete',
        entityType: 'work_plan_activity',
        entityId: activityId,
        detail: { scrutinyYear: gone.scrutinyYear, kind: gone.kind, title: gone.title, plannedDays: gone.plannedDays, actualDays: gone.actualDays },
      });
    });
    return { id: activityId };
  }
}
