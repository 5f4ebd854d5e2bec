import type { Kysely } from 'kysely';
import type { ActionStatus } from '../../domain/vocabulary.js';
import type { Database } from '../schema.js';

/** One action as its owner sees it in a list. */
export interface OwnedAction {
  id: string;
  reference: string;
  title: string;
  dueDate: string | null;
  status: ActionStatus;
  percentComplete: number;
}

/** Actions (the tracker). Only the owner's open actions so far: what the bot's "my actions" shows. */
export class ActionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** A person's actions still to do (not complete, not withdrawn), soonest due first. */
  async openForOwner(partnershipId: string, personId: string): Promise<OwnedAction[]> {
    const rows = await this.db
      .selectFrom('actions')
      .select(['id', 'reference', 'title', 'due_date', 'status', 'percent_complete'])
      .where('partnership_id', '=', partnershipId)
      .where('owner_person_id', '=', personId)
      .where('status', 'not in', ['complete', 'withdrawn'])
      .orderBy('due_date', (ob) => ob.asc().nullsLast())
      .orderBy('reference')
      .execute();
    return rows.map((r) => ({ id: r.id, reference: r.reference, title: r.title, dueDate: r.due_date, status: r.status, percentComplete: r.percent_complete }));
  }
}
