import { randomUUID } from 'node:crypto';
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { ActionValues, ImportLookups, RowPlan } from '../../action-import/plan-rows.js';
import { checkEvidenceLink } from '../../domain/evidence-links.js';
import type { Surface } from '../../domain/vocabulary.js';
import type { ActionEvidenceTable, ActionHistoryTable, ActionsTable, Database } from '../schema.js';
import { ActionTrackerRepository } from './action-tracker-repository.js';

export interface ImportWriteContext {
  partnershipId: string;
  actorId: string | null;
  surface: Surface;
  at: Date;
  /** Recorded in each history entry: where the row came from. */
  source: { fileName: string; sheet: string };
  /** Names of the ids an update changes, for the history (people, agencies, areas, forums). */
  names: Map<string, string>;
}

export interface ImportWriteCounts {
  created: number;
  updated: number;
}

// Rows per INSERT: well under PostgreSQL's 65,535 parameters with the widest row (actions, 22 columns).
const BATCH = 500;

/**
 * What an import reads and writes. Construct it on a transaction: the lookups, every row and the audit
 * entry then stand or fall together.
 */
export class ActionImportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every import of a partnership waits for the one before it, so two cannot both create one reference. */
  async lockPartnership(partnershipId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`action-import:${partnershipId}`}))`.execute(this.db);
  }

  /** Everything a row's names are checked against, and the actions already in the tracker. */
  async lookups(partnershipId: string): Promise<ImportLookups> {
    const [people, agencies, areas, forums, tracker] = await Promise.all([
      this.db.selectFrom('people').select(['id', 'display_name', 'email', 'is_active', 'agency_id']).where('partnership_id', '=', partnershipId).execute(),
      this.db.selectFrom('agencies').select(['id', 'name']).where('partnership_id', '=', partnershipId).execute(),
      this.db
        .selectFrom('checklist_areas as a')
        .innerJoin('partnerships as p', (j) => j.onRef('p.id', '=', 'a.partnership_id').onRef('p.checklist_framework_id', '=', 'a.framework_id'))
        .select(['a.id', 'a.key', 'a.title', 'a.position'])
        .where('a.partnership_id', '=', partnershipId)
        .orderBy('a.position')
        .execute(),
      this.db.selectFrom('forums').select(['id', 'name']).where('partnership_id', '=', partnershipId).orderBy('position').execute(),
      new ActionTrackerRepository(this.db).list(partnershipId),
    ]);
    return {
      people: people.map((p) => ({ id: p.id, displayName: p.display_name, email: p.email, isActive: p.is_active, agencyId: p.agency_id })),
      agencies,
      areas,
      forums,
      existing: tracker.map((r) => ({
        id: r.id,
        reference: r.reference,
        title: r.title,
        description: r.description,
        source: r.source,
        sourceRef: r.sourceRef,
        areaId: r.area?.id ?? null,
        ownerId: r.owner?.id ?? null,
        agencyId: r.agency?.id ?? null,
        forumId: r.forum?.id ?? null,
        dueDate: r.dueDate,
        status: r.status,
        percentComplete: r.percentComplete,
        evidenceUrls: r.evidence.map((e) => e.url),
        lastUpdate: r.lastUpdate?.comment ?? null,
      })),
    };
  }

  /** Writes the plan: new actions in batches, then each update, then their evidence and history. */
  async write(plans: readonly RowPlan[], ctx: ImportWriteContext): Promise<ImportWriteCounts> {
    const actions: Insertable<ActionsTable>[] = [];
    const evidence: Insertable<ActionEvidenceTable>[] = [];
    const history: Insertable<ActionHistoryTable>[] = [];
    let updated = 0;
    const from = (row: number) => ({ file: ctx.source.fileName, sheet: ctx.source.sheet, row });
    // The tracker lists evidence in the order it was added: a millisecond apart keeps the file's order.
    const addEvidence = (actionId: string, urls: readonly string[]) =>
      urls.forEach((url, k) => evidence.push({ id: randomUUID(), partnership_id: ctx.partnershipId, action_id: actionId, url, title: titleOf(url), added_by_id: ctx.actorId, added_at: new Date(ctx.at.getTime() + k) }));
    const addHistory = (actionId: string, changes: Record<string, unknown>, comment: string | null) =>
      history.push({ id: randomUUID(), partnership_id: ctx.partnershipId, action_id: actionId, actor_id: ctx.actorId, surface: ctx.surface, changes: JSON.stringify(changes), comment, at: ctx.at });

    for (const p of plans) {
      if (p.kind === 'create') {
        const id = randomUUID();
        actions.push(insertRow(id, p.values, ctx));
        addEvidence(id, p.evidence);
        addHistory(id, { imported: from(p.row), created: { reference: p.values.reference, status: p.values.status, percentComplete: p.values.percentComplete }, ...(p.evidence.length ? { evidenceAdded: p.evidence } : {}) }, p.update);
      } else if (p.kind === 'update') {
        await this.db
          .updateTable('actions')
          .set({ ...updateSet(p.changes, ctx), updated_at: ctx.at })
          .where('partnership_id', '=', ctx.partnershipId)
          .where('id', '=', p.id)
          .execute();
        updated += 1;
        addEvidence(p.id, p.evidence);
        addHistory(p.id, { imported: from(p.row), ...historyChanges(p.before, p.changes, ctx.names), ...(p.evidence.length ? { evidenceAdded: p.evidence } : {}) }, p.update);
      }
    }
    for (let i = 0; i < actions.length; i += BATCH) await this.db.insertInto('actions').values(actions.slice(i, i + BATCH)).execute();
    for (let i = 0; i < evidence.length; i += BATCH) await this.db.insertInto('action_evidence').values(evidence.slice(i, i + BATCH)).execute();
    for (let i = 0; i < history.length; i += BATCH) await this.db.insertInto('action_history').values(history.slice(i, i + BATCH)).execute();
    return { created: actions.length, updated };
  }
}

function insertRow(id: string, v: ActionValues, ctx: ImportWriteContext): Insertable<ActionsTable> {
  const proposed = v.status === 'proposed_complete' || v.status === 'complete';
  return {
    id,
    partnership_id: ctx.partnershipId,
    reference: v.reference,
    title: v.title,
    description: v.description,
    source: v.source,
    source_ref: v.sourceRef,
    area_id: v.areaId,
    owner_person_id: v.ownerId,
    agency_id: v.agencyId,
    forum_id: v.forumId,
    challenge_id: null,
    due_date: v.dueDate,
    status: v.status,
    percent_complete: v.percentComplete,
    // The file says where it stood; who proposed it is not known, and the importer signs off what it says is complete.
    completion_proposed_by_id: null,
    completion_proposed_at: proposed ? ctx.at : null,
    signed_off_by_id: v.status === 'complete' ? ctx.actorId : null,
    signed_off_at: v.status === 'complete' ? ctx.at : null,
    created_at: ctx.at,
    updated_at: ctx.at,
  };
}

const COLUMN: Record<keyof ActionValues, keyof ActionsTable> = {
  reference: 'reference',
  title: 'title',
  description: 'description',
  source: 'source',
  sourceRef: 'source_ref',
  areaId: 'area_id',
  ownerId: 'owner_person_id',
  agencyId: 'agency_id',
  forumId: 'forum_id',
  dueDate: 'due_date',
  status: 'status',
  percentComplete: 'percent_complete',
};

function updateSet(changes: Partial<ActionValues>, ctx: ImportWriteContext): Updateable<ActionsTable> {
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(changes)) set[COLUMN[k as keyof ActionValues]] = v;
  // A status moved by the file carries the tracker's completion fields with it.
  if (changes.status === 'complete') Object.assign(set, { signed_off_by_id: ctx.actorId, signed_off_at: ctx.at });
  else if (changes.status === 'proposed_complete') Object.assign(set, { completion_proposed_at: ctx.at, completion_proposed_by_id: null });
  else if (changes.status) Object.assign(set, { completion_proposed_by_id: null, completion_proposed_at: null, signed_off_by_id: null, signed_off_at: null });
  return set as Updateable<ActionsTable>;
}

const HISTORY_NAME: Partial<Record<keyof ActionValues, string>> = { areaId: 'area', ownerId: 'owner', agencyId: 'agency', forumId: 'forum' };

/** field → { from, to }, as the tracker's own edits record them (names with ids for what points elsewhere). */
function historyChanges(before: Partial<ActionValues>, after: Partial<ActionValues>, names: Map<string, string>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  const named = (id: unknown) => (typeof id === 'string' ? { id, name: names.get(id) ?? '' } : null);
  for (const k of Object.keys(after) as (keyof ActionValues)[]) {
    const asName = HISTORY_NAME[k];
    if (asName) out[asName] = { from: named(before[k]), to: named(after[k]) };
    else out[k] = { from: before[k] ?? null, to: after[k] ?? null };
  }
  return out;
}

/** The file or page a link names, as the tracker titles evidence. */
function titleOf(url: string): string {
  const checked = checkEvidenceLink(url);
  return checked.ok ? checked.title : url.slice(0, 200);
}
