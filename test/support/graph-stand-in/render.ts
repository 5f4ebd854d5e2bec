/**
 * Graph's JSON shapes for the stand-in's model: driveItem (live and deleted), drive, site.
 * Built from Microsoft's documented examples (driveItem, itemReference, site, drive resources).
 */
import { createHash } from 'node:crypto';
import type { DriveModel, ModelDrive, ModelItem, ModelSite } from './drive-model.js';

export type Json = Record<string, unknown>;

export interface RenderOptions {
  /** SharePoint's delta omits cTag on created/modified items. */
  omitCTag?: boolean;
  /** Delta never gives `parentReference.path`; item GETs do. */
  withPath?: boolean;
  /** The pre-authenticated download URL for a file, when the route wants one. */
  downloadUrl?: (item: ModelItem) => string;
  /** `$expand=listItem(…fields)`. */
  expandFields?: boolean;
}

const siteWebUrl = (site: ModelSite): string => `https://${site.hostname}${site.path === '/' ? '' : site.path}`;
const enc = (s: string): string => s.split('/').map(encodeURIComponent).join('/');

export function driveWebUrl(model: DriveModel, drive: ModelDrive): string {
  return `${siteWebUrl(model.site(drive.siteId))}/${enc(drive.urlName)}`;
}

/** SharePoint-style tags: `"{GUID},version"` and `"c:{GUID},version"`. */
const tagGuid = (item: ModelItem): string => {
  const h = createHash('sha1').update(item.id).digest('hex').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};
export const eTagOf = (item: ModelItem): string => `"{${tagGuid(item)}},${item.eTagVersion}"`;
export const cTagOf = (item: ModelItem): string => `"c:{${tagGuid(item)}},${item.cTagVersion}"`;

/**
 * The same shape as Graph's quickXorHash (base64 of 160 bits), not the real algorithm: nothing in
 * this project computes it, it is an opaque content fingerprint.
 */
export const quickXorHashOf = (content: Buffer): string => createHash('sha1').update(content).digest('base64');

function folderSize(model: DriveModel, drive: ModelDrive, item: ModelItem): number {
  return model.liveChildren(drive, item.id).reduce((sum, c) => sum + (c.isFolder ? 0 : c.content.length), 0);
}

export function renderItem(model: DriveModel, item: ModelItem, options: RenderOptions = {}): Json {
  const drive = model.drive(item.driveId);
  const parentReference: Json = { driveType: 'documentLibrary', driveId: drive.id };
  if (item.parentId !== null) {
    parentReference.id = item.parentId;
    if (options.withPath) {
      const parent = drive.items.get(item.parentId);
      const parentPath = parent ? model.pathOf(parent) : '';
      parentReference.path = `/drives/${drive.id}/root:${parentPath ? `/${parentPath}` : ''}`;
    }
  }
  if (item.deleted) {
    // SharePoint / OneDrive for Business: a deleted item comes without name and cTag.
    const tombstone: Json = {
      id: item.id,
      eTag: eTagOf(item),
      lastModifiedDateTime: item.lastModifiedDateTime,
      parentReference,
      deleted: { state: 'deleted' },
    };
    tombstone[item.isFolder ? 'folder' : 'file'] = item.isFolder ? { childCount: 0 } : { mimeType: item.mimeType };
    return tombstone;
  }
  const path = model.pathOf(item);
  const json: Json = {
    id: item.id,
    name: item.name,
    eTag: eTagOf(item),
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    size: item.isFolder ? folderSize(model, drive, item) : item.content.length,
    webUrl: `${driveWebUrl(model, drive)}${path ? `/${enc(path)}` : ''}`,
    parentReference,
  };
  if (!options.omitCTag) json.cTag = cTagOf(item);
  if (item.parentId === null) json.root = {};
  if (item.isFolder) json.folder = { childCount: model.liveChildren(drive, item.id).length };
  else {
    json.file = { mimeType: item.mimeType, hashes: { quickXorHash: quickXorHashOf(item.content) } };
    if (options.downloadUrl) json['@microsoft.graph.downloadUrl'] = options.downloadUrl(item);
  }
  if (options.expandFields) json.listItem = { id: String(item.seq), fields: { FileLeafRef: item.name, ...item.fields } };
  return json;
}

export function renderDrive(model: DriveModel, drive: ModelDrive): Json {
  const site = model.site(drive.siteId);
  return {
    id: drive.id,
    name: drive.name,
    driveType: 'documentLibrary',
    description: '',
    webUrl: driveWebUrl(model, drive),
    sharePointIds: { siteId: site.siteGuid, siteUrl: siteWebUrl(site), webId: site.webGuid },
  };
}

export function renderSite(site: ModelSite): Json {
  return {
    id: site.id,
    name: site.path === '/' ? '' : (site.path.split('/').pop() ?? ''),
    displayName: site.displayName,
    webUrl: siteWebUrl(site),
    siteCollection: { hostname: site.hostname },
  };
}

/**
 * `$select`: only the named properties (and `id`) come back, as on Graph. The download URL comes
 * only when selected by its full name. Without `$select` everything comes.
 */
export function project(json: Json, select: string[] | undefined): Json {
  if (!select || select.length === 0) return json;
  const keep = new Set(['id', ...select]);
  return Object.fromEntries(Object.entries(json).filter(([k]) => keep.has(k) || k === 'listItem'));
}

export const parseSelect = (value: string | null): string[] | undefined =>
  value === null
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
