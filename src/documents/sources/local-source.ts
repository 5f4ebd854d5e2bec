import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  type ChangePage,
  ConversionUnavailableError,
  type DocumentSource,
  type ItemDetails,
  LocationNotFoundError,
  type ResolvedLocation,
  type SourceItem,
} from '../document-source.js';

export const LOCAL_DRIVE_ID = 'local';
const ROOT_ID = 'root';

/**
 * A folder on disk as a document library: the embedded default and the demo.
 * An item's id is its inode, so a rename or a move inside the library keeps its
 * identity (and its annotations), as a SharePoint item id does. It has no change
 * feed: every round is a full enumeration, and the pipeline sweeps what is gone.
 */
export class LocalDocumentSource implements DocumentSource {
  readonly kind = 'local' as const;
  private paths = new Map<string, string>();

  constructor(private readonly root: string) {}

  async nextPage(_driveId: string, _cursor: string | null): Promise<ChangePage> {
    const items: SourceItem[] = [{ id: ROOT_ID, name: '', parentId: null, isFolder: true, deleted: false }];
    const paths = new Map<string, string>();
    if (existsSync(this.root)) await this.walk('', ROOT_ID, items, paths);
    this.paths = paths;
    return { items, cursor: `local:${Date.now()}`, done: true, restarted: true };
  }

  private async walk(relative: string, parentId: string, items: SourceItem[], paths: Map<string, string>): Promise<void> {
    const entries = await readdir(path.join(this.root, relative), { withFileTypes: true });
    for (const entry of entries) {
      // Hidden files and editors' lock files (~$Agenda.docx) are not papers.
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      const rel = path.join(relative, entry.name);
      const info = await lstat(path.join(this.root, rel));
      if (info.isSymbolicLink()) continue;
      const id = `ino-${info.ino}`;
      paths.set(id, rel);
      if (info.isDirectory()) {
        items.push({ id, name: entry.name, parentId, isFolder: true, deleted: false });
        await this.walk(rel, id, items, paths);
      } else if (info.isFile()) {
        items.push({
          id,
          name: entry.name,
          parentId,
          isFolder: false,
          deleted: false,
          size: info.size,
          // Size and modification time stand in for SharePoint's cTag.
          cTag: `${info.size}-${Math.round(info.mtimeMs)}`,
          lastModified: info.mtime.toISOString(),
        });
      }
    }
  }

  async describe(_driveId: string, itemIds: string[]): Promise<Map<string, ItemDetails>> {
    const out = new Map<string, ItemDetails>();
    for (const id of itemIds) {
      const rel = this.paths.get(id);
      if (!rel) continue;
      const info = await stat(path.join(this.root, rel)).catch(() => undefined);
      if (info) out.set(id, { size: info.size, cTag: `${info.size}-${Math.round(info.mtimeMs)}` });
    }
    return out;
  }

  async download(_driveId: string, item: SourceItem): Promise<Uint8Array> {
    const rel = this.paths.get(item.id);
    if (!rel) throw new Error(`The file ${item.name ?? item.id} is no longer in the library folder.`);
    return new Uint8Array(await readFile(path.join(this.root, rel)));
  }

  async downloadPdfRendition(): Promise<Uint8Array> {
    throw new ConversionUnavailableError('A local folder cannot convert Office files to PDF; save a PDF copy beside it, or use the SharePoint source.');
  }
}

/** Resolves a folder inside the local library, by its path relative to the library root. */
export async function resolveLocalLocation(root: string, folder: string): Promise<ResolvedLocation> {
  const clean = folder.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
  const full = path.resolve(root, clean);
  if (full !== path.resolve(root) && !full.startsWith(path.resolve(root) + path.sep)) {
    throw new LocationNotFoundError('folder', `The folder "${folder}" is outside the document library folder.`);
  }
  const info = await stat(full).catch(() => undefined);
  if (!info?.isDirectory()) {
    // The server's own path stays out of the message: it reaches the tab.
    throw new LocationNotFoundError('folder', `There is no folder "${clean}" in the document library.`);
  }
  const id = clean === '' ? ROOT_ID : `ino-${(await lstat(full)).ino}`;
  return {
    kind: 'local',
    siteId: null,
    siteUrl: null,
    driveId: LOCAL_DRIVE_ID,
    driveName: 'Local library',
    folderItemId: id,
    folderPath: clean,
    teamId: null,
    channelId: null,
  };
}

/** A stable digest for content that has no source-provided hash. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
