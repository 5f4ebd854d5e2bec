import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../src/demo/demo-partnership.js';
import { loadConfig } from '../../src/config/config.js';
import { seedDemoIfEmpty } from '../../src/demo/seed-demo.js';
import { createDocumentPipeline } from '../../src/documents/document-pipeline.js';
import { ROLES } from '../../src/domain/vocabulary.js';
import { DashboardService } from '../../src/services/dashboard-service.js';
import { EscalationService } from '../../src/services/escalation-service.js';
import { WorkPlanService } from '../../src/services/work-plan-service.js';
import { DashboardRepository } from '../../src/storage/repositories/dashboard-repository.js';
import { testDatabases } from '../support/databases.js';

const NOW = new Date('2026-11-22T12:00:00Z');

describe.each(testDatabases())('demo seed on $kind', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  let dataDir: string;
  let libraryDir: string;
  let seedOptions: Parameters<typeof seedDemoIfEmpty>[1];
  beforeAll(async () => {
    h = await target.create();
    dataDir = mkdtempSync(path.join(tmpdir(), 'los-lib-'));
    const config = loadConfig({ DATA_DIR: dataDir }, dataDir);
    libraryDir = config.documentLibraryDir;
    const documents = createDocumentPipeline(config, h.db);
    seedOptions = { libraryDir, now: NOW, syncDocuments: async (id) => void (await documents.runner.syncPartnership(id)) };
    expect(await seedDemoIfEmpty(h.db, seedOptions)).toBe(true);
  });
  afterAll(async () => {
    await h?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('makes one synthetic partnership that says so', async () => {
    const ps = await h.db.selectFrom('partnerships').selectAll().execute();
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ name: DEMO_PARTNERSHIP.name, is_synthetic: true });
  });

  it('has people in every role', async () => {
    const roles = await h.db.selectFrom('people').select('role').distinct().execute();
    expect(roles.map((r) => r.role).sort()).toEqual([...ROLES].sort());
  });

  it('has forums with chairs and a year of meetings', async () => {
    const forums = await h.db.selectFrom('forums').select(['name', 'chair_person_id']).execute();
    expect(forums.map((f) => f.name)).toEqual(expect.arrayContaining(['Executive', 'Partnership Board', 'Quality Assurance Subgroup']));
    expect(forums.every((f) => f.chair_person_id)).toBe(true);
    const meetings = await h.db.selectFrom('meetings').select(['starts_at']).orderBy('starts_at').execute();
    expect(meetings.length).toBeGreaterThanOrEqual(30);
    const spanDays = (meetings.at(-1)!.starts_at.getTime() - meetings[0]!.starts_at.getTime()) / 86400_000;
    expect(spanDays).toBeGreaterThan(300);
  });

  it('brings real Word and PDF files in through the sync, one document per file, with matching sizes', async () => {
    const docs = await h.db
      .selectFrom('documents as d')
      .innerJoin('document_versions as v', 'v.id', 'd.current_version_id')
      .innerJoin('forums as f', 'f.id', 'd.forum_id')
      .select(['d.path', 'd.kind', 'd.meeting_id', 'f.name as forum', 'v.size_bytes', 'v.mime_type', 'v.extraction_status', 'v.page_count'])
      .execute();
    expect(docs.length).toBeGreaterThan(50);
    expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(['agenda', 'paper', 'minutes']));
    // Every demo paper is attached to its meeting by the date in its folder and name, and its text is read.
    expect(docs.every((d) => d.meeting_id !== null)).toBe(true);
    expect(docs.every((d) => d.extraction_status === 'extracted' && d.page_count! >= 1)).toBe(true);
    for (const d of docs) {
      const file = path.join(libraryDir, d.forum, d.path);
      expect(existsSync(file), file).toBe(true);
      const bytes = readFileSync(file);
      expect(bytes.length).toBe(d.size_bytes);
      const magic = bytes.subarray(0, 4).toString('latin1');
      expect(magic).toBe(d.mime_type === 'application/pdf' ? '%PDF' : 'PK\u0003\u0004');
    }
  });

  it('gives every surface something to show: observations, challenges, actions, work plan, checklists', async () => {
    const count = async (table: 'observations' | 'challenges' | 'actions' | 'work_plan_days' | 'escalations' | 'area_assessments' | 'evidence_requests' | 'checklist_frameworks' | 'agenda_items') =>
      Number((await h.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('observations')).toBeGreaterThan(10);
    expect(await count('challenges')).toBeGreaterThan(3);
    expect(await count('actions')).toBeGreaterThan(10);
    expect(await count('work_plan_days')).toBeGreaterThan(10);
    expect(await count('escalations')).toBeGreaterThan(0);
    expect(await count('area_assessments')).toBeGreaterThan(0);
    expect(await count('evidence_requests')).toBeGreaterThan(0);
    expect(await count('checklist_frameworks')).toBe(2);
    expect(await count('agenda_items')).toBeGreaterThan(50);
  });

  it('installs the six-area default checklist with prompts', async () => {
    const areas = await h.db
      .selectFrom('checklist_areas as a')
      .innerJoin('partnerships as p', 'p.checklist_framework_id', 'a.framework_id')
      .select(['a.title', (eb) => eb.selectFrom('checklist_prompts as pr').whereRef('pr.area_id', '=', 'a.id').select(eb.fn.countAll<number>().as('n')).as('prompts')])
      .orderBy('a.position')
      .execute();
    expect(areas.map((a) => a.title)).toEqual([
      'Leadership',
      'Engagement of relevant agencies',
      'Outcomes for children and young people (voice and engagement)',
      'Quality assurance and information sharing',
      'Learning from local and national reviews and research',
      'Multi-agency safeguarding training and workforce development',
    ]);
    expect(areas.every((a) => Number(a.prompts) >= 1)).toBe(true);
  });

  it('gives the dashboard, the work plan and the escalations log something to show', async () => {
    const partnership = await h.db.selectFrom('partnerships').select('id').executeTakeFirstOrThrow();
    const reader = await h.db.selectFrom('people').select(['id', 'display_name']).where('role', '=', 'read_only').executeTakeFirstOrThrow();
    const actor = { personId: reader.id, partnershipId: partnership.id, role: 'read_only' as const, displayName: reader.display_name, surface: 'tab' as const };
    const dashboard = await new DashboardService(new DashboardRepository(h.db), () => NOW).dashboard(actor, {});
    expect(dashboard.period.key).toBe('2026/27');
    expect(dashboard.areas.flatMap((a) => a.quarters).some((q) => q.actions.red + q.actions.amber + q.actions.green > 0)).toBe(true);
    expect(dashboard.challenges.raised).toBeGreaterThan(3);
    expect(dashboard.workPlan).toMatchObject({ budgetDays: DEMO_PARTNERSHIP.scrutinyDaysBudget });
    expect(dashboard.workPlan.usedDays).toBeGreaterThan(0);
    const plan = await new WorkPlanService(h.db, () => NOW).get(actor, {});
    expect(plan.activities.length).toBeGreaterThan(5);
    // Nothing is used in a quarter that has not begun (Q4 is January to March).
    expect(plan.activities.every((a) => a.quarters[3]!.actualDays === 0)).toBe(true);
    const log = await new EscalationService(h.db, () => NOW).list(actor, {});
    expect(log.length).toBeGreaterThanOrEqual(3);
    expect(log.some((e) => e.challenge !== null && e.parties.length > 0)).toBe(true);
  });

  it('does nothing on a database that already has a partnership', async () => {
    expect(await seedDemoIfEmpty(h.db, seedOptions)).toBe(false);
    expect(await h.db.selectFrom('partnerships').select('id').execute()).toHaveLength(1);
  });
});
