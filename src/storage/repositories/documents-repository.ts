import type { Kysely } from 'kysely';
import type { DocumentKind } from '../../domain/vocabulary.js';
import type { Database } from '../schema.js';

export interface DocumentRow {
  id: string;
  title: string;
  kind: DocumentKind;
  forumId: string | null;
  meetingId: string | null;
  fileName: string | null;
  pageCount: number | null;
}

export interface NewDocumentWithVersion {
  document: {
    id: string;
    partnershipId: string;
    forumId: string | null;
    meetingId: string | null;
    kind: DocumentKind;
    title: string;
    source: 'local' | 'graph';
    driveId?: string;
    itemId: string;
    path: string;
    webUrl?: string | null;
  };
  version: {
    id: string;
    fileName: string;
    mimeType: string;
    sizeBytes: number;
    contentHash: string | null;
    contentPath: string | null;
    sourceModifiedAt: Date | null;
  };
}

export class DocumentsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async listForMeeting(partnershipId: string, meetingId: string): Promise<DocumentRow[]> {
    const rows = await this.db
      .selectFrom('documents as d')
      .leftJoin('document_versions as v', 'v.id', 'd.current_version_id')
      .where('d.partnership_id', '=', partnershipId)
      .where('d.meeting_id', '=', meetingId)
      .where('d.deleted_at', 'is', null)
      .select(['d.id', 'd.title', 'd.kind', 'd.forum_id', 'd.meeting_id', 'v.file_name', 'v.page_count'])
      // Agenda first, then papers, then minutes: the order they are read in a meeting.
      .orderBy((eb) =>
        eb.case().when('d.kind', '=', 'agenda').then(0).when('d.kind', '=', 'paper').then(1).when('d.kind', '=', 'minutes').then(2).else(3).end(),
      )
      .orderBy('d.title')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      forumId: r.forum_id,
      meetingId: r.meeting_id,
      fileName: r.file_name,
      pageCount: r.page_count,
    }));
  }

  async count(partnershipId: string): Promise<number> {
    const r = await this.db
      .selectFrom('documents')
      .where('partnership_id', '=', partnershipId)
      .where('deleted_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** A new document with its first version, in one transaction (the version is made current). */
  async insertWithFirstVersion(input: NewDocumentWithVersion): Promise<void> {
    const { document: d, version: v } = input;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('documents')
        .values({
          id: d.id,
          partnership_id: d.partnershipId,
          forum_id: d.forumId,
          meeting_id: d.meetingId,
          kind: d.kind,
          title: d.title,
          source: d.source,
          drive_id: d.driveId ?? '',
          item_id: d.itemId,
          path: d.path,
          web_url: d.webUrl ?? null,
          current_version_id: v.id,
        })
        .execute();
      await trx
        .insertInto('document_versions')
        .values({
          id: v.id,
          partnership_id: d.partnershipId,
          document_id: d.id,
          version_number: 1,
          file_name: v.fileName,
          mime_type: v.mimeType,
          size_bytes: v.sizeBytes,
          content_hash: v.contentHash,
          content_path: v.contentPath,
          source_modified_at: v.sourceModifiedAt,
          etag: null,
          ctag: null,
          extraction_error: null,
          page_count: null,
        })
        .execute();
    });
  }
}
