import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/storage/connect.js';
import { migrateToLatest, migrationStatus } from '../../src/storage/migrate.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { testDatabases } from '../support/databases.js';

/*
 * Several app instances start together against one PostgreSQL server (README.md, "Scaling out"): each runs
 * the migrations at start-up. Kysely's migrator takes a PostgreSQL advisory lock around them, so one
 * instance applies each migration and the others wait, then find nothing to do. PGlite is one process
 * only, so this runs on PostgreSQL (TEST_DATABASE_URL).
 */
const postgres = testDatabases().filter((d) => d.kind === 'postgres');

describe.skipIf(postgres.length === 0)('migrations started by several instances at once (PostgreSQL)', () => {
  let target: Awaited<ReturnType<(typeof postgres)[number]['create']>>;
  const instances: DatabaseHandle[] = [];

  beforeAll(async () => {
    target = await postgres[0]!.create({ migrate: false });
    for (let i = 0; i < 4; i++) instances.push(await openDatabase({ kind: 'postgres', url: target.url! }));
  });
  afterAll(async () => {
    await Promise.all(instances.map((h) => h.close()));
    await target?.dispose();
  });

  it('applies each migration exactly once, and every instance starts on the current schema', async () => {
    const applied = await Promise.all(instances.map((h) => migrateToLatest(h.db)));
    const all = applied.flat();
    expect(all.sort()).toEqual(Object.keys(MIGRATIONS).sort());
    expect(applied.filter((a) => a.length > 0)).toHaveLength(1);
    for (const h of instances) expect(await migrationStatus(h.db)).toMatchObject({ current: true, pending: [], unknown: [] });
    const rows = await sql<{ name: string; n: number }>`select name, count(*)::int as n from kysely_migration group by name having count(*) > 1`.execute(instances[0]!.db);
    expect(rows.rows).toEqual([]);
  });

  it('holds the lock while one instance migrates: another waits for it rather than running alongside', async () => {
    // The lock Kysely's PostgreSQL adapter takes (a session-level advisory lock on a fixed key).
    const holder = instances[0]!;
    await holder.db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(3853314791062309107)`.execute(conn);
      try {
        let finished = false;
        const waiting = migrateToLatest(instances[1]!.db).then((r) => {
          finished = true;
          return r;
        });
        await new Promise((r) => setTimeout(r, 300));
        expect(finished).toBe(false);
        const blocked = await sql<{ n: number }>`select count(*)::int as n from pg_locks
          where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`.execute(conn);
        expect(blocked.rows[0]!.n).toBe(1);
        await sql`select pg_advisory_unlock(3853314791062309107)`.execute(conn);
        expect(await waiting).toEqual([]);
      } finally {
        await sql`select pg_advisory_unlock_all()`.execute(conn);
      }
    });
  });
});
