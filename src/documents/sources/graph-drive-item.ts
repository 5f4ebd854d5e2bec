/**
 * Graph's driveItem as the delta feed and item GETs return it, and its mapping to our SourceItem.
 * Pure, so the mapping rules (deleted items without names, the root without a parent id…) are
 * tested without a server.
 */
import type { ItemDetails, SourceItem } from '../document-source.js';

export interface DriveItemJson {
  id: string;
  name?: string;
  parentReference?: { id?: string; driveId?: string; driveType?: string; path?: string };
  file?: { mimeType?: string; hashes?: { quickXorHash?: string; sha1Hash?: string; sha256Hash?: string } };
  folder?: { childCount?: number };
  /** Present only on the drive's root folder. */
  root?: Record<string, never>;
  /** OneNote notebooks and similar containers. */
  package?: { type?: string };
  deleted?: { state?: string };
  size?: number;
  eTag?: string;
  cTag?: string;
  lastModifiedDateTime?: string;
  webUrl?: string;
  '@microsoft.graph.downloadUrl'?: string;
  listItem?: { fields?: Record<string, unknown> };
}

export interface DeltaPageJson {
  value?: DriveItemJson[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface CollectionPageJson {
  value?: DriveItemJson[];
  '@odata.nextLink'?: string;
}

/** What we ask the delta feed and children listings for. The download URL only comes when selected. */
export const ITEM_SELECT = [
  'id',
  'name',
  'parentReference',
  'file',
  'folder',
  'root',
  'package',
  'deleted',
  'size',
  'eTag',
  'cTag',
  'lastModifiedDateTime',
  '@microsoft.graph.downloadUrl',
].join(',');

/** What describe() asks for: what the delta feed may have left out. */
export const DETAILS_SELECT = ['id', 'cTag', 'eTag', 'size', 'file', '@microsoft.graph.downloadUrl'].join(',');

const definedOnly = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function toSourceItem(item: DriveItemJson): SourceItem {
  const isRoot = item.root !== undefined;
  return definedOnly<SourceItem>({
    id: item.id,
    // SharePoint sends no name on deleted items; an empty string would look like a real name.
    name: item.name === undefined || item.name === '' ? undefined : item.name,
    parentId: isRoot ? null : (item.parentReference?.id ?? null),
    isFolder: item.folder !== undefined || isRoot || item.package !== undefined,
    deleted: item.deleted !== undefined,
    size: item.size,
    eTag: item.eTag,
    cTag: item.cTag,
    contentHash: item.file?.hashes?.quickXorHash,
    lastModified: item.lastModifiedDateTime,
    mimeType: item.file?.mimeType,
    downloadUrl: item['@microsoft.graph.downloadUrl'],
    fields: item.listItem?.fields,
  });
}

export function toItemDetails(item: DriveItemJson): ItemDetails {
  return definedOnly<ItemDetails>({
    cTag: item.cTag,
    eTag: item.eTag,
    size: item.size,
    contentHash: item.file?.hashes?.quickXorHash,
    downloadUrl: item['@microsoft.graph.downloadUrl'],
  });
}

/**
 * The same item may come more than once in one delta page; the last occurrence is its state.
 * Keeps each id once, at the place of its last occurrence, so the order of the feed is kept.
 */
export function lastOccurrences(items: SourceItem[]): SourceItem[] {
  const last = new Map<string, number>();
  items.forEach((item, i) => last.set(item.id, i));
  return items.filter((item, i) => last.get(item.id) === i);
}
