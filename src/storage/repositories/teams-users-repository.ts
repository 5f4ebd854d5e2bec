import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** How the bot names people to Teams: by their Entra object id. */
export class TeamsUsersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The Entra object ids of these people (those who have one), by person id. */
  async entraObjectIds(partnershipId: string, personIds: string[]): Promise<Map<string, string>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('people')
      .select(['id', 'entra_object_id'])
      .where('partnership_id', '=', partnershipId)
      .where('id', 'in', personIds)
      .where('entra_object_id', 'is not', null)
      .execute();
    return new Map(rows.map((r) => [r.id, r.entra_object_id!]));
  }
}
