import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDatabases } from '../support/databases.js';
import { sql } from 'kysely';

describe.each(testDatabases())('/readyz on $kind', (target) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close().catch(() => undefined);
    t = undefined;
  });

  it('answers 503 once the database is gone, while /healthz still answers', async () => {
    const h = await target.create();
    t = await startTestApp({ database: h, seedDemo: false });
    expect((await request(t.url, 'GET', '/readyz')).status).toBe(200);

    if (h.kind === 'pglite') {
      await h.close();
    } else {
      // Drop the database from under the running server, as an outage would.
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE ${new URL(h.url!).pathname.slice(1)} WITH (FORCE)`);
      await admin.end();
    }
    const r = await request(t.url, 'GET', '/readyz');
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe('not_ready');
    expect(r.body.error.message).toMatch(/database/i);
    expect((await request(t.url, 'GET', '/healthz')).status).toBe(200);
    await h.dispose().catch(() => undefined);
  });

  it('answers 503 when the schema is behind this build', async () => {
    const h = await target.create();
    t = await startTestApp({ database: h, seedDemo: false });
    await sql`delete from kysely_migration`.execute(h.db);
    const r = await request(t.url, 'GET', '/readyz');
    expect(r.status).toBe(503);
    expect(r.body.error.message).toMatch(/migrations are pending.*npx los migrate/);
    await t.close();
    t = undefined;
    await h.dispose();
  });
});
