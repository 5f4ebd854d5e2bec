import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import { appGraphClient } from '../documents/graph-parts.js';
import type { Logger } from '../server/logger.js';
import type { GraphClient } from '../graph/graph-client.js';
import type { Database } from '../storage/schema.js';

/** Where a generated report was put. */
export interface SavedReport {
  store: 'graph' | 'local';
  webUrl: string | null;
  localPath: string | null;
  /** The library's version label (SharePoint's, e.g. `3.0`), else the count of saves of this file. */
  versionLabel: string;
}

export interface ReportToSave {
  partnershipId: string;
  fileName: string;
  bytes: Uint8Array;
  /** How many times this file was saved before (for a store that keeps no versions of its own). */
  previousSaves: number;
}

/** The document library that generated reports are saved to: SharePoint through Graph, or a local folder in dev. */
export interface ReportLibrary {
  save(report: ReportToSave): Promise<SavedReport>;
}

/** The library did not take the report. `advice` says what the person can do about it. */
export class ReportStoreError extends Error {
  constructor(
    message: string,
    readonly advice: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ReportStoreError';
  }
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A folder on this server, one subfolder per partnership. No versions of its own: a save replaces the file. */
export class LocalReportLibrary implements ReportLibrary {
  constructor(private readonly dir: string) {}

  async save(report: ReportToSave): Promise<SavedReport> {
    const folder = path.join(this.dir, report.partnershipId);
    const target = path.join(folder, report.fileName);
    try {
      await mkdir(folder, { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const partial = `${target}.${process.pid}.partial`;
      await writeFile(partial, report.bytes);
      await rename(partial, target);
    } catch (cause) {
      throw new ReportStoreError(
        `The report could not be written to the reports folder (${(cause as Error).message}).`,
        `Check that REPORTS_LOCAL_DIR (${this.dir}) exists and the server may write to it, then generate again.`,
        { cause },
      );
    }
    return { store: 'local', webUrl: null, localPath: target, versionLabel: String(report.previousSaves + 1) };
  }
}

interface DriveItemJson {
  id: string;
  webUrl?: string;
}

/**
 * The reports folder in the SharePoint library of the partnership's first forum (by position) that has a
 * SharePoint source. Uploading to the same path again makes a new version of the file, which SharePoint
 * keeps; Graph creates the folder on the first upload. App-only, like the sync: the app needs write
 * access to that site (Sites.Selected with the write role).
 */
export class GraphReportLibrary implements ReportLibrary {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly client: GraphClient,
    private readonly folder: string,
  ) {}

  async save(report: ReportToSave): Promise<SavedReport> {
    const source = await this.db
      .selectFrom('document_sources as s')
      .innerJoin('forums as f', (j) => j.onRef('f.partnership_id', '=', 's.partnership_id').onRef('f.id', '=', 's.forum_id'))
      .select(['s.drive_id'])
      .where('s.partnership_id', '=', report.partnershipId)
      .where('s.kind', '=', 'graph')
      .orderBy('f.position')
      .orderBy('f.name')
      .executeTakeFirst();
    if (!source) {
      throw new ReportStoreError(
        'No SharePoint library is set up for this partnership, so there is nowhere to save the report.',
        "Ask the business manager to set a forum's SharePoint library (Partnership settings, or npx los sources set), then generate again. The draft is kept.",
      );
    }
    const itemPath = [...this.folder.split('/').filter(Boolean), report.fileName].map(encodeURIComponent).join('/');
    const drive = `/drives/${encodeURIComponent(source.drive_id)}`;
    try {
      const item = await this.client.putContent<DriveItemJson>(`${drive}/root:/${itemPath}:/content`, report.bytes, DOCX);
      const versions = await this.client
        .get<{ value?: { id: string }[] }>(`${drive}/items/${encodeURIComponent(item.id)}/versions?$select=id`)
        .catch(() => ({ value: [] }));
      // Graph lists the current version first.
      const label = versions.value?.[0]?.id ?? String(report.previousSaves + 1);
      return { store: 'graph', webUrl: item.webUrl ?? null, localPath: null, versionLabel: label };
    } catch (cause) {
      throw new ReportStoreError(
        `SharePoint did not accept the report (${(cause as Error).message}).`,
        'Try again in a few minutes. If it keeps failing, check that Line of Sight may write to the library (Sites.Selected, write), or download the document and upload it by hand. The draft is kept.',
        { cause },
      );
    }
  }
}

/** SharePoint (the reports folder of the partnership's library) when papers come from Graph, else the local folder. */
export function reportLibraryFor(config: Config, db: Kysely<Database>, logger?: Logger): ReportLibrary {
  if (config.documentSource === 'graph') return new GraphReportLibrary(db, appGraphClient(config, logger), config.reports.folder);
  return new LocalReportLibrary(config.reports.localDir);
}
