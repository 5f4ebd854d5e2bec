import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { ChangePage, DocumentSource, SourceItem } from '../document-source.js';

export interface DriveKey {
  partnershipId: string;
  sourceKind: 'local' | 'graph';
  driveId: string;
}

/** The feed may repeat an item; the last occurrence is its state (Graph's delta remarks). */
export function lastOccurrences(items: SourceItem[]): SourceItem[] {
  const byId = new Map<string, SourceItem>();
  for (const item of items) {
    byId.delete(item.id);
    byId.set(item.id, item);
  }
  return [...byId.values()];
}

/**
 * Phase one of a sync: read the change feed page by page into drive_items, the mirror
 * of the drive's hierarchy, marking what changed. Each page and the cursor after it are
 * committed together, so after a crash the next run continues from the last committed
 * page and re-applying a page changes nothing.
 */
export async function mirrorChanges(
  db: Kysely<Database>,
  key: DriveKey,
  source: DocumentSource,
  options: { maxPages?: number; onPage?: (itemsSeen: number) => Promise<void> | void } = {},
): Promise<{ pages: number; items: number; complete: boolean; downloadUrls: Map<string, string> }> {
  const state = await db
    .selectFrom('drive_sync_state')
    .select(['cursor', 'enumeration_id'])
    .where('partnership_id', '=', key.partnershipId)
    .where('source_kind', '=', key.sourceKind)
    .where('drive_id', '=', key.driveId)
    .executeTakeFirstOrThrow();
  let cursor = state.cursor;
  // No cursor: a first (full) enumeration. Keep an enumeration already under way after a crash.
  let enumerationId = state.enumeration_id ?? (cursor === null ? randomUUID() : null);
  let pages = 0;
  let items = 0;
  // Short-lived pre-authenticated URLs from the feed: used in this run only, never stored.
  const downloadUrls = new Map<string, string>();

  for (;;) {
    if (options.maxPages !== undefined && pages >= options.maxPages) return { pages, items, complete: false, downloadUrls };
    const page: ChangePage = await source.nextPage(key.driveId, cursor);
    if (page.restarted) enumerationId = randomUUID();
    const changed = lastOccurrences(page.items);
    for (const item of changed) if (item.downloadUrl) downloadUrls.set(item.id, item.downloadUrl);
    await db.transaction().execute(async (trx) => {
      await upsertItems(trx, key, changed, enumerationId);
      await trx
        .updateTable('drive_sync_state')
        .set({ cursor: page.cursor, enumeration_id: enumerationId, updated_at: new Date(), items_done: sql`items_done + ${changed.length}` })
        .where('partnership_id', '=', key.partnershipId)
        .where('source_kind', '=', key.sourceKind)
        .where('drive_id', '=', key.driveId)
        .execute();
    });
    pages += 1;
    items += changed.length;
    await options.onPage?.(items);
    if (page.done) break;
    cursor = page.cursor;
  }

  if (enumerationId) {
    // The full enumeration is complete: whatever it did not see is gone.
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('drive_items')
        .set({ deleted_at: new Date(), needs_processing: true })
        .where('partnership_id', '=', key.partnershipId)
        .where('source_kind', '=', key.sourceKind)
        .where('drive_id', '=', key.driveId)
        .where('deleted_at', 'is', null)
        .where((eb) => eb.or([eb('seen_in', 'is', null), eb('seen_in', '!=', enumerationId)]))
        .execute();
      await trx
        .updateTable('drive_sync_state')
        .set({ enumeration_id: null })
        .where('partnership_id', '=', key.partnershipId)
        .where('source_kind', '=', key.sourceKind)
        .where('drive_id', '=', key.driveId)
        .execute();
    });
  }
  return { pages, items, complete: true, downloadUrls };
}

async function upsertItems(trx: Kysely<Database>, key: DriveKey, items: SourceItem[], enumerationId: string | null): Promise<void> {
  const base = { partnership_id: key.partnershipId, source_kind: key.sourceKind, drive_id: key.driveId };
  const deleted = items.filter((i) => i.deleted);
  const present = items.filter((i) => !i.deleted);

  if (deleted.length > 0) {
    await trx
      .updateTable('drive_items')
      .set({ deleted_at: new Date(), needs_processing: true })
      .where('partnership_id', '=', key.partnershipId)
      .where('source_kind', '=', key.sourceKind)
      .where('drive_id', '=', key.driveId)
      .where('item_id', 'in', deleted.map((i) => i.id))
      .where('deleted_at', 'is', null)
      .execute();
  }

  for (let i = 0; i < present.length; i += 500) {
    const chunk = present.slice(i, i + 500);
    await trx
      .insertInto('drive_items')
      .values(
        chunk.map((item) => ({
          ...base,
          item_id: item.id,
          parent_id: item.parentId,
          name: item.name ?? '',
          is_folder: item.isFolder,
          size_bytes: item.size ?? null,
          etag: item.eTag ?? null,
          ctag: item.cTag ?? null,
          content_hash: item.contentHash ?? null,
          fields: item.fields ? JSON.stringify(item.fields) : null,
          seen_in: enumerationId,
          deleted_at: null,
          processed_signature: null,
          last_error: null,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['partnership_id', 'source_kind', 'drive_id', 'item_id']).doUpdateSet({
          parent_id: sql`excluded.parent_id`,
          name: sql`excluded.name`,
          is_folder: sql`excluded.is_folder`,
          size_bytes: sql`excluded.size_bytes`,
          etag: sql`excluded.etag`,
          ctag: sql`excluded.ctag`,
          content_hash: sql`excluded.content_hash`,
          fields: sql`excluded.fields`,
          seen_in: sql`coalesce(excluded.seen_in, drive_items.seen_in)`,
          deleted_at: null,
          // Re-applying an unchanged item (a replayed page, a full re-enumeration) leaves it alone.
          needs_processing: sql`drive_items.needs_processing
            OR drive_items.deleted_at IS NOT NULL
            OR drive_items.name IS DISTINCT FROM excluded.name
            OR drive_items.parent_id IS DISTINCT FROM excluded.parent_id
            OR (excluded.ctag IS NOT NULL AND drive_items.ctag IS DISTINCT FROM excluded.ctag)
            OR (excluded.content_hash IS NOT NULL AND drive_items.content_hash IS DISTINCT FROM excluded.content_hash)
            OR (excluded.ctag IS NULL AND excluded.content_hash IS NULL AND drive_items.etag IS DISTINCT FROM excluded.etag)
            OR drive_items.fields IS DISTINCT FROM excluded.fields`,
        }),
      )
      .execute();
  }

  // A folder renamed or moved changes the path of everything below it, which the feed does not repeat.
  const folders = present.filter((i) => i.isFolder).map((i) => i.id);
  if (folders.length > 0) {
    await sql`
      WITH RECURSIVE below AS (
        SELECT item_id FROM drive_items
        WHERE partnership_id = ${key.partnershipId} AND source_kind = ${key.sourceKind} AND drive_id = ${key.driveId}
          AND parent_id IN (SELECT item_id FROM drive_items
                            WHERE partnership_id = ${key.partnershipId} AND source_kind = ${key.sourceKind} AND drive_id = ${key.driveId}
                              AND is_folder AND needs_processing AND item_id IN (${sql.join(folders)}))
        UNION
        SELECT d.item_id FROM drive_items d JOIN below b ON d.parent_id = b.item_id
        WHERE d.partnership_id = ${key.partnershipId} AND d.source_kind = ${key.sourceKind} AND d.drive_id = ${key.driveId}
      )
      UPDATE drive_items SET needs_processing = true
      WHERE partnership_id = ${key.partnershipId} AND source_kind = ${key.sourceKind} AND drive_id = ${key.driveId}
        AND item_id IN (SELECT item_id FROM below) AND NOT needs_processing`.execute(trx);
  }
}
