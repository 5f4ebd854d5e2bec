import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/storage/connect.js';
import { migrateToLatest } from '../../src/storage/migrate.js';

export interface TestDatabase {
  /** 'pglite' or 'postgres', for test names. */
  kind: 'pglite' | 'postgres';
  /** A fresh, empty database of this kind. `dispose` removes it. */
  create(options?: { migrate?: boolean }): Promise<DatabaseHandle & { dispose(): Promise<void>; url?: string }>;
}

/**
 * The databases the repository suite runs on: PGlite always, PostgreSQL when
 * TEST_DATABASE_URL is set. On CI it must be set: a missing database is a failure, not a skip.
 */
export function testDatabases(): TestDatabase[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error('TEST_DATABASE_URL is not set on CI: the repository tests must also run on PostgreSQL (.ci/run sets it).');
  }
  const dbs: TestDatabase[] = [
    {
      kind: 'pglite',
      async create({ migrate = true } = {}) {
        const h = await openDatabase({ kind: 'pglite' });
        if (migrate) await migrateToLatest(h.db);
        return { ...h, dispose: () => h.close() };
      },
    },
  ];
  if (url) dbs.push({ kind: 'postgres', create: ({ migrate = true } = {}) => createPostgresDatabase(url, migrate) });
  return dbs;
}

/** A new database on the test server, named uniquely, dropped on dispose. */
async function createPostgresDatabase(adminUrl: string, migrate: boolean) {
  const name = `los_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const h = await openDatabase({ kind: 'postgres', url: u.toString() });
  if (migrate) await migrateToLatest(h.db);
  return {
    ...h,
    url: u.toString(),
    async dispose() {
      await h.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}
