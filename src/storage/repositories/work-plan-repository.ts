import type { Kysely } from 'kysely';
import type { WorkPlanActivityKind } from '../../domain/vocabulary.js';
import type { Database } from '../schema.js';

export interface WorkPlanActivityRecord {
  id: string;
  scrutinyYear: number;
  kind: WorkPlanActivityKind;
  title: string;
  forumId: string | null;
  forumName: string | null;
  /** Only the quarters that have a row; the service fills in the rest with zeros. */
  days: { quarter: number; plannedDays: number; actualDays: number }[];
}

export interface QuarterDaysChange {
  quarter: number;
  plannedDays?: number;
  actualDays?: number;
}

/** Work plan activities and their days per quarter (work_plan_activities, work_plan_days). */
export class WorkPlanRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async budget(partnershipId: string): Promise<number | undefined> {
    const row = await this.db.selectFrom('partnerships').select('scrutiny_days_budget').where('id', '=', partnershipId).executeTakeFirst();
    return row?.scrutiny_days_budget;
  }

  async forumExists(partnershipId: string, forumId: string): Promise<boolean> {
    const row = await this.db.selectFrom('forums').select('id').where('partnership_id', '=', partnershipId).where('id', '=', forumId).executeTakeFirst();
    return row !== undefined;
  }

  /** A year's activities with their days (two queries, whatever the number of activities), oldest first. */
  async list(partnershipId: string, scrutinyYear: number): Promise<WorkPlanActivityRecord[]> {
    return this.read(partnershipId, { scrutinyYear });
  }

  async find(partnershipId: string, activityId: string): Promise<WorkPlanActivityRecord | undefined> {
    return (await this.read(partnershipId, { activityId }))[0];
  }

  async insert(partnershipId: string, a: { id: string; scrutinyYear: number; kind: WorkPlanActivityKind; title: string; forumId: string | null }): Promise<void> {
    await this.db
      .insertInto('work_plan_activities')
      .values({ id: a.id, partnership_id: partnershipId, scrutiny_year: a.scrutinyYear, kind: a.kind, title: a.title, forum_id: a.forumId })
      .execute();
  }

  /** Changes the activity's own fields; false when it is not in this partnership. */
  async update(partnershipId: string, activityId: string, set: { kind?: WorkPlanActivityKind; title?: string; forumId?: string | null }): Promise<boolean> {
    const values = {
      ...(set.kind !== undefined ? { kind: set.kind } : {}),
      ...(set.title !== undefined ? { title: set.title } : {}),
      ...(set.forumId !== undefined ? { forum_id: set.forumId } : {}),
    };
    if (Object.keys(values).length === 0) return (await this.find(partnershipId, activityId)) !== undefined;
    const row = await this.db
      .updateTable('work_plan_activities')
      .set(values)
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', activityId)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Sets the days named for each quarter, leaving the other figure (and other quarters) as they were. */
  async setDays(partnershipId: string, activityId: string, changes: QuarterDaysChange[]): Promise<void> {
    for (const c of changes) {
      const update = {
        ...(c.plannedDays !== undefined ? { planned_days: c.plannedDays } : {}),
        ...(c.actualDays !== undefined ? { actual_days: c.actualDays } : {}),
      };
      await this.db
        .insertInto('work_plan_days')
        .values({ partnership_id: partnershipId, activity_id: activityId, quarter: c.quarter, planned_days: c.plannedDays ?? 0, actual_days: c.actualDays ?? 0 })
        .onConflict((oc) => (Object.keys(update).length > 0 ? oc.columns(['activity_id', 'quarter']).doUpdateSet(update) : oc.columns(['activity_id', 'quarter']).doNothing()))
        .execute();
    }
  }

  /** Deletes the activity and its days (the foreign key cascades); false when it is not in this partnership. */
  async delete(partnershipId: string, activityId: string): Promise<boolean> {
    const row = await this.db.deleteFrom('work_plan_activities').where('partnership_id', '=', partnershipId).where('id', '=', activityId).returning('id').executeTakeFirst();
    return row !== undefined;
  }

  private async read(partnershipId: string, by: { scrutinyYear?: number; activityId?: string }): Promise<WorkPlanActivityRecord[]> {
    let q = this.db
      .selectFrom('work_plan_activities as a')
      .leftJoin('forums as f', 'f.id', 'a.forum_id')
      .select(['a.id', 'a.scrutiny_year', 'a.kind', 'a.title', 'a.forum_id', 'f.name as forum_name'])
      .where('a.partnership_id', '=', partnershipId);
    if (by.scrutinyYear !== undefined) q = q.where('a.scrutiny_year', '=', by.scrutinyYear);
    if (by.activityId !== undefined) q = q.where('a.id', '=', by.activityId);
    const activities = await q.orderBy('a.created_at').orderBy('a.id').execute();
    if (activities.length === 0) return [];
    const days = await this.db
      .selectFrom('work_plan_days')
      .select(['activity_id', 'quarter', 'planned_days', 'actual_days'])
      .where('partnership_id', '=', partnershipId)
      .where('activity_id', 'in', activities.map((a) => a.id))
      .orderBy('quarter')
      .execute();
    return activities.map((a) => ({
      id: a.id,
      scrutinyYear: a.scrutiny_year,
      kind: a.kind,
      title: a.title,
      forumId: a.forum_id,
      forumName: a.forum_name,
      days: days.filter((d) => d.activity_id === a.id).map((d) => ({ quarter: d.quarter, plannedDays: Number(d.planned_days), actualDays: Number(d.actual_days) })),
    }));
  }
}
