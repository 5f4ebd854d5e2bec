import type { Config } from '../../config/config.js';
import { hasDemoPartnership, seedDemo } from '../../demo/seed-demo.js';
import { createDocumentPipeline } from '../../documents/document-pipeline.js';
import { openDatabase } from '../../storage/connect.js';
import { migrateToLatest } from '../../storage/migrate.js';
import type { CliIo } from '../cli-io.js';

export async function seedCommand(config: Config, args: string[], io: CliIo): Promise<number> {
  if (!args.includes('--demo')) {
    io.err('Say what to seed: npx los seed --demo (the synthetic Demo Borough partnership).');
    return 2;
  }
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    if (await hasDemoPartnership(database.db)) {
      io.out('The synthetic demo partnership is already there; nothing to do.');
      return 0;
    }
    const documents = createDocumentPipeline(config, database.db);
    const id = await seedDemo(database.db, {
      libraryDir: config.documentLibraryDir,
      now: new Date(),
      syncDocuments: async (partnershipId) => void (await documents.runner.syncPartnership(partnershipId)),
    });
    io.out(`Seeded the synthetic "Demo Borough Safeguarding Children Partnership" (${id}).`);
    io.out(`Its document library is in ${config.documentLibraryDir}. All of it is synthetic.`);
    return 0;
  } finally {
    await database.close();
  }
}
