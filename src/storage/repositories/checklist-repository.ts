import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { FrameworkFile } from '../../checklists/frameworks.js';
import type { Database } from '../schema.js';

export interface ChecklistRecord {
  frameworkId: string;
  key: string;
  version: number;
  title: string;
  areas: { id: string; key: string; position: number; title: string; description: string; prompts: string[] }[];
}

export class ChecklistRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Copies a shipped framework into a partnership, so later edits there never change another's. */
  async install(partnershipId: string, framework: FrameworkFile, trx: Transaction<Database> | Kysely<Database> = this.db): Promise<string> {
    const frameworkId = randomUUID();
    await trx
      .insertInto('checklist_frameworks')
      .values({
        id: frameworkId,
        partnership_id: partnershipId,
        key: framework.key,
        version: framework.version,
        title: framework.title,
        source_note: framework.sourceNote,
      })
      .execute();
    for (const [i, area] of framework.areas.entries()) {
      const areaId = randomUUID();
      await trx
        .insertInto('checklist_areas')
        .values({ id: areaId, partnership_id: partnershipId, framework_id: frameworkId, key: area.key, position: i + 1, title: area.title, description: area.description })
        .execute();
      await trx
        .insertInto('checklist_prompts')
        .values(area.prompts.map((text, j) => ({ id: randomUUID(), partnership_id: partnershipId, area_id: areaId, position: j + 1, text })))
        .execute();
    }
    return frameworkId;
  }

  /** The partnership's chosen framework with its areas and prompts. */
  async current(partnershipId: string): Promise<ChecklistRecord | undefined> {
    const fw = await this.db
      .selectFrom('partnerships as p')
      .innerJoin('checklist_frameworks as f', 'f.id', 'p.checklist_framework_id')
      .where('p.id', '=', partnershipId)
      .select(['f.id', 'f.key', 'f.version', 'f.title'])
      .executeTakeFirst();
    if (!fw) return undefined;
    const areas = await this.db
      .selectFrom('checklist_areas')
      .where('framework_id', '=', fw.id)
      .select(['id', 'key', 'position', 'title', 'description'])
      .orderBy('position')
      .execute();
    const prompts = await this.db
      .selectFrom('checklist_prompts as pr')
      .innerJoin('checklist_areas as a', 'a.id', 'pr.area_id')
      .where('a.framework_id', '=', fw.id)
      .select(['pr.area_id', 'pr.text'])
      .orderBy('pr.area_id')
      .orderBy('pr.position')
      .execute();
    return {
      frameworkId: fw.id,
      key: fw.key,
      version: fw.version,
      title: fw.title,
      areas: areas.map((a) => ({ ...a, prompts: prompts.filter((p) => p.area_id === a.id).map((p) => p.text) })),
    };
  }

  /** Which of these area ids belong to the partnership's current framework. */
  async areasInCurrentFramework(partnershipId: string, areaIds: string[]): Promise<Set<string>> {
    if (areaIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('checklist_areas as a')
      .innerJoin('partnerships as p', 'p.checklist_framework_id', 'a.framework_id')
      .where('p.id', '=', partnershipId)
      .where('a.id', 'in', areaIds)
      .select('a.id')
      .execute();
    return new Set(rows.map((r) => r.id));
  }
}
