/**
 * The stand-in's in-memory SharePoint: sites, document libraries (drives), folders and files, and a
 * change sequence per drive for the delta feed. Tags change like Graph's: the eTag on any change,
 * the cTag only when the content changes. Ids are deterministic so failures are easy to read.
 */
import { createHash } from 'node:crypto';

export interface ModelItem {
  id: string;
  driveId: string;
  name: string;
  /** Null only for the drive's root folder. */
  parentId: string | null;
  isFolder: boolean;
  content: Buffer;
  mimeType: string;
  eTagVersion: number;
  cTagVersion: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  deleted: boolean;
  /** The drive's change sequence number at this item's last change. */
  seq: number;
  /** Library columns (SharePoint list item fields). */
  fields: Record<string, unknown>;
}

export interface ModelDrive {
  id: string;
  name: string;
  /** The library's name in URLs, e.g. "Shared Documents" for "Documents". */
  urlName: string;
  siteId: string;
  rootId: string;
  items: Map<string, ModelItem>;
  children: Map<string, Set<string>>;
  seq: number;
}

export interface ModelSite {
  id: string;
  hostname: string;
  /** Server-relative path, e.g. `/sites/scp`; `/` for the root site. */
  path: string;
  displayName: string;
  siteGuid: string;
  webGuid: string;
  driveIds: string[];
}

export interface ModelChannel {
  teamId: string;
  channelId: string;
  driveId: string;
  folderId: string;
}

const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  md: 'text/markdown',
};

export const extensionOf = (name: string): string => (name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '');
export const mimeFor = (name: string): string => MIME[extensionOf(name)] ?? 'application/octet-stream';

const guid = (n: number, salt: string): string => {
  const h = createHash('sha1').update(`${salt}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`.toUpperCase();
};

/** A deterministic clock: each change is one second after the previous one. */
class FakeClock {
  private tick = 0;
  now(): string {
    this.tick += 1;
    return new Date(Date.UTC(2026, 0, 5, 9, 0, 0) + this.tick * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}

export class DriveModel {
  readonly sites = new Map<string, ModelSite>();
  readonly drives = new Map<string, ModelDrive>();
  readonly channels = new Map<string, ModelChannel>();
  private counter = 0;
  private readonly clock = new FakeClock();

  private next(): number {
    this.counter += 1;
    return this.counter;
  }

  addSite(hostname: string, path: string, displayName: string): ModelSite {
    const n = this.next();
    const siteGuid = guid(n, 'site').toLowerCase();
    const webGuid = guid(n, 'web').toLowerCase();
    const normalised = path === '' || path === '/' ? '/' : `/${path.replace(/^\/+|\/+$/g, '')}`;
    const site: ModelSite = { id: `${hostname},${siteGuid},${webGuid}`, hostname, path: normalised, displayName, siteGuid, webGuid, driveIds: [] };
    this.sites.set(site.id, site);
    return site;
  }

  addDrive(siteId: string, name: string, urlName = name): ModelDrive {
    const site = this.site(siteId);
    const n = this.next();
    const drive: ModelDrive = {
      id: `b!StandIn${String(n).padStart(4, '0')}-${name.replace(/[^A-Za-z0-9]/g, '')}_drv`,
      name,
      urlName,
      siteId,
      rootId: '',
      items: new Map(),
      children: new Map(),
      seq: 0,
    };
    this.drives.set(drive.id, drive);
    site.driveIds.push(drive.id);
    drive.rootId = this.insert(drive, null, 'root', true, Buffer.alloc(0)).id;
    return drive;
  }

  site(siteId: string): ModelSite {
    const site = this.sites.get(siteId);
    if (!site) throw new Error(`stand-in: no site ${siteId}`);
    return site;
  }

  drive(driveId: string): ModelDrive {
    const drive = this.drives.get(driveId);
    if (!drive) throw new Error(`stand-in: no drive ${driveId}`);
    return drive;
  }

  item(driveId: string, itemId: string): ModelItem {
    const item = this.drive(driveId).items.get(itemId);
    if (!item) throw new Error(`stand-in: no item ${itemId} in drive ${driveId}`);
    return item;
  }

  /** A live (not deleted) item, or undefined. */
  find(driveId: string, itemId: string): ModelItem | undefined {
    const item = this.drives.get(driveId)?.items.get(itemId);
    return item && !item.deleted ? item : undefined;
  }

  liveChildren(drive: ModelDrive, folderId: string): ModelItem[] {
    return [...(drive.children.get(folderId) ?? [])]
      .map((id) => drive.items.get(id))
      .filter((i): i is ModelItem => i !== undefined && !i.deleted)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Path lookup like SharePoint: case-insensitive names. */
  byPath(driveId: string, segments: string[]): ModelItem | undefined {
    const drive = this.drive(driveId);
    let current = drive.items.get(drive.rootId);
    for (const segment of segments) {
      if (!current) return undefined;
      current = this.liveChildren(drive, current.id).find((c) => c.name.toLowerCase() === segment.toLowerCase());
    }
    return current;
  }

  /** `Executive/2025`-style path of an item below the root ('' for the root). */
  pathOf(item: ModelItem): string {
    const drive = this.drive(item.driveId);
    const names: string[] = [];
    let current: ModelItem | undefined = item;
    while (current && current.parentId !== null) {
      names.unshift(current.name);
      current = drive.items.get(current.parentId);
    }
    return names.join('/');
  }

  addFolder(driveId: string, parentId: string | null, name: string): ModelItem {
    const drive = this.drive(driveId);
    return this.insert(drive, parentId ?? drive.rootId, name, true, Buffer.alloc(0));
  }

  addFile(driveId: string, parentId: string | null, name: string, content: Buffer, mimeType?: string): ModelItem {
    const drive = this.drive(driveId);
    const item = this.insert(drive, parentId ?? drive.rootId, name, false, content);
    if (mimeType) item.mimeType = mimeType;
    return item;
  }

  updateContent(driveId: string, itemId: string, content: Buffer): ModelItem {
    const item = this.live(driveId, itemId);
    if (item.isFolder) throw new Error(`stand-in: ${item.name} is a folder`);
    item.content = content;
    item.cTagVersion += 1;
    return this.touch(item);
  }

  rename(driveId: string, itemId: string, name: string): ModelItem {
    const item = this.live(driveId, itemId);
    if (item.parentId === null) throw new Error('stand-in: the root cannot be renamed');
    this.assertFreeName(this.drive(driveId), item.parentId, name, item.id);
    item.name = name;
    return this.touch(item);
  }

  move(driveId: string, itemId: string, newParentId: string): ModelItem {
    const drive = this.drive(driveId);
    const item = this.live(driveId, itemId);
    const target = this.live(driveId, newParentId);
    if (!target.isFolder || item.parentId === null) throw new Error('stand-in: can only move a non-root item into a folder');
    for (let p: ModelItem | undefined = target; p; p = p.parentId ? drive.items.get(p.parentId) : undefined) {
      if (p.id === item.id) throw new Error('stand-in: cannot move a folder into itself');
    }
    this.assertFreeName(drive, newParentId, item.name, item.id);
    drive.children.get(item.parentId)?.delete(item.id);
    item.parentId = newParentId;
    this.childSet(drive, newParentId).add(item.id);
    return this.touch(item);
  }

  setFields(driveId: string, itemId: string, fields: Record<string, unknown>): ModelItem {
    const item = this.live(driveId, itemId);
    item.fields = { ...item.fields, ...fields };
    return this.touch(item);
  }

  /** Deletes an item and everything under it; each becomes a tombstone in the delta feed. */
  remove(driveId: string, itemId: string): ModelItem[] {
    const drive = this.drive(driveId);
    const item = this.live(driveId, itemId);
    if (item.parentId === null) throw new Error('stand-in: the root cannot be removed');
    const removed: ModelItem[] = [];
    const visit = (i: ModelItem): void => {
      for (const child of this.liveChildren(drive, i.id)) visit(child);
      i.deleted = true;
      removed.push(this.touch(i));
    };
    visit(item);
    return removed;
  }

  addChannel(teamId: string, channelId: string, driveId: string, folderId: string): ModelChannel {
    const channel = { teamId, channelId, driveId, folderId };
    this.channels.set(`${teamId}|${channelId}`, channel);
    return channel;
  }

  private live(driveId: string, itemId: string): ModelItem {
    const item = this.item(driveId, itemId);
    if (item.deleted) throw new Error(`stand-in: item ${itemId} is deleted`);
    return item;
  }

  private childSet(drive: ModelDrive, parentId: string): Set<string> {
    let set = drive.children.get(parentId);
    if (!set) drive.children.set(parentId, (set = new Set()));
    return set;
  }

  private assertFreeName(drive: ModelDrive, parentId: string, name: string, except?: string): void {
    if (this.liveChildren(drive, parentId).some((c) => c.id !== except && c.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`stand-in: "${name}" already exists in that folder`);
    }
  }

  private insert(drive: ModelDrive, parentId: string | null, name: string, isFolder: boolean, content: Buffer): ModelItem {
    if (parentId !== null) {
      const parent = this.live(drive.id, parentId);
      if (!parent.isFolder) throw new Error(`stand-in: ${parent.name} is not a folder`);
      this.assertFreeName(drive, parentId, name);
    }
    const n = this.next();
    const now = this.clock.now();
    drive.seq += 1;
    const item: ModelItem = {
      id: `01STANDIN${String(n).padStart(6, '0')}${isFolder ? 'F' : 'I'}`,
      driveId: drive.id,
      name,
      parentId,
      isFolder,
      content,
      mimeType: isFolder ? '' : mimeFor(name),
      eTagVersion: 1,
      cTagVersion: 1,
      createdDateTime: now,
      lastModifiedDateTime: now,
      deleted: false,
      seq: drive.seq,
      fields: {},
    };
    drive.items.set(item.id, item);
    if (parentId !== null) this.childSet(drive, parentId).add(item.id);
    return item;
  }

  private touch(item: ModelItem): ModelItem {
    const drive = this.drive(item.driveId);
    drive.seq += 1;
    item.seq = drive.seq;
    item.eTagVersion += 1;
    item.lastModifiedDateTime = this.clock.now();
    return item;
  }
}
