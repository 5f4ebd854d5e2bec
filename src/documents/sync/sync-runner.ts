import type { Kysely } from 'kysely';
import type { Logger } from '../../server/logger.js';
import type { Database } from '../../storage/schema.js';
import { DEFAULT_CONVENTIONS, DocumentConventions } from '../classification.js';
import type { ContentStore } from '../content-store.js';
import type { DocumentSource } from '../document-source.js';
import { type SyncReport, syncDrive } from './drive-syncer.js';
import type { Extractor } from './process-items.js';

export interface SyncRunnerDeps {
  db: Kysely<Database>;
  store: ContentStore;
  extract: Extractor;
  /** The source for a kind, or undefined when that kind is not configured on this server. */
  sourceFor: (kind: 'local' | 'graph') => DocumentSource | undefined;
  now?: () => Date;
  logger?: Logger;
}

/**
 * Runs syncs: every drive a partnership's forums use, on a schedule and on demand.
 * Within one process a partnership's sync never overlaps itself; across processes the
 * per-drive lease in drive_sync_state keeps instances apart.
 */
export class SyncRunner {
  private readonly running = new Map<string, Promise<SyncReport[]>>();
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => Date;

  constructor(private readonly deps: SyncRunnerDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async syncPartnership(partnershipId: string, options: { maxPages?: number } = {}): Promise<SyncReport[]> {
    const already = this.running.get(partnershipId);
    if (already) return already;
    const run = this.run(partnershipId, options).finally(() => this.running.delete(partnershipId));
    this.running.set(partnershipId, run);
    return run;
  }

  /** Starts a sync without waiting for it; says whether one was already running. */
  trigger(partnershipId: string): { alreadyRunning: boolean } {
    const alreadyRunning = this.running.has(partnershipId);
    void this.syncPartnership(partnershipId).catch((error) => this.deps.logger?.error('sync failed', { partnershipId, error: String(error) }));
    return { alreadyRunning };
  }

  isRunning(partnershipId: string): boolean {
    return this.running.has(partnershipId);
  }

  async syncAll(): Promise<void> {
    const rows = await this.deps.db.selectFrom('document_sources').select('partnership_id').distinct().execute();
    for (const r of rows) await this.syncPartnership(r.partnership_id);
  }

  /** Syncs everything every `minutes`; the timer does not keep the process alive. */
  schedule(minutes: number): void {
    this.stop();
    if (minutes <= 0) return;
    this.timer = setInterval(() => void this.syncAll().catch((e) => this.deps.logger?.error('scheduled sync failed', { error: String(e) })), minutes * 60_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Waits for running syncs, so a shutdown does not cut one mid-file. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  private async run(partnershipId: string, options: { maxPages?: number }): Promise<SyncReport[]> {
    const { db } = this.deps;
    const drives = await db
      .selectFrom('document_sources')
      .select(['kind', 'drive_id'])
      .distinct()
      .where('partnership_id', '=', partnershipId)
      .execute();
    const conventions = await this.conventionsOf(partnershipId);
    const reports: SyncReport[] = [];
    for (const drive of drives) {
      const source = this.deps.sourceFor(drive.kind);
      const key = { partnershipId, sourceKind: drive.kind, driveId: drive.drive_id };
      if (!source) {
        reports.push({ status: 'failed', pages: 0, itemsSeen: 0, processed: 0, failedItems: 0, downloaded: 0, error: `This server has no ${drive.kind} document source configured (DOCUMENT_SOURCE).` });
        continue;
      }
      const report = await syncDrive({ db, source, store: this.deps.store, extract: this.deps.extract, conventions, now: this.now }, key, options);
      this.deps.logger?.info('drive synced', { partnershipId, drive: drive.drive_id, ...report });
      reports.push(report);
    }
    return reports;
  }

  private async conventionsOf(partnershipId: string): Promise<DocumentConventions> {
    const row = await this.deps.db.selectFrom('partnerships').select('document_conventions').where('id', '=', partnershipId).executeTakeFirst();
    const parsed = DocumentConventions.safeParse(row?.document_conventions ?? {});
    if (!parsed.success) this.deps.logger?.warn('document conventions are not valid; using the defaults', { partnershipId });
    return parsed.success ? parsed.data : DEFAULT_CONVENTIONS;
  }
}
