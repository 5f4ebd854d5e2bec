import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ForumSource, SyncStatus } from '../contract/documents.js';
import { DEFAULT_CONVENTIONS, DocumentConventions } from '../documents/classification.js';
import { LocationNotFoundError, type LocationInput, type ResolvedLocation } from '../documents/document-source.js';
import type { SyncRunner } from '../documents/sync/sync-runner.js';
import type { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import type { Database } from '../storage/schema.js';
import { type Actor, auditActor, authorize } from './actor.js';
import { notFound, ServiceError } from './errors.js';

/**
 * Resolves what a business manager typed to ids, or throws LocationNotFoundError naming the wrong part.
 * With the user's token, Graph is asked on their behalf: a site they cannot open is not found.
 */
export type LocationResolver = (input: LocationInput, userAssertion?: string) => Promise<ResolvedLocation>;

/**
 * Which library folder holds each forum's papers, and the sync that brings them in.
 * The same service answers the tab, the API and `npx los sources`.
 */
export class DocumentSourcesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly resolve: LocationResolver,
    private readonly runner: SyncRunner,
    private readonly auditLog: AuditLogRepository,
  ) {}

  async list(actor: Actor): Promise<ForumSource[]> {
    authorize(actor, 'document.read');
    const rows = await this.db
      .selectFrom('forums as f')
      .leftJoin('document_sources as s', 's.forum_id', 'f.id')
      .where('f.partnership_id', '=', actor.partnershipId)
      .select([
        'f.id as forum_id',
        'f.name as forum_name',
        's.kind',
        's.site_url',
        's.drive_id',
        's.drive_name',
        's.folder_path',
        's.team_id',
        's.channel_id',
        (eb) =>
          eb
            .selectFrom('documents as d')
            .whereRef('d.forum_id', '=', 'f.id')
            .where('d.deleted_at', 'is', null)
            .select(eb.fn.countAll<number>().as('n'))
            .as('document_count'),
      ])
      .orderBy('f.position')
      .orderBy('f.name')
      .execute();
    return rows.map((r) => ({
      forumId: r.forum_id,
      forumName: r.forum_name,
      source:
        r.kind && r.drive_id
          ? {
              kind: r.kind,
              siteUrl: r.site_url,
              driveId: r.drive_id,
              driveName: r.drive_name,
              folderPath: r.folder_path ?? '',
              teamId: r.team_id,
              channelId: r.channel_id,
              documentCount: Number(r.document_count ?? 0),
            }
          : null,
    }));
  }

  async setForumSource(actor: Actor, forumId: string, input: LocationInput): Promise<ForumSource> {
    authorize(actor, 'document.manage');
    await this.requireForum(actor, forumId);
    let location: ResolvedLocation;
    try {
      location = await this.resolve(input, actor.userAssertion);
    } catch (error) {
      if (error instanceof LocationNotFoundError) {
        throw new ServiceError('validation_failed', error.message, [{ path: `body.${error.part}`, message: error.message }]);
      }
      throw error;
    }
    const now = new Date();
    const values = {
      kind: location.kind,
      site_id: location.siteId,
      site_url: location.siteUrl,
      drive_id: location.driveId,
      drive_name: location.driveName,
      folder_item_id: location.folderItemId,
      folder_path: location.folderPath,
      team_id: location.teamId,
      channel_id: location.channelId,
      updated_at: now,
    };
    await this.db
      .insertInto('document_sources')
      .values({ id: randomUUID(), partnership_id: actor.partnershipId, forum_id: forumId, ...values })
      .onConflict((oc) => oc.column('forum_id').doUpdateSet(values))
      .execute();
    // A new folder may hold papers already mirrored, or ones not yet seen: look again.
    await this.db
      .updateTable('drive_items')
      .set({ needs_processing: true })
      .where('partnership_id', '=', actor.partnershipId)
      .where('source_kind', '=', location.kind)
      .where('drive_id', '=', location.driveId)
      .where('is_folder', '=', false)
      .execute();
    await this.audit(actor, 'document_source.set', forumId, { kind: location.kind, driveId: location.driveId, folderPath: location.folderPath });
    return (await this.list(actor)).find((f) => f.forumId === forumId)!;
  }

  async removeForumSource(actor: Actor, forumId: string): Promise<ForumSource> {
    authorize(actor, 'document.manage');
    await this.requireForum(actor, forumId);
    await this.db.deleteFrom('document_sources').where('partnership_id', '=', actor.partnershipId).where('forum_id', '=', forumId).execute();
    await this.audit(actor, 'document_source.remove', forumId, {});
    return (await this.list(actor)).find((f) => f.forumId === forumId)!;
  }

  async status(actor: Actor): Promise<SyncStatus> {
    authorize(actor, 'document.read');
    const drives = await this.db
      .selectFrom('drive_sync_state as s')
      .where('s.partnership_id', '=', actor.partnershipId)
      .select([
        's.source_kind',
        's.drive_id',
        's.status',
        's.items_done',
        's.items_total',
        's.started_at',
        's.last_success_at',
        's.last_error',
        (eb) =>
          eb
            .selectFrom('document_sources as ds')
            .whereRef('ds.drive_id', '=', 's.drive_id')
            .whereRef('ds.partnership_id', '=', 's.partnership_id')
            .select('ds.drive_name')
            .limit(1)
            .as('drive_name'),
      ])
      .execute();
    const unreadable = await this.db
      .selectFrom('documents as d')
      .innerJoin('document_versions as v', 'v.id', 'd.current_version_id')
      .where('d.partnership_id', '=', actor.partnershipId)
      .where('d.deleted_at', 'is', null)
      .where('v.extraction_status', 'in', ['failed', 'skipped'])
      .select(['d.id', 'v.file_name', 'v.extraction_error'])
      .orderBy('v.file_name')
      .limit(200)
      .execute();
    const failedItems = await this.db
      .selectFrom('drive_items')
      .where('partnership_id', '=', actor.partnershipId)
      .where('last_error', 'is not', null)
      .select(['name', 'last_error'])
      .limit(200)
      .execute();
    return {
      running: this.runner.isRunning(actor.partnershipId) || drives.some((d) => d.status === 'running'),
      drives: drives.map((d) => ({
        kind: d.source_kind,
        driveId: d.drive_id,
        driveName: d.drive_name ?? null,
        status: d.status,
        itemsDone: d.items_done,
        itemsTotal: d.items_total,
        startedAt: d.started_at?.toISOString() ?? null,
        lastSuccessAt: d.last_success_at?.toISOString() ?? null,
        lastError: d.last_error,
      })),
      unreadableFiles: [
        ...unreadable.map((u) => ({ documentId: u.id, fileName: u.file_name, reason: u.extraction_error ?? 'The text could not be read.' })),
        ...failedItems.map((f) => ({ documentId: null, fileName: f.name, reason: f.last_error! })),
      ],
    };
  }

  async startSync(actor: Actor): Promise<SyncStatus> {
    authorize(actor, 'document.manage');
    this.runner.trigger(actor.partnershipId);
    await this.audit(actor, 'sync.start', null, {});
    return this.status(actor);
  }

  async conventions(actor: Actor): Promise<DocumentConventions> {
    authorize(actor, 'document.read');
    const row = await this.db.selectFrom('partnerships').select('document_conventions').where('id', '=', actor.partnershipId).executeTakeFirstOrThrow();
    const parsed = DocumentConventions.safeParse(row.document_conventions ?? {});
    return parsed.success ? parsed.data : DEFAULT_CONVENTIONS;
  }

  /** Changes how papers are recognised; every file is looked at again at the next sync. */
  async setConventions(actor: Actor, changes: Partial<DocumentConventions>): Promise<DocumentConventions> {
    authorize(actor, 'document.manage');
    const next = DocumentConventions.parse({ ...(await this.conventions(actor)), ...changes });
    await this.db.updateTable('partnerships').set({ document_conventions: JSON.stringify(next) }).where('id', '=', actor.partnershipId).execute();
    await this.db.updateTable('drive_items').set({ needs_processing: true }).where('partnership_id', '=', actor.partnershipId).where('is_folder', '=', false).execute();
    await this.audit(actor, 'document_conventions.set', null, { ...next });
    return next;
  }

  private async requireForum(actor: Actor, forumId: string): Promise<void> {
    const forum = await this.db.selectFrom('forums').select('id').where('partnership_id', '=', actor.partnershipId).where('id', '=', forumId).executeTakeFirst();
    if (!forum) throw notFound('The forum');
  }

  private audit(actor: Actor, action: string, entityId: string | null, detail: Record<string, unknown>) {
    return this.auditLog.append({
      ...auditActor(actor),
      action,
      entityType: 'document_source',
      entityId,
      detail,
    });
  }
}
