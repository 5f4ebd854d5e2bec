import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Database, ReportGenerationsTable } from '../schema.js';

export type ReportKindValue = 'quarterly' | 'annual';

export interface ReportDraftRecord {
  id: string;
  partnershipId: string;
  authorId: string;
  kind: ReportKindValue;
  periodKey: string;
  version: number;
  updatedAt: Date;
}

export interface ReportSectionRecord {
  key: string;
  narrative: string;
  version: number;
  updatedAt: Date;
}

export interface ReportGenerationRecord {
  id: string;
  draftId: string;
  generatedById: string;
  generatedBy: string;
  kind: ReportKindValue;
  periodKey: string;
  fileName: string;
  store: 'graph' | 'local';
  webUrl: string | null;
  localPath: string | null;
  versionLabel: string;
  sizeBytes: number;
  generatedAt: Date;
}

export type NewReportGeneration = Omit<ReportGenerationRecord, 'generatedBy' | 'generatedAt'> & { content: Uint8Array; snapshot: unknown };

const draftColumns = ['id', 'partnership_id', 'author_id', 'kind', 'period_key', 'version', 'updated_at'] as const;
type DraftRow = { id: string; partnership_id: string; author_id: string; kind: ReportKindValue; period_key: string; version: number; updated_at: Date };
const toDraft = (r: DraftRow): ReportDraftRecord => ({
  id: r.id,
  partnershipId: r.partnership_id,
  authorId: r.author_id,
  kind: r.kind,
  periodKey: r.period_key,
  version: r.version,
  updatedAt: r.updated_at,
});

/**
 * Report drafts and what their authors keep in them (migration 0009): narratives with versions, evidence
 * choices, and each generated document with its snapshot. Every query names the partnership.
 */
export class ReportsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The author's draft for a kind and period, made on first open. */
  async open(partnershipId: string, authorId: string, kind: ReportKindValue, periodKey: string): Promise<ReportDraftRecord> {
    await this.db
      .insertInto('report_drafts')
      .values({ id: randomUUID(), partnership_id: partnershipId, author_id: authorId, kind, period_key: periodKey })
      .onConflict((oc) => oc.columns(['partnership_id', 'author_id', 'kind', 'period_key']).doNothing())
      .execute();
    const row = await this.db
      .selectFrom('report_drafts')
      .select(draftColumns)
      .where('partnership_id', '=', partnershipId)
      .where('author_id', '=', authorId)
      .where('kind', '=', kind)
      .where('period_key', '=', periodKey)
      .executeTakeFirstOrThrow();
    return toDraft(row);
  }

  async find(partnershipId: string, draftId: string): Promise<ReportDraftRecord | undefined> {
    const row = await this.db.selectFrom('report_drafts').select(draftColumns).where('partnership_id', '=', partnershipId).where('id', '=', draftId).executeTakeFirst();
    return row && toDraft(row);
  }

  async listForAuthor(partnershipId: string, authorId: string, kind?: ReportKindValue): Promise<(ReportDraftRecord & { lastGeneratedAt: Date | null })[]> {
    let q = this.db
      .selectFrom('report_drafts as d')
      .select([...draftColumns.map((c) => `d.${c}` as const), (eb) => eb.selectFrom('report_generations as g').whereRef('g.draft_id', '=', 'd.id').select((e) => e.fn.max('g.generated_at').as('m')).as('last_generated_at')])
      .where('d.partnership_id', '=', partnershipId)
      .where('d.author_id', '=', authorId);
    if (kind) q = q.where('d.kind', '=', kind);
    const rows = await q.orderBy('d.updated_at', 'desc').execute();
    return rows.map((r) => ({ ...toDraft(r), lastGeneratedAt: (r.last_generated_at as Date | null) ?? null }));
  }

  async sections(partnershipId: string, draftId: string): Promise<ReportSectionRecord[]> {
    const rows = await this.db
      .selectFrom('report_sections')
      .select(['section_key', 'narrative', 'version', 'updated_at'])
      .where('partnership_id', '=', partnershipId)
      .where('draft_id', '=', draftId)
      .execute();
    return rows.map((r) => ({ key: r.section_key, narrative: r.narrative, version: r.version, updatedAt: r.updated_at }));
  }

  /**
   * Saves a section's narrative if its version is still `expectedVersion` (0: never saved), raising it and
   * the draft's version in one transaction. `undefined` when someone saved it meanwhile.
   */
  async saveSection(
    partnershipId: string,
    draftId: string,
    key: string,
    narrative: string,
    expectedVersion: number,
  ): Promise<{ section: ReportSectionRecord; draftVersion: number } | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const saved =
        expectedVersion === 0
          ? await trx
              .insertInto('report_sections')
              .values({ partnership_id: partnershipId, draft_id: draftId, section_key: key, narrative, version: 1 })
              .onConflict((oc) => oc.columns(['draft_id', 'section_key']).doNothing())
              .returning(['section_key', 'narrative', 'version', 'updated_at'])
              .executeTakeFirst()
          : await trx
              .updateTable('report_sections')
              .set({ narrative, version: expectedVersion + 1, updated_at: sql`now()` })
              .where('partnership_id', '=', partnershipId)
              .where('draft_id', '=', draftId)
              .where('section_key', '=', key)
              .where('version', '=', expectedVersion)
              .returning(['section_key', 'narrative', 'version', 'updated_at'])
              .executeTakeFirst();
      if (!saved) return undefined;
      const draftVersion = await bumpDraft(trx, partnershipId, draftId);
      return { section: { key: saved.section_key, narrative: saved.narrative, version: saved.version, updatedAt: saved.updated_at }, draftVersion };
    });
  }

  /** An area of the partnership's current checklist framework: the areas a report has sections for. */
  async isCurrentArea(partnershipId: string, areaId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('checklist_areas as a')
      .innerJoin('partnerships as p', (j) => j.onRef('p.id', '=', 'a.partnership_id').onRef('p.checklist_framework_id', '=', 'a.framework_id'))
      .select('a.id')
      .where('a.partnership_id', '=', partnershipId)
      .where('a.id', '=', areaId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Of these observations, the author's own that are private (they cannot go in a document). */
  async ownPrivateObservations(partnershipId: string, authorId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('observations')
      .select('id')
      .where('partnership_id', '=', partnershipId)
      .where('author_id', '=', authorId)
      .where('visibility', '=', 'private')
      .where('id', 'in', ids)
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  async choices(partnershipId: string, draftId: string): Promise<Map<string, boolean>> {
    const rows = await this.db
      .selectFrom('report_evidence_choices')
      .select(['evidence_id', 'included'])
      .where('partnership_id', '=', partnershipId)
      .where('draft_id', '=', draftId)
      .execute();
    return new Map(rows.map((r) => [r.evidence_id, r.included]));
  }

  /** Records each choice (the last word wins) and raises the draft's version. */
  async setChoices(partnershipId: string, draftId: string, items: { id: string; included: boolean }[]): Promise<number> {
    const latest = new Map(items.map((i) => [i.id, i.included]));
    return this.db.transaction().execute(async (trx) => {
      const values = [...latest].map(([id, included]) => ({ partnership_id: partnershipId, draft_id: draftId, evidence_id: id, included }));
      for (let i = 0; i < values.length; i += 1000) {
        await trx
          .insertInto('report_evidence_choices')
          .values(values.slice(i, i + 1000))
          .onConflict((oc) => oc.columns(['draft_id', 'evidence_id']).doUpdateSet((eb) => ({ included: eb.ref('excluded.included') })))
          .execute();
      }
      return bumpDraft(trx, partnershipId, draftId);
    });
  }

  async insertGeneration(partnershipId: string, g: NewReportGeneration): Promise<void> {
    await this.db
      .insertInto('report_generations')
      .values({
        id: g.id,
        partnership_id: partnershipId,
        draft_id: g.draftId,
        generated_by_id: g.generatedById,
        kind: g.kind,
        period_key: g.periodKey,
        file_name: g.fileName,
        store: g.store,
        web_url: g.webUrl,
        local_path: g.localPath,
        version_label: g.versionLabel,
        size_bytes: g.sizeBytes,
        content: g.content,
        snapshot: JSON.stringify(g.snapshot),
      })
      .execute();
  }

  async countGenerationsOfFile(partnershipId: string, fileName: string): Promise<number> {
    const row = await this.db
      .selectFrom('report_generations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('partnership_id', '=', partnershipId)
      .where('file_name', '=', fileName)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private generations(partnershipId: string) {
    return this.db
      .selectFrom('report_generations as g')
      .innerJoin('people as p', (j) => j.onRef('p.partnership_id', '=', 'g.partnership_id').onRef('p.id', '=', 'g.generated_by_id'))
      .select([
        'g.id',
        'g.draft_id',
        'g.generated_by_id',
        'p.display_name',
        'g.kind',
        'g.period_key',
        'g.file_name',
        'g.store',
        'g.web_url',
        'g.local_path',
        'g.version_label',
        'g.size_bytes',
        'g.generated_at',
      ])
      .where('g.partnership_id', '=', partnershipId);
  }

  /** The draft's last generation and its snapshot. */
  async lastGeneration(partnershipId: string, draftId: string): Promise<{ record: ReportGenerationRecord; snapshot: unknown } | undefined> {
    const row = await this.generations(partnershipId)
      .select('g.snapshot')
      .where('g.draft_id', '=', draftId)
      .orderBy('g.generated_at', 'desc')
      .orderBy('g.id')
      .limit(1)
      .executeTakeFirst();
    return row && { record: toGeneration(row), snapshot: row.snapshot };
  }

  /** Generated documents of the partnership, newest first (without their bytes). */
  async listGenerations(partnershipId: string, kind?: ReportKindValue, limit = 200): Promise<ReportGenerationRecord[]> {
    let q = this.generations(partnershipId);
    if (kind) q = q.where('g.kind', '=', kind);
    const rows = await q.orderBy('g.generated_at', 'desc').orderBy('g.id').limit(limit).execute();
    return rows.map(toGeneration);
  }

  async generationContent(partnershipId: string, id: string): Promise<{ record: ReportGenerationRecord; content: Uint8Array } | undefined> {
    const row = await this.generations(partnershipId).select('g.content').where('g.id', '=', id).executeTakeFirst();
    return row && { record: toGeneration(row), content: row.content };
  }
}

/** Raises the draft's version (each change the author makes) and returns it. */
async function bumpDraft(db: Kysely<Database>, partnershipId: string, draftId: string): Promise<number> {
  const row = await db
    .updateTable('report_drafts')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: sql`now()` }))
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', draftId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

function toGeneration(r: Omit<Selectable<ReportGenerationsTable>, 'partnership_id' | 'content' | 'snapshot'> & { display_name: string}): ReportGenerationRecord {
  return {
    id: r.id,
    draftId: r.draft_id,
    generatedById: r.generated_by_id,
    generatedBy: r.display_name,
    kind: r.kind,
    periodKey: r.period_key,
    fileName: r.file_name,
    store: r.store,
    webUrl: r.web_url,
    localPath: r.local_path,
    versionLabel: r.version_label,
    sizeBytes: r.size_bytes,
    generatedAt: r.generated_at,
  };
}
