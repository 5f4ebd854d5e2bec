import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import { createDocumentPipeline, type DocumentPipeline } from '../documents/document-pipeline.js';
import { DocumentSourcesService } from '../services/document-sources-service.js';
import { openDatabase } from '../storage/connect.js';
import { migrateToLatest } from '../storage/migrate.js';
import { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import type { Database } from '../storage/schema.js';

/** The database and the document services, for CLI commands. */
export async function openDocumentServices(config: Config): Promise<{ db: Kysely<Database>; pipeline: DocumentPipeline; sources: DocumentSourcesService; close(): Promise<void> }> {
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const pipeline = createDocumentPipeline(config, database.db);
    const sources = new DocumentSourcesService(database.db, pipeline.resolve, pipeline.runner, new AuditLogRepository(database.db));
    return { db: database.db, pipeline, sources, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
