import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { reanchorDocument } from '../../annotations/reanchor-document.js';
import type { Database } from '../../storage/schema.js';
import { classifyDocument, type DocumentConventions, documentDate, titleFromFileName } from '../classification.js';
import type { ContentStore } from '../content-store.js';
import { ConversionUnavailableError, type DocumentSource, type ItemDetails, type SourceItem } from '../document-source.js';
import { DriveTree, type TreeNode } from './drive-tree.js';
import type { DriveKey } from './mirror-pages.js';
import { ukCalendarDay } from '../../domain/uk-date.js';

export type ExtractionOutcome =
  | { status: 'extracted'; pages: string[] }
  | { status: 'failed' | 'skipped'; reason: string; code: string };
export type Extractor = (bytes: Uint8Array, mimeType: string, fileName: string) => Promise<ExtractionOutcome>;

export interface ProcessDeps {
  db: Kysely<Database>;
  source: DocumentSource;
  store: ContentStore;
  extract: Extractor;
  conventions: DocumentConventions;
  now: () => Date;
}

interface PendingItem {
  item_id: string;
  parent_id: string | null;
  name: string;
  size_bytes: number | null;
  etag: string | null;
  ctag: string | null;
  content_hash: string | null;
  deleted_at: Date | null;
  processed_signature: string | null;
  fields: Record<string, unknown> | null;
}

interface SourceConfig {
  forumId: string;
  folderItemId: string | null;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ppt: 'application/vnd.ms-powerpoint',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  odt: 'application/vnd.oasis.opendocument.text',
  rtf: 'application/rtf',
  txt: 'text/plain',
};
export const mimeTypeOf = (fileName: string) => MIME_BY_EXTENSION[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/** What identifies the bytes: the source's hash, else its cTag, else size and eTag. */
const signatureOf = (i: { content_hash: string | null; ctag: string | null; etag: string | null; size_bytes: number | null }) =>
  i.content_hash ? `hash:${i.content_hash}` : i.ctag ? `ctag:${i.ctag}` : `etag:${i.etag ?? ''}:${i.size_bytes ?? ''}`;


/**
 * Phase two of a sync: apply each changed item to documents and versions. Content is
 * downloaded only when its signature changed; each item commits on its own, and a
 * file that cannot be read is recorded with a reason and never stops the rest.
 */
export async function processChangedItems(
  deps: ProcessDeps,
  key: DriveKey,
  onProgress: (done: number, total: number) => Promise<void>,
  downloadUrls: Map<string, string> = new Map(),
): Promise<{ processed: number; failed: number; downloaded: number }> {
  const { db } = deps;
  const scope = (q: any) => q.where('partnership_id', '=', key.partnershipId).where('source_kind', '=', key.sourceKind).where('drive_id', '=', key.driveId);
  const pending: PendingItem[] = await scope(
    db
      .selectFrom('drive_items')
      .select(['item_id', 'parent_id', 'name', 'size_bytes', 'etag', 'ctag', 'content_hash', 'deleted_at', 'processed_signature', 'fields'])
      .where('needs_processing', '=', true)
      .where('is_folder', '=', false),
  )
    .orderBy('item_id')
    .execute();

  const tree = await DriveTree.load(db, key);
  const sources: SourceConfig[] = (
    await db
      .selectFrom('document_sources')
      .select(['forum_id', 'folder_item_id'])
      .where('partnership_id', '=', key.partnershipId)
      .where('kind', '=', key.sourceKind)
      .where('drive_id', '=', key.driveId)
      .execute()
  ).map((s) => ({ forumId: s.forum_id, folderItemId: s.folder_item_id }));
  const meetings = await meetingsByForumAndDay(db, key.partnershipId);

  // The feed may leave out cTag and download URL (SharePoint does): ask for them in batches.
  const needDetails = pending.filter((p) => !p.deleted_at && !p.content_hash && !p.ctag).map((p) => p.item_id);
  const details = needDetails.length > 0 ? await deps.source.describe(key.driveId, needDetails) : new Map<string, ItemDetails>();

  let done = 0;
  let failed = 0;
  let downloaded = 0;
  await onProgress(0, pending.length);
  for (const p of pending) {
    const feedUrl = downloadUrls.get(p.item_id);
    const d = { ...(feedUrl ? { downloadUrl: feedUrl } : {}), ...details.get(p.item_id) };
    const item = { ...p, ctag: p.ctag ?? d.cTag ?? null, content_hash: p.content_hash ?? d.contentHash ?? null, size_bytes: p.size_bytes ?? d.size ?? null };
    try {
      const result = await processOne(deps, key, item, d, tree, sources, meetings);
      if (result === 'downloaded') downloaded += 1;
    } catch (error) {
      failed += 1;
      await scope(db.updateTable('drive_items').set({ last_error: describeError(error) }).where('item_id', '=', p.item_id)).execute();
    }
    done += 1;
    await onProgress(done, pending.length);
  }
  // Folders carry no documents; their changes were applied through their files' paths.
  await scope(db.updateTable('drive_items').set({ needs_processing: false }).where('is_folder', '=', true).where('needs_processing', '=', true)).execute();
  return { processed: done, failed, downloaded };
}

function describeError(error: unknown): string {
  return (error as Error)?.message?.slice(0, 500) ?? String(error);
}

async function meetingsByForumAndDay(db: Kysely<Database>, partnershipId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('meetings').select(['id', 'forum_id', 'starts_at']).where('partnership_id', '=', partnershipId).execute();
  return new Map(rows.map((m) => [`${m.forum_id}|${ukCalendarDay(m.starts_at)}`, m.id]));
}

/** The deepest configured folder that holds the item. */
function placeOf(ancestors: TreeNode[], sources: SourceConfig[]): { source: SourceConfig; below: string[] } | undefined {
  for (let depth = ancestors.length - 1; depth >= 0; depth -= 1) {
    const folder = ancestors[depth]!;
    const source = sources.find((s) => s.folderItemId === folder.id || (s.folderItemId === null && folder.parentId === null));
    if (source) return { source, below: ancestors.slice(depth + 1).map((a) => a.name) };
  }
  return undefined;
}

async function processOne(
  deps: ProcessDeps,
  key: DriveKey,
  item: PendingItem,
  details: ItemDetails | undefined,
  tree: DriveTree,
  sources: SourceConfig[],
  meetings: Map<string, string>,
): Promise<'deleted' | 'updated' | 'downloaded' | 'ignored'> {
  const { db } = deps;
  const existing = await db
    .selectFrom('documents as d')
    .leftJoin('document_versions as v', 'v.id', 'd.current_version_id')
    .select(['d.id', 'd.current_version_id', 'v.content_hash', 'v.version_number'])
    .where('d.partnership_id', '=', key.partnershipId)
    .where('d.source', '=', key.sourceKind)
    .where('d.drive_id', '=', key.driveId)
    .where('d.item_id', '=', item.item_id)
    .executeTakeFirst();
  const ancestors = item.deleted_at ? undefined : tree.ancestors(item.parent_id);
  const place = ancestors ? placeOf(ancestors, sources) : undefined;

  const finish = (trx: Kysely<Database>, signature: string | null) =>
    trx
      .updateTable('drive_items')
      .set({ needs_processing: false, processed_signature: signature, last_error: null })
      .where('partnership_id', '=', key.partnershipId)
      .where('source_kind', '=', key.sourceKind)
      .where('drive_id', '=', key.driveId)
      .where('item_id', '=', item.item_id)
      .execute();

  // Deleted, or moved out of every configured folder: the document goes, its versions stay.
  if (!place) {
    await db.transaction().execute(async (trx) => {
      if (existing) await trx.updateTable('documents').set({ deleted_at: deps.now(), updated_at: deps.now() }).where('id', '=', existing.id).execute();
      await finish(trx, item.processed_signature);
    });
    return existing ? 'deleted' : 'ignored';
  }

  const folders = place.below;
  const kind = classifyDocument(folders, item.name, deps.conventions);
  const date = documentDate(folders, item.name, item.fields ?? undefined, deps.conventions);
  const meetingId = date ? (meetings.get(`${place.source.forumId}|${date}`) ?? null) : null;
  const path = [...folders, item.name].join('/');
  const metadata = {
    forum_id: place.source.forumId,
    meeting_id: meetingId,
    kind,
    title: titleFromFileName(item.name),
    path,
    document_date: date,
    deleted_at: null,
    updated_at: deps.now(),
  };
  const signature = signatureOf(item);

  if (existing?.current_version_id && item.processed_signature === signature) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('documents').set(metadata).where('id', '=', existing.id).execute();
      await finish(trx, signature);
    });
    return 'updated';
  }

  const mimeType = mimeTypeOf(item.name);
  const bytes = await deps.source.download(key.driveId, {
    id: item.item_id,
    name: item.name,
    parentId: item.parent_id,
    isFolder: false,
    deleted: false,
    ...details,
  } as SourceItem & ItemDetails);
  const stored = await deps.store.put(bytes);

  if (existing?.current_version_id && existing.content_hash === stored.hash) {
    // Same bytes under a new tag (e.g. a metadata-only change): no new version.
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('documents').set(metadata).where('id', '=', existing.id).execute();
      await finish(trx, signature);
    });
    return 'downloaded';
  }

  const extraction = await extractWithRendition(deps, key, item, bytes, mimeType);
  const documentId = existing?.id ?? randomUUID();
  const versionId = randomUUID();
  await db.transaction().execute(async (trx) => {
    if (!existing) {
      await trx
        .insertInto('documents')
        .values({ id: documentId, partnership_id: key.partnershipId, source: key.sourceKind, drive_id: key.driveId, item_id: item.item_id, web_url: null, current_version_id: null, ...metadata })
        .execute();
    }
    const next = await trx
      .selectFrom('document_versions')
      .select(sql<number>`coalesce(max(version_number), 0) + 1`.as('n'))
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('document_versions')
      .values({
        id: versionId,
        partnership_id: key.partnershipId,
        document_id: documentId,
        version_number: Number(next.n),
        file_name: item.name,
        mime_type: mimeType,
        size_bytes: bytes.byteLength,
        etag: item.etag,
        ctag: item.ctag,
        content_hash: stored.hash,
        content_path: stored.relativePath,
        source_modified_at: null,
        extraction_status: extraction.status,
        extraction_error: extraction.status === 'extracted' ? null : extraction.reason,
        page_count: extraction.status === 'extracted' ? extraction.pages.length : null,
        pdf_rendition_path: extraction.renditionPath,
      })
      .execute();
    if (extraction.status === 'extracted' && extraction.pages.length > 0) {
      for (let i = 0; i < extraction.pages.length; i += 200) {
        await trx
          .insertInto('document_pages')
          .values(extraction.pages.slice(i, i + 200).map((text, j) => ({ partnership_id: key.partnershipId, document_version_id: versionId, page_number: i + j + 1, text: text.replaceAll('\u0000', '') })))
          .execute();
      }
    }
    await trx.updateTable('documents').set({ ...metadata, current_version_id: versionId }).where('id', '=', documentId).execute();
    if (existing) await reanchorDocument(trx, documentId, versionId, extraction.status === 'extracted' ? extraction.pages : null, deps.now());
    await finish(trx, signature);
  });
  return 'downloaded';
}

type ExtractionWithRendition = ExtractionOutcome & { renditionPath: string | null };

/** Office files other than Word are read through their PDF rendition, where the source can make one. */
async function extractWithRendition(deps: ProcessDeps, key: DriveKey, item: PendingItem, bytes: Uint8Array, mimeType: string): Promise<ExtractionWithRendition> {
  const first = await deps.extract(bytes, mimeType, item.name);
  if (first.status !== 'skipped' || first.code !== 'needs_conversion') return { ...first, renditionPath: null };
  try {
    const pdf = await deps.source.downloadPdfRendition(key.driveId, item.item_id);
    const stored = await deps.store.put(pdf);
    const second = await deps.extract(pdf, 'application/pdf', `${item.name}.pdf`);
    return { ...second, renditionPath: stored.relativePath };
  } catch (error) {
    const reason = error instanceof ConversionUnavailableError ? error.message : `The PDF rendition could not be made: ${describeError(error)}`;
    return { status: 'skipped', code: 'needs_conversion', reason, renditionPath: null };
  }
}
