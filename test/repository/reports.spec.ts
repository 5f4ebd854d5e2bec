import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDraft } from '../../src/contract/reports.js';
import { type ReportLibrary, type ReportToSave } from '../../src/reports/report-library.js';
import { ReportService } from '../../src/reports/report-service.js';
import { DashboardService } from '../../src/services/dashboard-service.js';
import { ServiceError } from '../../src/services/errors.js';
import { DashboardRepository } from '../../src/storage/repositories/dashboard-repository.js';
import { ReportEvidenceRepository } from '../../src/storage/repositories/report-evidence-repository.js';
import { testDatabases } from '../support/databases.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { addReportEvidence, type ReportEvidenceFixture } from '../support/report-fixtures.js';

/** Keeps what it is given, in memory. */
class MemoryLibrary implements ReportLibrary {
  saved: ReportToSave[] = [];
  async save(report: ReportToSave) {
    this.saved.push(report);
    return { store: 'local' as const, webUrl: null, localPath: `/memory/${report.fileName}`, versionLabel: String(report.previousSaves + 1) };
  }
}

const evidenceIds = (d: ReportDraft) => new Set(d.sections.flatMap((s) => s.evidence.map((e) => e.id)));
const allText = (d: ReportDraft) => JSON.stringify(d);

describe.each(testDatabases())('report drafts on $kind', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  let p: PartnershipFixture;
  let f: ReportEvidenceFixture;
  let service: ReportService;
  const library = new MemoryLibrary();
  const now = () => new Date('2026-12-02T10:00:00Z');

  beforeAll(async () => {
    h = await target.create();
    p = await makePartnership(h.db);
    f = await addReportEvidence(h.db, p);
    await makePartnership(h.db); // another partnership: nothing of it may show
    service = new ReportService({ db: h.db, dashboard: new DashboardService(new DashboardRepository(h.db), now), library, publicUrl: 'https://los.example.org', now });
  });
  afterAll(async () => h?.dispose());

  it('opens one draft per author, kind and period, and opens the same one again', async () => {
    const a = await service.open(p.actors.scrutineer, { kind: 'quarterly', period: '2026-Q4' });
    const b = await service.open(p.actors.scrutineer, { kind: 'quarterly', period: '2026-Q4' });
    const other = await service.open(f.otherScrutineer, { kind: 'quarterly', period: '2026-Q4' });
    expect(b.id).toBe(a.id);
    expect(other.id).not.toBe(a.id);
    expect(a.period).toMatchObject({ key: '2026-Q4', kind: 'quarter', start: '2026-10-01', end: '2026-12-31' });
    expect(a.sections.map((s) => s.key)).toEqual([
      'introduction',
      ...p.areaIds.map((id) => `area.${id}`),
      'challenges',
      'recommendations',
      'voice',
      'work-plan',
      'escalations',
      'conclusion',
    ]);
  });

  it("shows the author's own private observation flagged and left out, and never another author's", async () => {
    const mine = await service.open(p.actors.scrutineer, { kind: 'quarterly', period: '2026-Q4' });
    const ids = evidenceIds(mine);
    expect(ids).toContain(`observation:${f.ownPrivateObservationId}`);
    expect(ids).toContain(`observation:${f.otherSharedObservationId}`);
    expect(ids).not.toContain(`observation:${f.otherPrivateObservationId}`);
    expect(allText(mine)).not.toContain(f.texts.otherPrivate);
    const own = mine.sections.flatMap((s) => s.evidence).find((e) => e.sourceId === f.ownPrivateObservationId)!;
    expect(own).toMatchObject({ private: true, included: false });
    expect(mine.counts.private).toBe(1);

    const theirs = await service.open(f.otherScrutineer, { kind: 'quarterly', period: '2026-Q4' });
    expect(evidenceIds(theirs)).toContain(`observation:${f.otherPrivateObservationId}`);
    expect(allText(theirs)).not.toContain(f.texts.ownPrivate);
  });

  it('reads no private observation of anyone but the viewer, nor the annotations that carry one', async () => {
    const rows = await new ReportEvidenceRepository(h.db).read(p.partnershipId, p.people.business_manager, { start: '2026-10-01', end: '2026-12-31' });
    expect(rows.observations.every((o) => o.visibility === 'shared')).toBe(true);
    expect(rows.annotations.map((a) => a.observationId)).toEqual([f.annotatedObservationId]);
    expect(rows.challenges.map((c) => c.id)).toEqual([f.challengeId]);
    expect(rows.challenges[0]!.answers.map((a) => a.text)).toEqual(['We will dip sample ten cases a month.']);
    expect(rows.actions.map((a) => a.id)).toEqual([f.actionId]);
    expect(rows.escalations).toEqual([expect.objectContaining({ id: f.escalationId, parties: ['Synthetic Police'] })]);
  });

  it("another author's draft is not found, whatever they ask of it", async () => {
    const mine = await service.open(p.actors.scrutineer, { kind: 'quarterly', period: '2026-Q4' });
    const notFound = { kind: 'not_found' };
    await expect(service.get(f.otherScrutineer, mine.id)).rejects.toMatchObject(notFound);
    await expect(service.saveSection(f.otherScrutineer, mine.id, 'introduction', { narrative: 'x', expectedVersion: 0 })).rejects.toMatchObject(notFound);
    await expect(service.generate(f.otherScrutineer, mine.id)).rejects.toMatchObject(notFound);
    await expect(service.get(p.actors.business_manager, mine.id)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('autosaves a narrative with its version, and refuses a stale save as an edit conflict', async () => {
    const draft = await service.open(p.actors.scrutineer, { kind: 'annual', period: '2026/27' });
    const first = await service.saveSection(p.actors.scrutineer, draft.id, 'introduction', { narrative: 'First words.', expectedVersion: 0 });
    expect(first).toMatchObject({ version: 1, narrative: 'First words.', narrativeChangedSinceLastDraft: true });
    const second = await service.saveSection(p.actors.scrutineer, draft.id, 'introduction', { narrative: 'Second words.', expectedVersion: 1 });
    expect(second.version).toBe(2);
    expect(second.draftVersion).toBeGreaterThan(first.draftVersion);

    const stale = service.saveSection(p.actors.scrutineer, draft.id, 'introduction', { narrative: 'From another window.', expectedVersion: 1 });
    await expect(stale).rejects.toBeInstanceOf(ServiceError);
    await expect(stale).rejects.toMatchObject({ kind: 'edit_conflict' });
    // A second "first save" of the same section is stale too.
    await expect(service.saveSection(p.actors.scrutineer, draft.id, 'introduction', { narrative: 'Also first.', expectedVersion: 0 })).rejects.toMatchObject({ kind: 'edit_conflict' });

    const read = await service.get(p.actors.scrutineer, draft.id);
    expect(read.sections.find((s) => s.key === 'introduction')).toMatchObject({ narrative: 'Second words.', version: 2 });
    await expect(service.saveSection(p.actors.scrutineer, draft.id, 'area.00000000-0000-4000-8000-000000000000', { narrative: 'x', expectedVersion: 0 })).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('keeps evidence choices, refuses to include a private observation, and marks what changed since the last generation', async () => {
    const draft = await service.open(p.actors.scrutineer, { kind: 'annual', period: '2026/27' });
    await expect(service.selectEvidence(p.actors.scrutineer, draft.id, { items: [{ id: `observation:${f.ownPrivateObservationId}`, included: true }] })).rejects.toMatchObject({ kind: 'validation_failed' });
    await service.selectEvidence(p.actors.scrutineer, draft.id, { items: [{ id: `action:${f.actionId}`, included: false }] });
    const chosen = await service.get(p.actors.scrutineer, draft.id);
    expect(chosen.sections.flatMap((s) => s.evidence).find((e) => e.id === `action:${f.actionId}`)?.included).toBe(false);
    expect(chosen.lastGenerated).toBeNull();
    expect(chosen.counts.changedSinceLastDraft).toBe(chosen.counts.evidence);

    const generated = await service.generate(p.actors.scrutineer, draft.id);
    expect(generated.document).toMatchObject({ kind: 'annual', periodKey: '2026/27', store: 'local', version: '1' });
    const after = await service.get(p.actors.scrutineer, draft.id);
    expect(after.lastGenerated?.id).toBe(generated.document.id);
    expect(after.counts.changedSinceLastDraft).toBe(0);
    expect(after.sections.every((s) => !s.narrativeChangedSinceLastDraft)).toBe(true);

    // A new observation, and an edited one, show as new and changed.
    await h.db.updateTable('observations').set({ body: 'Executive chair held partners firmly to account.' }).where('id', '=', f.sharedObservationId).execute();
    const { addObservation } = await import('../support/report-fixtures.js');
    const added = await addObservation(h.db, { partnershipId: p.partnershipId, authorId: p.people.scrutineer, areaIds: [p.areaIds[3]!], judgement: 'gone_well', evidence: 'audit', at: new Date('2027-01-10T10:00:00Z'), body: 'Audit of neglect cases completed.', shared: true });
    await h.db.deleteFrom('observation_areas').where('observation_id', '=', f.voiceObservationId).execute();
    await h.db.updateTable('observations').set({ deleted_at: new Date() }).where('id', '=', f.voiceObservationId).execute();
    const changed = await service.get(p.actors.scrutineer, draft.id);
    const byId = new Map(changed.sections.flatMap((s) => s.evidence).map((e) => [e.id, e]));
    expect(byId.get(`observation:${added}`)?.change).toBe('new');
    expect(byId.get(`observation:${f.sharedObservationId}`)?.change).toBe('changed');
    expect(byId.get(`challenge:${f.challengeId}`)?.change).toBe('unchanged');
    expect(changed.sections.find((s) => s.key === 'voice')?.removedSinceLastDraft.map((r) => r.id)).toEqual([`observation:${f.voiceObservationId}`]);

    // The second generation of the same file is its next version.
    const again = await service.generate(p.actors.scrutineer, draft.id);
    expect(again.document.version).toBe('2');
    expect(library.saved.at(-1)!.fileName).toBe(generated.document.fileName);
  });

  it('an empty period gives an empty draft, not an error', async () => {
    const draft = await service.open(p.actors.scrutineer, { kind: 'annual', period: '2020/21' });
    expect(draft.empty).toBe(true);
    expect(draft.counts.evidence).toBe(0);
    expect(draft.sections.filter((s) => s.kind === 'area').every((s) => s.area!.rag.basis === 'none')).toBe(true);
  });

  it('refuses a period that does not fit the kind', async () => {
    await expect(service.open(p.actors.scrutineer, { kind: 'annual', period: '2026-Q3' })).rejects.toMatchObject({ kind: 'validation_failed' });
  });
});
