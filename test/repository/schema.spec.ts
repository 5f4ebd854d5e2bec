import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, migrationStatus } from '../../src/storage/migrate.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { testDatabases } from '../support/databases.js';

describe.each(testDatabases())('schema on $kind', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  beforeAll(async () => {
    h = await target.create({ migrate: false });
  });
  afterAll(async () => h?.dispose());

  it('reports pending migrations on an empty database, then none once applied, and applies nothing twice', async () => {
    const before = await migrationStatus(h.db);
    expect(before.current).toBe(false);
    expect(before.pending).toEqual(Object.keys(MIGRATIONS));
    expect(await migrateToLatest(h.db)).toEqual(Object.keys(MIGRATIONS));
    expect(await migrationStatus(h.db)).toMatchObject({ current: true, pending: [], unknown: [] });
    expect(await migrateToLatest(h.db)).toEqual([]);
  });

  it('gives every table except partnerships a partnership_id', async () => {
    const rows = await sql<{ table_name: string }>`
      select t.table_name from information_schema.tables t
      where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and t.table_name not like 'kysely_%' and t.table_name <> 'partnerships'
        and not exists (select 1 from information_schema.columns c
                        where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'partnership_id')`.execute(h.db);
    expect(rows.rows.map((r) => r.table_name)).toEqual([]);
  });

  it('refuses a row that points into another partnership', async () => {
    const [p1, p2] = [randomUUID(), randomUUID()];
    for (const id of [p1, p2]) {
      await h.db.insertInto('partnerships').values({ id, name: `P ${id}`, short_name: 'P', host_tenant_id: null, checklist_framework_id: null }).execute();
    }
    const forumInP1 = randomUUID();
    await h.db.insertInto('forums').values({ id: forumInP1, partnership_id: p1, name: 'Executive', kind: 'executive', chair_person_id: null, teams_team_id: null, teams_channel_id: null, document_folder: null }).execute();
    const crossing = h.db
      .insertInto('meetings')
      .values({ id: randomUUID(), partnership_id: p2, forum_id: forumInP1, title: 'x', starts_at: new Date(), ends_at: new Date(Date.now() + 3600_000), location: null, join_url: null, teams_meeting_id: null })
      .execute();
    await expect(crossing).rejects.toThrow(/foreign key/i);
  });

  it('keeps the audit log append-only', async () => {
    const p = randomUUID();
    await h.db.insertInto('partnerships').values({ id: p, name: 'Audit test', short_name: 'A', host_tenant_id: null, checklist_framework_id: null }).execute();
    await h.db.insertInto('audit_log').values({ partnership_id: p, actor_person_id: null, actor_label: 'test', surface: 'system', action: 'x', entity_type: 'y', entity_id: null }).execute();
    await expect(h.db.updateTable('audit_log').set({ actor_label: 'someone else' }).where('partnership_id', '=', p).execute()).rejects.toThrow(/append-only/);
  });

  it('returns dates, numbers and instants the same way on every driver', async () => {
    const r = await sql<{ d: string; n: number; big: number; t: Date }>`select date '2026-03-31' as d, 1.5::numeric as n, 9007199254740::bigint as big, timestamptz '2026-01-01T10:00:00Z' as t`.execute(h.db);
    expect(r.rows[0]).toEqual({ d: '2026-03-31', n: 1.5, big: 9007199254740, t: new Date('2026-01-01T10:00:00Z') });
  });
});
