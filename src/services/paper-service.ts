import type { Kysely } from 'kysely';
import { reanchor } from '../annotations/anchoring.js';
import type { Annotation, DocumentDetail, NewAnnotation } from '../contract/papers.js';
import type { ContentStore } from '../documents/content-store.js';
import { can } from '../domain/permissions.js';
import { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import type { Database } from '../storage/schema.js';
import { type Actor, auditActor, authorize } from './actor.js';
import { conflict, invalid, notFound, ServiceError } from './errors.js';
import { ukCalendarDay } from '../domain/uk-date.js';


/**
 * The paper viewer's data: a document with its versions, each version's page text and
 * PDF, and the annotations on it. An annotation is as private as what it carries: an
 * observation's annotation is seen only where the observation is.
 */
export class PaperService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly store: ContentStore,
    private readonly auditLog: AuditLogRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async document(actor: Actor, documentId: string): Promise<DocumentDetail> {
    authorize(actor, 'document.read');
    const d = await this.db
      .selectFrom('documents as d')
      .leftJoin('forums as f', 'f.id', 'd.forum_id')
      .leftJoin('meetings as m', 'm.id', 'd.meeting_id')
      .select(['d.id', 'd.title', 'd.kind', 'd.forum_id', 'f.name as forum_name', 'd.meeting_id', 'm.title as meeting_title', 'm.starts_at', 'd.current_version_id'])
      .where('d.partnership_id', '=', actor.partnershipId)
      .where('d.id', '=', documentId)
      .where('d.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!d) throw notFound('The document');
    const versions = await this.db
      .selectFrom('document_versions')
      .select(['id', 'version_number', 'file_name', 'page_count', 'created_at', 'mime_type', 'pdf_rendition_path', 'extraction_status', 'extraction_error'])
      .where('document_id', '=', documentId)
      .orderBy('version_number', 'desc')
      .execute();
    return {
      id: d.id,
      title: d.title,
      kind: d.kind,
      forumId: d.forum_id,
      forumName: d.forum_name,
      meetingId: d.meeting_id,
      meetingTitle: d.meeting_title,
      meetingDate: d.starts_at ? ukCalendarDay(d.starts_at) : null,
      currentVersionId: d.current_version_id,
      versions: versions.map((v) => ({
        id: v.id,
        versionNumber: v.version_number,
        fileName: v.file_name,
        pageCount: v.page_count,
        createdAt: v.created_at.toISOString(),
        hasPdf: v.mime_type === 'application/pdf' || v.pdf_rendition_path !== null,
        extractionStatus: v.extraction_status,
        extractionError: v.extraction_error,
      })),
    };
  }

  async pages(actor: Actor, documentId: string, versionId: string): Promise<{ pageNumber: number; text: string }[]> {
    authorize(actor, 'document.read');
    await this.version(actor, documentId, versionId);
    return (await this.pageTexts(versionId)).map((text, i) => ({ pageNumber: i + 1, text }));
  }

  /** The version as PDF: the file itself, or its PDF rendition. */
  async pdf(actor: Actor, documentId: string, versionId: string): Promise<{ bytes: Uint8Array; fileName: string }> {
    authorize(actor, 'document.read');
    const v = await this.version(actor, documentId, versionId);
    const path = v.mime_type === 'application/pdf' ? v.content_path : v.pdf_rendition_path;
    if (!path) {
      throw new ServiceError('not_found', 'This version has no PDF to show. Its text is shown instead; a SharePoint source converts Office files to PDF.');
    }
    await this.auditLog.append({ ...auditActor(actor), action: 'document.view', entityType: 'document_version', entityId: versionId, detail: { documentId } });
    return { bytes: await this.store.get(path), fileName: v.file_name.replace(/\.[a-z0-9]+$/i, '') + '.pdf' };
  }

  async annotations(actor: Actor, documentId: string): Promise<Annotation[]> {
    authorize(actor, 'document.read');
    const rows = await this.db
      .selectFrom('annotations as a')
      .leftJoin('observations as o', 'o.id', 'a.observation_id')
      .leftJoin('challenges as c', 'c.id', 'a.challenge_id')
      .selectAll('a')
      .select(['o.author_id as observation_author', 'o.visibility as observation_visibility', 'o.deleted_at as observation_deleted', 'c.addressee_person_id'])
      .where('a.partnership_id', '=', actor.partnershipId)
      .where('a.document_id', '=', documentId)
      .orderBy('a.page_number')
      .orderBy('a.start_offset')
      .execute();
    const visible = rows.filter((r) => {
      if (r.observation_id) {
        if (r.observation_deleted) return false;
        return r.observation_author === actor.personId || (r.observation_visibility === 'shared' && can(actor.role, 'observation.read_shared'));
      }
      return r.author_id === actor.personId || can(actor.role, 'challenge.read_all') || r.addressee_person_id === actor.personId;
    });
    return visible.map(toContract);
  }

  async annotate(actor: Actor, documentId: string, input: NewAnnotation): Promise<Annotation> {
    authorize(actor, 'annotation.create');
    const existing = await this.db.selectFrom('annotations').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (existing) {
      if (existing.author_id !== actor.personId || existing.partnership_id !== actor.partnershipId) throw conflict('This annotation id is already in use.');
      return toContract(existing);
    }
    const v = await this.version(actor, documentId, input.documentVersionId);
    if (input.observationId) {
      const o = await this.db.selectFrom('observations').select('author_id').where('partnership_id', '=', actor.partnershipId).where('id', '=', input.observationId).executeTakeFirst();
      if (!o || o.author_id !== actor.personId) throw invalid('observationId', 'names no observation of yours.');
    }
    if (input.challengeId) {
      const c = await this.db.selectFrom('challenges').select('raised_by_id').where('partnership_id', '=', actor.partnershipId).where('id', '=', input.challengeId).executeTakeFirst();
      if (!c || c.raised_by_id !== actor.personId) throw invalid('challengeId', 'names no challenge of yours.');
    }
    // The browser's text layer spaces text differently from the extracted pages: find the passage ourselves.
    const pages = await this.pageTexts(v.id);
    const found = reanchor({ quote: input.quote, prefix: input.prefix, suffix: input.suffix, pageNumber: input.pageNumber, startOffset: 0 }, pages);
    if (found.status !== 'anchored' || found.confidence < 0.9) {
      throw invalid('quote', 'could not be found in the text of this paper. Select the passage again, or annotate the page as a whole.');
    }
    const now = this.now();
    // The annotation and its audit entry are one transaction: a crash cannot keep one without the other.
    const row = await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('annotations')
        .values({
          id: input.id,
          partnership_id: actor.partnershipId,
          author_id: actor.personId,
          document_id: documentId,
          document_version_id: v.id,
          page_number: found.pageNumber,
          start_offset: found.startOffset,
          end_offset: found.endOffset,
          quote: found.quote,
          original_quote: found.quote,
          prefix: input.prefix,
          suffix: input.suffix,
          anchor_confidence: found.confidence,
          orphan_reason: null,
          observation_id: input.observationId ?? null,
          challenge_id: input.challengeId ?? null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await new AuditLogRepository(trx).append({ ...auditActor(actor), action: 'annotation.create', entityType: 'annotation', entityId: input.id, detail: { documentId } });
      return inserted;
    });
    return toContract(row);
  }

  private async version(actor: Actor, documentId: string, versionId: string) {
    const v = await this.db
      .selectFrom('document_versions')
      .select(['id', 'mime_type', 'content_path', 'pdf_rendition_path', 'file_name'])
      .where('partnership_id', '=', actor.partnershipId)
      .where('document_id', '=', documentId)
      .where('id', '=', versionId)
      .executeTakeFirst();
    if (!v) throw notFound('That version of the document');
    return v;
  }

  private async pageTexts(versionId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('document_pages').select(['page_number', 'text']).where('document_version_id', '=', versionId).orderBy('page_number').execute();
    return rows.map((r) => r.text);
  }
}

function toContract(r: {
  id: string;
  document_version_id: string;
  page_number: number;
  start_offset: number;
  end_offset: number;
  quote: string;
  original_quote: string;
  status: 'anchored' | 'orphaned';
  anchor_confidence: number;
  orphan_reason: string | null;
  observation_id: string | null;
  challenge_id: string | null;
  author_id: string;
  created_at: Date;
}): Annotation {
  return {
    id: r.id,
    documentVersionId: r.document_version_id,
    pageNumber: r.page_number,
    startOffset: r.start_offset,
    endOffset: r.end_offset,
    quote: r.quote,
    originalQuote: r.original_quote,
    status: r.status,
    confidence: r.anchor_confidence,
    orphanReason: r.orphan_reason,
    observationId: r.observation_id,
    challengeId: r.challenge_id,
    authorId: r.author_id,
    createdAt: r.created_at.toISOString(),
  };
}
