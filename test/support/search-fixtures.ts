import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DocumentKind } from '../../src/domain/vocabulary.js';
import type { Database } from '../../src/storage/schema.js';

export interface SearchableDocument {
  partnershipId: string;
  title: string;
  pages: string[];
  kind?: DocumentKind;
  forumId?: string | null;
  meetingId?: string | null;
  documentDate?: string | null;
}

/**
 * A document with one current version and extracted pages, written straight to the database so a
 * test has searchable text without waiting for the sync pipeline. It names a Graph drive that no
 * test configures, so a local-folder sync never sees it (and never removes it).
 */
export async function addSearchableDocument(db: Kysely<Database>, doc: SearchableDocument): Promise<{ documentId: string; versionId: string }> {
  const documentId = randomUUID();
  const versionId = randomUUID();
  const fileName = `${doc.title}.pdf`;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('documents')
      .values({
        id: documentId,
        partnership_id: doc.partnershipId,
        forum_id: doc.forumId ?? null,
        meeting_id: doc.meetingId ?? null,
        kind: doc.kind ?? 'paper',
        title: doc.title,
        source: 'graph',
        drive_id: 'test-search-drive',
        item_id: documentId,
        path: fileName,
        web_url: null,
        current_version_id: versionId,
        document_date: doc.documentDate ?? null,
        deleted_at: null,
      })
      .execute();
    await trx
      .insertInto('document_versions')
      .values({ id: versionId, partnership_id: doc.partnershipId, document_id: documentId, version_number: 1, file_name: fileName, mime_type: 'application/pdf', size_bytes: 1000, etag: null, ctag: null, content_hash: null, content_path: null, source_modified_at: null, extraction_error: null, page_count: doc.pages.length, pdf_rendition_path: null })
      .execute();
    if (doc.pages.length > 0) {
      await trx
        .insertInto('document_pages')
        .values(doc.pages.map((text, i) => ({ partnership_id: doc.partnershipId, document_version_id: versionId, page_number: i + 1, text })))
        .execute();
    }
  });
  return { documentId, versionId };
}

