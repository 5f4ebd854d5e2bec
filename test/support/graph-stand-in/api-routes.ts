/**
 * The stand-in's Graph API routes, as one function from (method, path under the version root)
 * to a result, so that `$batch` runs its inner requests through the very same code.
 */
import type { DeltaFeed } from './delta.js';
import type { DownloadHost } from './download-host.js';
import { extensionOf, type DriveModel, type ModelDrive, type ModelItem } from './drive-model.js';
import { graphError, notFound, type ApiResult } from './http-util.js';
import { parseSelect, project, renderDrive, renderItem, renderSite } from './render.js';

export interface ApiContext {
  model: DriveModel;
  delta: DeltaFeed;
  downloads: DownloadHost;
  /** e.g. http://127.0.0.1:PORT/v1.0 */
  apiBase: string;
  pageSize: number;
}

export interface Routed {
  /** A short name for counters: delta, item, children, rootPath, content, contentPdf, site, siteDrives… */
  route: string;
  run: () => ApiResult;
}

/** Graph converts these to PDF (driveitem-get-content-format). */
const CONVERTIBLE = new Set(['csv', 'doc', 'docx', 'odp', 'ods', 'odt', 'pot', 'potm', 'potx', 'pps', 'ppsx', 'ppsxm', 'ppt', 'pptm', 'pptx', 'rtf', 'xls', 'xlsx']);

const CARRIED = new Set(['$select', '$expand', '$top']);

/** The raw `$select/$expand/$top` pairs, to carry into next links exactly as the client sent them. */
function carry(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((pair) => CARRIED.has(decodeURIComponent(pair.split('=')[0] ?? '')))
    .join('&');
}

export function routeApi(ctx: ApiContext, method: string, pathAndQuery: string): Routed {
  const q = pathAndQuery.indexOf('?');
  const rawPath = q === -1 ? pathAndQuery : pathAndQuery.slice(0, q);
  const rawQuery = q === -1 ? '' : pathAndQuery.slice(q + 1);
  const params = new URLSearchParams(rawQuery);
  let segments: string[];
  try {
    segments = rawPath
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return { route: 'invalid', run: () => graphError(400, 'invalidRequest', 'Malformed path') };
  }
  const badRequest = (): Routed => ({
    route: 'unknown',
    run: () => graphError(400, 'BadRequest', `Resource not found for the segment '${segments.at(-1) ?? ''}'.`),
  });
  if (method !== 'GET') return { route: 'unknown', run: () => graphError(405, 'Request_BadRequest', `${method} is not supported here`) };

  const select = parseSelect(params.get('$select'));
  const expandFields = /listItem/i.test(params.get('$expand') ?? '');
  const top = params.get('$top') ? Number(params.get('$top')) : undefined;
  const itemJson = (item: ModelItem): unknown =>
    project(
      renderItem(ctx.model, item, { withPath: true, expandFields, downloadUrl: (i) => ctx.downloads.issue(i, 'content') }),
      select,
    );
  const [first, second, third, fourth] = segments;

  if (first === 'sites' && second !== undefined) return siteRoutes(ctx, segments, select);

  if (first === 'teams' && third === 'channels' && segments[4] === 'filesFolder' && segments.length === 5) {
    return {
      route: 'filesFolder',
      run: () => {
        const channel = ctx.model.channels.get(`${second}|${fourth}`);
        const folder = channel && ctx.model.find(channel.driveId, channel.folderId);
        if (!channel || !folder) return notFound('Channel not found or its files folder does not exist.');
        const json = renderItem(ctx.model, folder, {});
        json.parentReference = { driveId: channel.driveId, driveType: 'documentLibrary' };
        return { status: 200, json };
      },
    };
  }

  if (first !== 'drives' || second === undefined) return badRequest();
  const drive = ctx.model.drives.get(second);
  const missingDrive = (route: string): Routed => ({ route, run: () => notFound('The drive cannot be found.') });

  if (segments.length === 2) {
    return drive ? { route: 'drive', run: () => ({ status: 200, json: project(renderDrive(ctx.model, drive), select) }) } : missingDrive('drive');
  }

  // root:/{path}[:] — path-based addressing.
  if (third !== undefined && third.startsWith('root:')) {
    const path = segments.slice(2).join('/').replace(/^root:/, '').replace(/:$/, '');
    return {
      route: 'rootPath',
      run: () => {
        if (!drive) return notFound('The drive cannot be found.');
        const item = ctx.model.byPath(drive.id, path.split('/').filter((s) => s !== ''));
        return item ? { status: 200, json: itemJson(item) } : notFound('The resource could not be found.');
      },
    };
  }

  // root, root/delta, root/children, items/{id}, items/{id}/children, items/{id}/content
  const isRootAlias = third === 'root' || (third === 'items' && fourth === 'root');
  const itemId = isRootAlias ? drive?.rootId : third === 'items' ? fourth : undefined;
  const rest = third === 'root' ? segments.slice(3) : segments.slice(4);
  if (itemId === undefined && drive) return badRequest();
  const action = rest[0];

  if (isRootAlias && action !== undefined && (action === 'delta' || action.startsWith('delta('))) {
    const pathToken = /^delta\(token='([^']*)'\)$/.exec(action)?.[1];
    return {
      route: 'delta',
      run: () =>
        drive
          ? ctx.delta.handle(ctx.apiBase, drive.id, pathToken ?? params.get('token'), {
              select,
              expandFields,
              top,
              carry: carry(rawQuery),
            })
          : notFound('The drive cannot be found.'),
    };
  }

  const withItem = (route: string, work: (d: ModelDrive, item: ModelItem) => ApiResult): Routed => ({
    route,
    run: () => {
      if (!drive) return notFound('The drive cannot be found.');
      const item = itemId === undefined ? undefined : ctx.model.find(drive.id, itemId);
      return item ? work(drive, item) : notFound('The resource could not be found.');
    },
  });

  if (action === undefined) return withItem('item', (_d, item) => ({ status: 200, json: itemJson(item) }));
  if (action === 'children' && rest.length === 1) {
    return withItem('children', (d, item) => {
      const all = ctx.model.liveChildren(d, item.id);
      const offset = Number(params.get('$skiptoken') ?? '0') || 0;
      const size = Math.max(1, Math.min(top ?? ctx.pageSize, ctx.pageSize));
      const json: Record<string, unknown> = { value: all.slice(offset, offset + size).map(itemJson) };
      if (offset + size < all.length) {
        const carried = carry(rawQuery);
        json['@odata.nextLink'] = `${ctx.apiBase}/drives/${d.id}/items/${item.id}/children?$skiptoken=${offset + size}${carried ? `&${carried}` : ''}`;
      }
      return { status: 200, json };
    });
  }
  if (action === 'content' && rest.length === 1) {
    const format = params.get('format');
    return withItem(format ? 'contentPdf' : 'content', (_d, item) => {
      if (item.isFolder) return graphError(400, 'invalidRequest', 'A folder has no content.');
      if (format === null) return { status: 302, headers: { Location: ctx.downloads.issue(item, 'content') } };
      if (format !== 'pdf') return graphError(400, 'invalidRequest', `Unknown format ${format}`);
      if (!CONVERTIBLE.has(extensionOf(item.name))) {
        return graphError(406, 'notSupported', `Conversion of .${extensionOf(item.name) || '(none)'} files to PDF is not supported.`);
      }
      return { status: 302, headers: { Location: ctx.downloads.issue(item, 'pdf') } };
    });
  }
  return badRequest();
}

function siteRoutes(ctx: ApiContext, segments: string[], select: string[] | undefined): Routed {
  const sites = [...ctx.model.sites.values()];
  const [, key, ...rest] = segments as [string, string, ...string[]];
  let site: (typeof sites)[number] | undefined;
  let tail: string[];
  if (key.endsWith(':')) {
    // /sites/{hostname}:/{server-relative-path}[:]/…
    const hostname = key.slice(0, -1).toLowerCase();
    const colon = rest.findIndex((s) => s.endsWith(':'));
    const pathParts = colon === -1 ? rest : rest.slice(0, colon + 1);
    tail = colon === -1 ? [] : rest.slice(colon + 1);
    const path = `/${pathParts.join('/').replace(/:$/, '')}`.toLowerCase();
    site = sites.find((s) => s.hostname === hostname && s.path.toLowerCase() === path);
  } else {
    tail = rest;
    const lower = key.toLowerCase();
    site = sites.find((s) => s.id.toLowerCase() === lower) ?? sites.find((s) => s.hostname === lower && s.path === '/');
  }
  const missing = (): ApiResult => notFound('Requested site could not be found');
  if (tail.length === 0) return { route: 'site', run: () => (site ? { status: 200, json: project(renderSite(site), select) } : missing()) };
  if (tail.length === 1 && tail[0] === 'drives') {
    return {
      route: 'siteDrives',
      run: () =>
        site
          ? { status: 200, json: { value: site.driveIds.map((id) => project(renderDrive(ctx.model, ctx.model.drive(id)), select)) } }
          : missing(),
    };
  }
  if (tail.length === 1 && tail[0] === 'drive') {
    return {
      route: 'siteDrive',
      run: () => {
        const id = site?.driveIds[0];
        return site && id ? { status: 200, json: project(renderDrive(ctx.model, ctx.model.drive(id)), select) } : missing();
      },
    };
  }
  return { route: 'unknown', run: () => graphError(400, 'BadRequest', `Resource not found for the segment '${tail.at(-1) ?? ''}'.`) };
}
