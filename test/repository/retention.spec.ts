import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listZipEntries, readZipEntry } from '../../src/documents/extraction/zip-entries.js';
import { ErasureService } from '../../src/services/erasure-service.js';
import { PartnershipExportService } from '../../src/services/partnership-export-service.js';
import { monthsBefore, RetentionService } from '../../src/services/retention-service.js';
import { AuditLogRepository } from '../../src/storage/repositories/audit-log-repository.js';
import type { Database } from '../../src/storage/schema.js';
import type { Kysely } from 'kysely';
import { testDatabases } from '../support/databases.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';

const NOW = new Date('2027-02-10T10:00:00Z');
const OLD = new Date('2020-01-15T10:00:00Z'); // past the six-year default
const RECENT = new Date('2026-06-01T10:00:00Z');

/** Records of every kind retention looks after, at a given age. */
async function seed(db: Kysely<Database>, p: PartnershipFixture, at: Date) {
  const observation = randomUUID();
  await db.insertInto('observations').values({ id: observation, partnership_id: p.partnershipId, author_id: p.people.scrutineer, meeting_id: null, document_id: null, agenda_item_id: null, body: 'Observed', judgement: 'concern', evidence_type: 'meeting_observation', shared_at: null, deleted_at: null, observed_at: at, created_at: at, updated_at: at }).execute();
  const challenge = randomUUID();
  await db.insertInto('challenges').values({ id: challenge, partnership_id: p.partnershipId, raised_by_id: p.people.scrutineer, observation_id: observation, forum_id: null, addressee_person_id: p.people.partner_member, addressee_agency_id: null, question: 'Why?', due_date: null, status: 'closed', outcome: 'accepted', impact: null, raised_at: at, closed_at: at, updated_at: at }).execute();
  const action = randomUUID();
  await db.insertInto('actions').values({ id: action, partnership_id: p.partnershipId, reference: `R-${action.slice(0, 8)}`, title: 'Do it', source: 'scrutiny', source_ref: null, area_id: null, owner_person_id: p.people.partner_member, agency_id: null, forum_id: null, challenge_id: null, due_date: null, status: 'complete', completion_proposed_by_id: null, completion_proposed_at: null, signed_off_by_id: p.people.scrutineer, signed_off_at: at, created_at: at, updated_at: at }).execute();
  const escalation = randomUUID();
  await db.insertInto('escalations').values({ id: escalation, partnership_id: p.partnershipId, title: 'Disagreement', issue: 'Thresholds', status: 'resolved', resolution: 'Agreed', raised_at: at, resolved_at: at }).execute();
  await sql`INSERT INTO audit_log (partnership_id, actor_person_id, actor_label, surface, action, entity_type, entity_id, at)
            VALUES (${p.partnershipId}, NULL, 'Someone', 'tab', 'observation.read', 'observation', ${observation}, ${at})`.execute(db);
  return { observation, challenge, action, escalation };
}

const exists = async (db: Kysely<Database>, table: string, id: string) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE id = ${id}`.execute(db)).rows[0]!.n === 1;

describe.each(testDatabases())('retention, erasure and export on $kind', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  beforeAll(async () => {
    h = await target.create();
  });
  afterAll(async () => h?.dispose());

  it('removes, by the six-year defaults, what has outlived them, keeps the rest, and says what went in the audit log', async () => {
    const p = await makePartnership(h.db);
    const old = await seed(h.db, p, OLD);
    const recent = await seed(h.db, p, RECENT);
    const other = await makePartnership(h.db);
    const othersOld = await seed(h.db, other, OLD);
    const service = new RetentionService(h.db, () => NOW);

    const { removed } = await service.runNow(p.actors.business_manager);
    expect(removed).toEqual({ observations: 1, annotations: 0, closedChallenges: 1, completedActions: 1, closedEscalations: 1, auditLog: 1 });
    for (const [table, id] of [['observations', old.observation], ['challenges', old.challenge], ['actions', old.action], ['escalations', old.escalation]] as const) {
      expect(await exists(h.db, table, id), `old ${table}`).toBe(false);
    }
    for (const [table, id] of [['observations', recent.observation], ['challenges', recent.challenge], ['actions', recent.action], ['escalations', recent.escalation]] as const) {
      expect(await exists(h.db, table, id), `recent ${table}`).toBe(true);
    }
    expect(await exists(h.db, 'observations', othersOld.observation)).toBe(true);

    const entries = await new AuditLogRepository(h.db).list(p.partnershipId);
    const applied = entries.filter((e) => e.action === 'retention.apply');
    expect(applied).toHaveLength(1);
    expect(applied[0]).toMatchObject({ actorPersonId: p.people.business_manager, detail: { removed } });
    expect(JSON.stringify(applied[0]!.detail)).not.toContain('Observed'); // counts, not content

    // Idempotent: nothing left to remove, and nothing more written.
    expect(Object.values((await service.runNow(p.actors.business_manager)).removed).every((n) => n === 0)).toBe(true);
    expect((await new AuditLogRepository(h.db).list(p.partnershipId)).filter((e) => e.action === 'retention.apply')).toHaveLength(1);
  });

  it('keeps what a partnership chose to keep (null), and keeps a challenge an open action still comes from', async () => {
    const p = await makePartnership(h.db);
    const old = await seed(h.db, p, OLD);
    await h.db.updateTable('actions').set({ challenge_id: old.challenge, status: 'in_progress' }).where('id', '=', old.action).execute();
    const service = new RetentionService(h.db, () => NOW);
    const settings = await service.update(p.actors.business_manager, { observations: null, auditLog: null });
    expect(settings).toMatchObject({ usingDefaults: false, periods: { observations: null, auditLog: null, closedChallenges: 72 }, updatedBy: 'business_manager person' });
    const { removed } = await service.runNow(p.actors.business_manager);
    expect(removed).toMatchObject({ observations: 0, auditLog: 0, closedChallenges: 0, completedActions: 0, closedEscalations: 1 });
    expect(await exists(h.db, 'challenges', old.challenge)).toBe(true);
    expect(await exists(h.db, 'observations', old.observation)).toBe(true);
    const configured = (await new AuditLogRepository(h.db).list(p.partnershipId)).find((e) => e.action === 'retention.configure');
    expect(configured?.detail).toMatchObject({ after: { observations: null, auditLog: null } });
  });

  it('refuses settings and runs to everyone but the business manager', async () => {
    const p = await makePartnership(h.db);
    const service = new RetentionService(h.db, () => NOW);
    for (const role of ['scrutineer', 'safeguarding_partner', 'subgroup_chair', 'partner_member', 'read_only'] as const) {
      await expect(service.get(p.actors[role])).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(service.update(p.actors[role], { auditLog: 1 })).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(service.runNow(p.actors[role])).rejects.toMatchObject({ kind: 'forbidden' });
    }
  });

  it('works in batches, and two instances sweeping at once remove each record once', async () => {
    const p = await makePartnership(h.db);
    for (let i = 0; i < 7; i++) await seed(h.db, p, OLD);
    const a = new RetentionService(h.db, () => NOW, 2);
    const b = new RetentionService(h.db, () => NOW, 2);
    const [ra, rb] = await Promise.all([a.sweep(), b.sweep()]);
    const sum = (k: 'observations' | 'auditLog') => (ra[p.partnershipId]?.[k] ?? 0) + (rb[p.partnershipId]?.[k] ?? 0);
    // Whichever instance did the work, each record went once; a skipped instance picks up any rest next time.
    const rest = await a.sweep();
    expect(sum('observations') + (rest[p.partnershipId]?.observations ?? 0)).toBe(7);
    expect(sum('auditLog') + (rest[p.partnershipId]?.auditLog ?? 0)).toBe(7);
    const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM observations WHERE partnership_id = ${p.partnershipId}`.execute(h.db);
    expect(left.rows[0]!.n).toBe(0);
    const entries = (await new AuditLogRepository(h.db).list(p.partnershipId)).filter((e) => e.action === 'retention.apply');
    expect(entries.length).toBeGreaterThanOrEqual(4); // at most two of each kind per batch
    expect(entries.every((e) => e.actorLabel === 'Retention (system)' && e.surface === 'system' && e.actorPersonId === null)).toBe(true);
  });

  it('keeps the audit log append-only: no update, and no delete but the retention purge or with the partnership', async () => {
    const p = await makePartnership(h.db);
    await seed(h.db, p, OLD);
    await expect(sql`UPDATE audit_log SET actor_label = 'x' WHERE partnership_id = ${p.partnershipId}`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE partnership_id = ${p.partnershipId}`.execute(h.db)).rejects.toThrow(/retention purge/);
    await h.db.deleteFrom('partnerships').where('id', '=', p.partnershipId).execute();
    const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE partnership_id = ${p.partnershipId}`.execute(h.db);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('counts months by the calendar', () => {
    expect(monthsBefore(new Date('2027-02-10T10:00:00Z'), 72).toISOString()).toBe('2021-02-10T10:00:00.000Z');
  });

  it('erases a person: their observations go, their name everywhere else becomes "Erased person", and the erasure is recorded', async () => {
    const p = await makePartnership(h.db);
    const mine = await seed(h.db, p, RECENT);
    const service = new ErasureService(h.db, () => NOW);
    await expect(service.erasePerson(p.actors.business_manager, p.people.scrutineer, { confirmName: 'someone else' })).rejects.toMatchObject({ kind: 'validation_failed' });
    expect(await exists(h.db, 'observations', mine.observation)).toBe(true);

    const result = await service.erasePerson(p.actors.business_manager, p.people.scrutineer, { confirmName: '  SCRUTINEER   person ' });
    expect(result).toMatchObject({ scope: 'person', personId: p.people.scrutineer, counts: { observationsDeleted: 1, challengeEvidenceLinksRemoved: 1, challengesRaisedAnonymised: 1 } });
    expect(await exists(h.db, 'observations', mine.observation)).toBe(false);
    expect(await exists(h.db, 'challenges', mine.challenge)).toBe(true);
    const person = await h.db.selectFrom('people').selectAll().where('id', '=', p.people.scrutineer).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ display_name: 'Erased person', email: null, entra_object_id: null, is_active: false });
    const entry = (await new AuditLogRepository(h.db).list(p.partnershipId)).find((e) => e.action === 'person.erase');
    expect(entry).toMatchObject({ entityId: p.people.scrutineer, detail: { erasureId: result.id } });
    await expect(service.erasePerson(p.actors.business_manager, p.people.scrutineer, { confirmName: 'Erased person' })).rejects.toMatchObject({ kind: 'conflict' });
    await expect(service.erasePerson(p.actors.business_manager, p.people.business_manager, { confirmName: 'business_manager person' })).rejects.toMatchObject({ kind: 'conflict' });
  });

  it("erases a whole partnership, keeping only its name, the erasure record and the erasure's audit entry", async () => {
    const p = await makePartnership(h.db, 'Ending Borough Safeguarding Partnership');
    await seed(h.db, p, RECENT);
    const other = await makePartnership(h.db);
    const kept = await seed(h.db, other, RECENT);
    const service = new ErasureService(h.db, () => NOW);
    await expect(service.erasePartnership(p.actors.business_manager, { confirmPartnershipName: 'Ending Borough' })).rejects.toMatchObject({ kind: 'validation_failed' });

    const result = await service.erasePartnership(p.actors.business_manager, { confirmPartnershipName: 'ending borough safeguarding partnership' });
    expect(result.counts).toMatchObject({ people: 6, observations: 1, challenges: 1, actions: 1, audit_log: 1 });
    for (const table of ['people', 'observations', 'challenges', 'actions', 'forums', 'meetings', 'checklist_areas']) {
      const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE partnership_id = ${p.partnershipId}`.execute(h.db);
      expect(n.rows[0]!.n, table).toBe(0);
    }
    const log = await new AuditLogRepository(h.db).list(p.partnershipId);
    expect(log.map((e) => e.action)).toEqual(['partnership.erase']);
    const row = await sql<{ name: string; erased_at: Date | null }>`SELECT name, erased_at FROM partnerships WHERE id = ${p.partnershipId}`.execute(h.db);
    expect(row.rows[0]).toMatchObject({ name: 'Ending Borough Safeguarding Partnership' });
    expect(row.rows[0]!.erased_at).toBeInstanceOf(Date);
    expect(await exists(h.db, 'observations', kept.observation)).toBe(true);
  });

  it('exports every table of one partnership, page by page, as JSON lines in a zip, and audits it', async () => {
    const p = await makePartnership(h.db);
    const recent = await seed(h.db, p, RECENT);
    const other = await makePartnership(h.db);
    const theirs = await seed(h.db, other, RECENT);
    const chunks: Uint8Array[] = [];
    const summary = await new PartnershipExportService(h.db, () => NOW, 3).export(p.actors.business_manager, async (c) => void chunks.push(Uint8Array.from(c)));
    const zip = Buffer.concat(chunks);
    const files = new Map((listZipEntries(zip) ?? []).map((e) => [e.name, new TextDecoder().decode(readZipEntry(zip, e)!)]));
    expect(files.has('manifest.json')).toBe(true);
    const manifest = JSON.parse(files.get('manifest.json')!);
    expect(manifest).toMatchObject({ partnershipId: p.partnershipId, rows: summary.rows });
    const rows = (table: string) => files.get(`tables/${table}.jsonl`)!.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(rows('partnerships').map((r) => r.id)).toEqual([p.partnershipId]);
    expect(rows('people')).toHaveLength(6);
    // Paged three at a time by key: the six checklist areas and their many prompts, each once.
    const areas = await sql<{ n: number }>`SELECT count(*)::int AS n FROM checklist_prompts WHERE partnership_id = ${p.partnershipId}`.execute(h.db);
    expect(rows('checklist_prompts')).toHaveLength(areas.rows[0]!.n);
    expect(new Set(rows('checklist_prompts').map((r) => r.id)).size).toBe(areas.rows[0]!.n);
    expect(rows('observations').map((r) => r.id)).toEqual([recent.observation]);
    expect(files.get('tables/observations.jsonl')).not.toContain(theirs.observation);
    expect(summary.tables.observations).toBe(1);
    const entry = (await new AuditLogRepository(h.db).list(p.partnershipId)).find((e) => e.action === 'partnership.export');
    expect(entry).toMatchObject({ detail: { complete: true, rows: summary.rows } });
    await expect(new PartnershipExportService(h.db).export(p.actors.scrutineer, async () => undefined)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
