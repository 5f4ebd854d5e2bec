import type { Kysely } from 'kysely';
import type { Database, Partnership } from '../schema.js';

export class PartnershipsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findById(id: string): Promise<Partnership | undefined> {
    return this.db.selectFrom('partnerships').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('partnerships').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async frameworkTitle(partnershipId: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('partnerships as p')
      .innerJoin('checklist_frameworks as f', 'f.id', 'p.checklist_framework_id')
      .where('p.id', '=', partnershipId)
      .select('f.title')
      .executeTakeFirst();
    return r?.title ?? null;
  }
}
