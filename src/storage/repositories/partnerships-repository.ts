import type { Kysely } from 'kysely';
import type { AgencyKind } from '../../domain/vocabulary.js';
import type { Database, Partnership } from '../schema.js';

export class PartnershipsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findById(id: string): Promise<Partnership | undefined> {
    return this.db.selectFrom('partnerships').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Every tenant a partnership names: hosts, and the partner agencies' own tenants. */
  async tenantIds(): Promise<string[]> {
    const hosts = await this.db.selectFrom('partnerships').select('host_tenant_id as id').where('host_tenant_id', 'is not', null).execute();
    const agencies = await this.db.selectFrom('agencies').select('tenant_id as id').where('tenant_id', 'is not', null).execute();
    return [...hosts, ...agencies].map((r) => r.id!.toLowerCase());
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('partnerships').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The partnership's agencies, statutory partners first, then by name. */
  agencies(partnershipId: string): Promise<{ id: string; name: string; kind: AgencyKind; isStatutoryPartner: boolean }[]> {
    return this.db
      .selectFrom('agencies')
      .where('partnership_id', '=', partnershipId)
      .select(['id', 'name', 'kind', 'is_statutory_partner as isStatutoryPartner'])
      .orderBy('is_statutory_partner', 'desc')
      .orderBy('name')
      .execute();
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
