import type { Config } from '../../config/config.js';
import { openDatabase } from '../../storage/connect.js';
import { migrateToLatest, migrationStatus } from '../../storage/migrate.js';
import type { CliIo } from '../cli-io.js';

export async function migrateCommand(config: Config, io: CliIo): Promise<number> {
  const database = await openDatabase(config.database);
  try {
    const applied = await migrateToLatest(database.db);
    const status = await migrationStatus(database.db);
    io.out(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(', ')}.` : 'The database is already up to date.');
    io.out(`Schema: ${status.applied.length} migration(s) applied on ${database.kind}.`);
    return 0;
  } finally {
    await database.close();
  }
}
