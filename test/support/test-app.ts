import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config/config.js';
import type { GraphParts } from '../../src/documents/document-pipeline.js';
import type { ReportLibrary } from '../../src/reports/report-library.js';
import { silentLogger } from '../../src/server/logger.js';
import type { DatabaseHandle } from '../../src/storage/connect.js';

export interface TestApp {
  app: App;
  url: string;
  libraryDir: string;
  close(): Promise<void>;
}

/**
 * The whole application on a free port, dev sign-in, embedded PGlite in memory
 * (or the database given), demo data seeded into a temporary library folder.
 */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    database?: DatabaseHandle;
    seedDemo?: boolean;
    now?: () => Date;
    /** Builds the Graph parts from the loaded configuration (stand-ins in place of Microsoft's services). */
    graph?: (config: Config) => GraphParts | undefined;
    /** As in production: skip checking responses against the contract (benchmarks). */
    validateResponses?: boolean;
    /** Where generated reports go, in place of the configured library (a failing stand-in). */
    reportLibrary?: ReportLibrary;
  } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'los-test-'));
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      AUTH_MODE: 'dev',
      PORT: '0',
      DATA_DIR: dir,
      SEED_DEMO: options.seedDemo === false ? 'false' : 'true',
      ...options.env,
    },
    dir,
  );
  const { openDatabase } = await import('../../src/storage/connect.js');
  const database = options.database ?? (await openDatabase({ kind: 'pglite' }));
  const app = await createApp(config, { logger: silentLogger, database, now: options.now, graph: options.graph?.(config), validateResponses: options.validateResponses, reportLibrary: options.reportLibrary });
  const { port } = await app.server.listen(0, '127.0.0.1');
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    libraryDir: config.documentLibraryDir,
    async close() {
      await app.close();
      if (!options.database) await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
