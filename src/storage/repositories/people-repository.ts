import type { Kysely } from 'kysely';
import type { Role } from '../../domain/vocabulary.js';
import type { Database } from '../schema.js';

export interface PersonWithContext {
  id: string;
  partnershipId: string;
  displayName: string;
  role: Role;
  jobTitle: string | null;
  agencyName: string | null;
  partnership: { id: string; name: string; shortName: string; isSynthetic: boolean };
}

export class PeopleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private base() {
    return this.db
      .selectFrom('people as p')
      .innerJoin('partnerships as pa', 'pa.id', 'p.partnership_id')
      .leftJoin('agencies as a', (j) => j.onRef('a.id', '=', 'p.agency_id').onRef('a.partnership_id', '=', 'p.partnership_id'))
      .where('p.is_active', '=', true)
      .select([
        'p.id',
        'p.partnership_id',
        'p.display_name',
        'p.role',
        'p.job_title',
        'a.name as agency_name',
        'pa.name as partnership_name',
        'pa.short_name as partnership_short_name',
        'pa.is_synthetic',
      ]);
  }

  private static toPerson(r: {
    id: string;
    partnership_id: string;
    display_name: string;
    role: Role;
    job_title: string | null;
    agency_name: string | null;
    partnership_name: string;
    partnership_short_name: string;
    is_synthetic: boolean;
  }): PersonWithContext {
    return {
      id: r.id,
      partnershipId: r.partnership_id,
      displayName: r.display_name,
      role: r.role,
      jobTitle: r.job_title,
      agencyName: r.agency_name,
      partnership: { id: r.partnership_id, name: r.partnership_name, shortName: r.partnership_short_name, isSynthetic: r.is_synthetic },
    };
  }

  async findById(id: string): Promise<PersonWithContext | undefined> {
    const row = await this.base().where('p.id', '=', id).executeTakeFirst();
    return row && PeopleRepository.toPerson(row);
  }

  /** Every partnership membership of one Entra identity (a scrutineer may serve several). */
  async findByEntraIdentity(tenantId: string, objectId: string): Promise<PersonWithContext[]> {
    const rows = await this.base()
      .where('p.tenant_id', '=', tenantId)
      .where('p.entra_object_id', '=', objectId)
      .orderBy('pa.name')
      .execute();
    return rows.map(PeopleRepository.toPerson);
  }

  /** People of synthetic partnerships only: the dev sign-in never lists real people. */
  async listSyntheticPeople(): Promise<PersonWithContext[]> {
    const rows = await this.base().where('pa.is_synthetic', '=', true).orderBy('pa.name').orderBy('p.role').orderBy('p.display_name').execute();
    return rows.map(PeopleRepository.toPerson);
  }

  async countInPartnership(partnershipId: string): Promise<number> {
    const r = await this.db
      .selectFrom('people')
      .where('partnership_id', '=', partnershipId)
      .where('is_active', '=', true)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
