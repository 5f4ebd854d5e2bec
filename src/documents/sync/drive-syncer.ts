import { type Kysely, sql } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { DocumentSource } from '../document-source.js';
import { type DriveKey, mirrorChanges } from './mirror-pages.js';
import { type ProcessDeps, processChangedItems } from './process-items.js';

export interface SyncReport {
  status: 'done' | 'skipped' | 'failed' | 'interrupted';
  pages: number;
  itemsSeen: number;
  processed: number;
  failedItems: number;
  downloaded: number;
  error?: string;
}

/** A run that stopped updating its state this long ago is taken to have died. */
const LEASE_MS = 10 * 60_000;

/**
 * One sync of one drive: take the drive's lease (so two instances never sync it at
 * once), mirror the change feed, then apply the changed items. Progress and errors
 * are written to drive_sync_state, where the tab and the CLI read them.
 */
export async function syncDrive(
  deps: Omit<ProcessDeps, 'source'> & { source: DocumentSource },
  key: DriveKey,
  options: { maxPages?: number } = {},
): Promise<SyncReport> {
  const { db } = deps;
  const report: SyncReport = { status: 'done', pages: 0, itemsSeen: 0, processed: 0, failedItems: 0, downloaded: 0 };
  if (!(await takeLease(db, key, deps.now()))) return { ...report, status: 'skipped' };
  const setState = (values: Record<string, unknown>) =>
    db
      .updateTable('drive_sync_state')
      .set({ ...values, updated_at: deps.now() })
      .where('partnership_id', '=', key.partnershipId)
      .where('source_kind', '=', key.sourceKind)
      .where('drive_id', '=', key.driveId)
      .execute();
  try {
    const mirrored = await mirrorChanges(db, key, deps.source, { maxPages: options.maxPages });
    report.pages = mirrored.pages;
    report.itemsSeen = mirrored.items;
    if (!mirrored.complete) {
      await setState({ status: 'idle', finished_at: deps.now() });
      return { ...report, status: 'interrupted' };
    }
    await setState({ items_done: 0, items_total: null });
    // Progress is for people watching a bar: a write every half second is plenty.
    let lastWrite = 0;
    const progress = async (done: number, total: number) => {
      const now = Date.now();
      if (done !== 0 && done !== total && now - lastWrite < 500) return;
      lastWrite = now;
      await setState({ items_done: done, items_total: total });
    };
    const processed = await processChangedItems(deps, key, progress, mirrored.downloadUrls);
    Object.assign(report, { processed: processed.processed, failedItems: processed.failed, downloaded: processed.downloaded });
    await setState({
      status: 'idle',
      finished_at: deps.now(),
      last_success_at: deps.now(),
      last_error: processed.failed > 0 ? `${processed.failed} file(s) could not be read; see each file's reason.` : null,
    });
    return report;
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    await setState({ status: 'failed', finished_at: deps.now(), last_error: message }).catch(() => undefined);
    return { ...report, status: 'failed', error: message };
  }
}

async function takeLease(db: Kysely<Database>, key: DriveKey, now: Date): Promise<boolean> {
  await db
    .insertInto('drive_sync_state')
    .values({ partnership_id: key.partnershipId, source_kind: key.sourceKind, drive_id: key.driveId, cursor: null, enumeration_id: null, items_total: null, started_at: null, finished_at: null, last_success_at: null, last_error: null })
    .onConflict((oc) => oc.columns(['partnership_id', 'source_kind', 'drive_id']).doNothing())
    .execute();
  const taken = await db
    .updateTable('drive_sync_state')
    .set({ status: 'running', started_at: now, updated_at: now, last_error: null, items_done: 0, items_total: null })
    .where('partnership_id', '=', key.partnershipId)
    .where('source_kind', '=', key.sourceKind)
    .where('drive_id', '=', key.driveId)
    .where((eb) => eb.or([eb('status', '!=', 'running'), eb('updated_at', '<', new Date(now.getTime() - LEASE_MS))]))
    .returning(sql<number>`1`.as('ok'))
    .executeTakeFirst();
  return taken !== undefined;
}
