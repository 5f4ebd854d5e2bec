import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import { reanchorAll, type TextAnchor } from './anchoring.js';

/**
 * Moves every annotation of a document onto its new version: each is found again by
 * its quote and context, or marked orphaned with the reason (its original words kept).
 * Runs in the transaction that makes the version current, so no annotation ever
 * points at a version that is not the document's.
 */
export async function reanchorDocument(
  trx: Kysely<Database>,
  documentId: string,
  versionId: string,
  pages: string[] | null,
  now: Date,
): Promise<{ anchored: number; orphaned: number }> {
  const rows = await trx
    .selectFrom('annotations')
    .select(['id', 'quote', 'original_quote', 'prefix', 'suffix', 'page_number', 'start_offset', 'status'])
    .where('document_id', '=', documentId)
    .execute();
  if (rows.length === 0) return { anchored: 0, orphaned: 0 };
  // An orphan is looked for again by what was first selected; an anchored one by its current words.
  const anchors: TextAnchor[] = rows.map((r) => ({
    quote: r.status === 'orphaned' ? r.original_quote : r.quote,
    prefix: r.prefix,
    suffix: r.suffix,
    pageNumber: r.page_number,
    startOffset: r.start_offset,
  }));
  const results = pages
    ? reanchorAll(anchors, pages)
    : anchors.map(() => ({ status: 'orphaned' as const, reason: 'The new version’s text could not be read, so the passage could not be found in it.' }));
  let anchored = 0;
  for (const [i, r] of results.entries()) {
    const row = rows[i]!;
    if (r.status === 'anchored') {
      anchored += 1;
      await trx
        .updateTable('annotations')
        .set({ document_version_id: versionId, page_number: r.pageNumber, start_offset: r.startOffset, end_offset: r.endOffset, quote: r.quote, status: 'anchored', anchor_confidence: r.confidence, orphan_reason: null, updated_at: now })
        .where('id', '=', row.id)
        .execute();
    } else {
      await trx
        .updateTable('annotations')
        .set({ document_version_id: versionId, status: 'orphaned', anchor_confidence: 0, orphan_reason: r.reason, updated_at: now })
        .where('id', '=', row.id)
        .execute();
    }
  }
  return { anchored, orphaned: results.length - anchored };
}
