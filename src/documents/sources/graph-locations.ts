/**
 * Turns what a business manager types (a site URL or id, a library name, a folder path; or a Teams
 * channel) into Graph ids, once, so that sync works by id. A part that is not there is reported by
 * name, with what is there when that helps ("libraries there: Documents, Minutes").
 */
import type { GraphClient } from '../../graph/graph-client.js';
import { GraphNotFoundError, GraphRequestError } from '../../graph/graph-errors.js';
import { encodePathSegments } from '../../graph/graph-url.js';
import { LocationNotFoundError, type LocationInput, type ResolvedLocation } from '../document-source.js';

interface SiteJson {
  id: string;
  webUrl?: string;
  displayName?: string;
}

interface DriveJson {
  id: string;
  name?: string;
  webUrl?: string;
  sharePointIds?: { siteId?: string; siteUrl?: string; webId?: string };
}

interface FolderJson {
  id: string;
  name?: string;
  webUrl?: string;
  folder?: object;
  root?: object;
  parentReference?: { driveId?: string };
}

/** "Not there" for our purposes: 404, and 400 for ids Graph cannot even parse. */
const isMissing = (e: unknown): boolean => e instanceof GraphNotFoundError || (e instanceof GraphRequestError && e.status === 400);

async function orMissing<T>(work: Promise<T>, missing: () => LocationNotFoundError): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw isMissing(error) ? missing() : error;
  }
}

/** Site ids look like `host,guid,guid`: commas may stay, anything else is encoded. */
const encodeSiteId = (id: string): string => encodeURIComponent(id).replace(/%2C/gi, ',');

/**
 * A site URL becomes Graph's `/sites/{host}:/{path}`. Only the site part of the path is kept, so a
 * URL copied from a library page (…/sites/scp/Shared Documents/Forms/AllItems.aspx) still works.
 */
export function siteRequestPath(site: string): string {
  const trimmed = site.trim();
  if (!/^https?:\/\//i.test(trimmed)) return `/sites/${encodeSiteId(trimmed)}`;
  const url = new URL(trimmed);
  const segments = url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeURIComponent(s));
  const first = segments[0]?.toLowerCase();
  const sitePath = (first === 'sites' || first === 'teams') && segments.length >= 2 ? segments.slice(0, 2).join('/') : '';
  return sitePath ? `/sites/${url.hostname}:/${encodePathSegments(sitePath)}` : `/sites/${url.hostname}`;
}

/** The library's name in URLs ("Shared Documents" for the library shown as "Documents"). */
function urlName(drive: DriveJson): string | undefined {
  if (!drive.webUrl) return undefined;
  const last = drive.webUrl.replace(/\/+$/, '').split('/').pop();
  return last ? decodeURIComponent(last) : undefined;
}

const sameName = (a: string | undefined, b: string): boolean => a !== undefined && a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

async function listDrives(client: GraphClient, siteId: string): Promise<DriveJson[]> {
  const drives: DriveJson[] = [];
  let url: string | undefined = `/sites/${encodeSiteId(siteId)}/drives?$select=id,name,webUrl`;
  while (url) {
    const page: { value?: DriveJson[]; '@odata.nextLink'?: string } = await client.get(url);
    drives.push(...(page.value ?? []));
    url = page['@odata.nextLink'];
  }
  return drives;
}

const normaliseFolder = (folder: string | undefined): string =>
  (folder ?? '')
    .split(/[/\\]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join('/');

async function resolveSiteLocation(client: GraphClient, input: { site: string; library?: string; folder?: string }): Promise<ResolvedLocation> {
  const siteText = input.site.trim();
  const isUrl = /^https?:\/\//i.test(siteText);
  const site = await orMissing(
    client.get<SiteJson>(siteRequestPath(siteText)),
    () => new LocationNotFoundError('site', isUrl ? `No SharePoint site at ${siteText}` : `No SharePoint site with id "${siteText}"`),
  );
  const siteName = site.webUrl ?? siteText;

  let drive: DriveJson;
  const libraryName = input.library?.trim();
  if (libraryName) {
    const drives = await listDrives(client, site.id);
    const found = drives.find((d) => sameName(d.name, libraryName)) ?? drives.find((d) => sameName(urlName(d), libraryName));
    if (!found) {
      const there = drives.map((d) => d.name ?? d.id).join(', ') || 'none';
      throw new LocationNotFoundError('library', `No library called "${libraryName}" on site ${siteName} (libraries there: ${there})`);
    }
    drive = found;
  } else {
    drive = await orMissing(
      client.get<DriveJson>(`/sites/${encodeSiteId(site.id)}/drive?$select=id,name,webUrl`),
      () => new LocationNotFoundError('library', `Site ${siteName} has no default document library`),
    );
  }

  const libraryLabel = drive.name ?? drive.id;
  const libraryPath = urlName(drive) ?? libraryLabel;
  const folder = normaliseFolder(input.folder);
  let folderItem: FolderJson | null = null;
  let folderPathWithin = '';
  if (folder) {
    const found = await findFolder(client, drive, folder);
    if (!found) {
      throw new LocationNotFoundError('folder', `No folder "${folder}" in library "${libraryLabel}" on site ${siteName}`);
    }
    folderItem = found.item;
    folderPathWithin = found.path;
    if (!folderItem.folder && !folderItem.root) {
      throw new LocationNotFoundError('folder', `"${folder}" in library "${libraryLabel}" on site ${siteName} is a file, not a folder`);
    }
  }
  return {
    kind: 'graph',
    siteId: site.id,
    siteUrl: site.webUrl ?? (isUrl ? siteText : null),
    driveId: drive.id,
    driveName: drive.name ?? null,
    folderItemId: folderItem && !folderItem.root ? folderItem.id : null,
    folderPath: folderPathWithin ? `${libraryPath}/${folderPathWithin}` : libraryPath,
    teamId: null,
    channelId: null,
  };
}

/** People often type the library as the first folder ("Shared Documents/Executive"). */
function stripLibraryPrefix(folder: string, drive: DriveJson): string {
  const [first, ...rest] = folder.split('/');
  return first !== undefined && (sameName(drive.name, first) || sameName(urlName(drive), first)) ? rest.join('/') : folder;
}

/** The folder by path; when not found and the path starts with the library's own name, without it. */
async function findFolder(client: GraphClient, drive: DriveJson, folder: string): Promise<{ item: FolderJson; path: string } | null> {
  const attempts = [folder];
  const stripped = stripLibraryPrefix(folder, drive);
  if (stripped !== folder) attempts.push(stripped);
  for (const path of attempts) {
    const url = path ? `/drives/${encodeURIComponent(drive.id)}/root:/${encodePathSegments(path)}` : `/drives/${encodeURIComponent(drive.id)}/root`;
    try {
      return { item: await client.get<FolderJson>(`${url}?$select=id,name,webUrl,folder,root`), path };
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  return null;
}

/** The composite site id (`host,siteGuid,webGuid`) from a drive's SharePoint ids, when Graph gave them. */
function siteIdFrom(ids: DriveJson['sharePointIds']): string | null {
  if (!ids?.siteId || !ids.webId || !ids.siteUrl) return null;
  return `${new URL(ids.siteUrl).hostname},${ids.siteId},${ids.webId}`;
}

async function resolveChannelLocation(client: GraphClient, input: { teamId: string; channelId: string }): Promise<ResolvedLocation> {
  const folder = await orMissing(
    client.get<FolderJson>(`/teams/${encodeURIComponent(input.teamId)}/channels/${encodeURIComponent(input.channelId)}/filesFolder`),
    () =>
      new LocationNotFoundError(
        'channel',
        `No channel "${input.channelId}" in team "${input.teamId}", or the channel's files folder has not been created yet (open its Files tab once)`,
      ),
  );
  const driveId = folder.parentReference?.driveId;
  if (!driveId) throw new LocationNotFoundError('channel', `The files folder of channel "${input.channelId}" names no drive`);
  const drive = await client.get<DriveJson>(`/drives/${encodeURIComponent(driveId)}?$select=id,name,webUrl,sharePointIds`);
  const libraryPath = urlName(drive) ?? drive.name ?? driveId;
  // The folder's path for people: its webUrl below the library's webUrl, else its name.
  const below =
    drive.webUrl && folder.webUrl?.startsWith(`${drive.webUrl.replace(/\/+$/, '')}/`)
      ? decodeURIComponent(folder.webUrl.slice(drive.webUrl.replace(/\/+$/, '').length + 1))
      : (folder.name ?? '');
  return {
    kind: 'graph',
    siteId: siteIdFrom(drive.sharePointIds),
    siteUrl: drive.sharePointIds?.siteUrl ?? null,
    driveId,
    driveName: drive.name ?? null,
    folderItemId: folder.root ? null : folder.id,
    folderPath: below ? `${libraryPath}/${below}` : libraryPath,
    teamId: input.teamId,
    channelId: input.channelId,
  };
}

export async function resolveGraphLocation(client: GraphClient, input: LocationInput): Promise<ResolvedLocation> {
  if ('site' in input) return resolveSiteLocation(client, input);
  if ('teamId' in input) return resolveChannelLocation(client, input);
  throw new Error('A local folder is not a Graph location: resolve it with the local document source');
}
