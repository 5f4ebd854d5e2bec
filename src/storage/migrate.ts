import { type Kysely, type MigrationResult, Migrator } from 'kysely';
import { MIGRATIONS } from './migrations/index.js';

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied in the database but unknown to this build: the code is older than the data. */
  unknown: string[];
  current: boolean;
}

function migratorFor(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
}

export class MigrationError extends Error {
  constructor(message: string, readonly results: MigrationResult[] = []) {
    super(message);
    this.name = 'MigrationError';
  }
}

/**
 * Applies every pending migration, all in one transaction (Kysely's migrator). On PostgreSQL it also holds an
 * advisory lock (pg_advisory_lock) for the whole run, so instances that start together apply each migration
 * once: the others wait, then find nothing pending (test/repository/concurrent-migrations.spec.ts).
 */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results = [] } = await migratorFor(db).migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`, results);
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrationStatus(db: Kysely<any>): Promise<MigrationStatus> {
  const known = Object.keys(MIGRATIONS).sort();
  const infos = await migratorFor(db).getMigrations();
  const applied = infos.filter((m) => m.executedAt !== undefined).map((m) => m.name);
  let recorded: string[] = applied;
  try {
    const rows = await db.selectFrom('kysely_migration').select('name').execute();
    recorded = rows.map((r: { name: string }) => r.name);
  } catch {
    recorded = [];
  }
  const pending = known.filter((n) => !recorded.includes(n));
  const unknown = recorded.filter((n) => !known.includes(n));
  return { applied: recorded.sort(), pending, unknown, current: pending.length === 0 && unknown.length === 0 };
}
