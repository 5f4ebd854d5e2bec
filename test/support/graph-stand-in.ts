/**
 * A local HTTP server that behaves like Microsoft Graph for what the document source uses: sites
 * and libraries, path and channel resolution, the drive delta feed (paging, tokens, 410 resync),
 * `$batch`, `/content` 302 redirects to a second host that refuses Authorization headers, PDF
 * conversion, and Graph's errors. Built from Microsoft's documented response shapes.
 *
 *   const graph = await GraphStandIn.start();            // default site contoso.sharepoint.com/sites/scp, library "Documents"
 *   const exec = graph.addFolder('Executive');
 *   graph.addFile('Minutes.docx', 'bytes', { parentId: exec.id });
 *   … point a GraphClient at graph.apiBase with token graph.token …
 *   await graph.stop();
 *
 * Fault injection (failNext, failNextInBatch, failNextDownload, truncateNext, chaos) and counters
 * (stats, requests) are for tests and benchmarks.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { routeApi, type ApiContext } from './graph-stand-in/api-routes.js';
import { DeltaFeed } from './graph-stand-in/delta.js';
import { DownloadHost, type DownloadStats } from './graph-stand-in/download-host.js';
import { DriveModel, type ModelDrive, type ModelItem, type ModelSite } from './graph-stand-in/drive-model.js';
import { answerBatch } from './graph-stand-in/batch.js';
import { faultResult, FaultInjector, type ChaosOptions, type FaultKind, type FaultOptions } from './graph-stand-in/faults.js';
import { close, graphError, listen, readBody, writeResult, type ApiResult, type Truncation } from './graph-stand-in/http-util.js';

export type { ModelItem, ModelSite, ModelDrive } from './graph-stand-in/drive-model.js';
export type { ChaosOptions, FaultKind } from './graph-stand-in/faults.js';
export { cTagOf, eTagOf } from './graph-stand-in/render.js';

export interface GraphStandInOptions {
  /** The bearer token API routes require. Default 'stand-in-token'. */
  token?: string;
  /** Items per delta / children page. Default 200. */
  pageSize?: number;
  /** SharePoint's delta omits cTag on created/modified items. Default true. */
  deltaOmitsCTag?: boolean;
  /** Whether delta items carry `@microsoft.graph.downloadUrl` (when selected). Default true. */
  deltaIncludesDownloadUrl?: boolean;
  /** Graph's delta also returns the parent folders of changed items. Default true. */
  deltaIncludesParents?: boolean;
  /** A 'timeout' fault holds the request this long, then drops the connection. Default 5000 ms. */
  hangMs?: number;
  /** The default site. Default contoso.sharepoint.com /sites/scp "Safeguarding Children Partnership". */
  site?: { hostname: string; path: string; displayName: string };
}

export interface GraphStandInStats {
  api: {
    /** HTTP requests to the API host (a $batch POST counts once). */
    requests: number;
    bytes: number;
    /** Per route: delta, item, children, rootPath, content, contentPdf, batch, batch:item, site… */
    byRoute: Record<string, number>;
    /** Requests refused for a missing or wrong bearer token. */
    unauthorized: number;
  };
  download: DownloadStats;
  faultsInjected: number;
}

export interface RequestRecord {
  method: string;
  /** Path and query under the version root, as received. */
  path: string;
  route: string;
  authorization: string | undefined;
}

type On = { driveId?: string };

export class GraphStandIn {
  readonly model = new DriveModel();
  readonly faults = new FaultInjector();
  readonly token: string;
  readonly site: ModelSite;
  /** The default site's "Documents" library. */
  readonly driveId: string;
  /** The last requests to the API host (at most 10 000), oldest first. */
  readonly requests: RequestRecord[] = [];
  private readonly server: Server;
  private readonly downloads: DownloadHost;
  private readonly delta: DeltaFeed;
  private readonly options: Required<Omit<GraphStandInOptions, 'site' | 'token'>>;
  private port = 0;
  private api: GraphStandInStats['api'] = GraphStandIn.zero();

  private constructor(options: GraphStandInOptions) {
    this.token = options.token ?? 'stand-in-token';
    this.options = {
      pageSize: options.pageSize ?? 200,
      deltaOmitsCTag: options.deltaOmitsCTag ?? true,
      deltaIncludesDownloadUrl: options.deltaIncludesDownloadUrl ?? true,
      deltaIncludesParents: options.deltaIncludesParents ?? true,
      hangMs: options.hangMs ?? 5000,
    };
    const s = options.site ?? { hostname: 'contoso.sharepoint.com', path: '/sites/scp', displayName: 'Safeguarding Children Partnership' };
    this.site = this.model.addSite(s.hostname, s.path, s.displayName);
    this.driveId = this.model.addDrive(this.site.id, 'Documents', 'Shared Documents').id;
    this.downloads = new DownloadHost(this.model, this.faults, this.options.hangMs);
    this.delta = new DeltaFeed(
      this.model,
      {
        pageSize: this.options.pageSize,
        includeParents: this.options.deltaIncludesParents,
        omitCTag: this.options.deltaOmitsCTag,
        downloadUrlInDelta: this.options.deltaIncludesDownloadUrl,
      },
      (item) => this.downloads.issue(item, 'content'),
    );
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) writeResult(res, graphError(500, 'generalException', String(error)));
      });
    });
  }

  static async start(options: GraphStandInOptions = {}): Promise<GraphStandIn> {
    const standIn = new GraphStandIn(options);
    standIn.port = await listen(standIn.server);
    await standIn.downloads.start();
    return standIn;
  }

  async stop(): Promise<void> {
    await Promise.all([close(this.server), this.downloads.stop()]);
  }

  /** The Graph base URL to configure: `http://127.0.0.1:PORT/v1.0`. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/v1.0`;
  }

  /** The download host's origin (another port: another origin). */
  get downloadBase(): string {
    return this.downloads.base;
  }

  get siteUrl(): string {
    return `https://${this.site.hostname}${this.site.path}`;
  }

  rootId(driveId = this.driveId): string {
    return this.model.drive(driveId).rootId;
  }

  // ── content helpers ─────────────────────────────────────────────────────────

  addSite(hostname: string, path: string, displayName: string, libraries: string[] = ['Documents']): { site: ModelSite; drives: ModelDrive[] } {
    const site = this.model.addSite(hostname, path, displayName);
    const drives = libraries.map((name) => this.model.addDrive(site.id, name, name === 'Documents' ? 'Shared Documents' : name));
    return { site, drives };
  }

  addLibrary(name: string, options: { siteId?: string; urlName?: string } = {}): ModelDrive {
    return this.model.addDrive(options.siteId ?? this.site.id, name, options.urlName ?? name);
  }

  addFolder(name: string, options: On & { parentId?: string } = {}): ModelItem {
    return this.model.addFolder(options.driveId ?? this.driveId, options.parentId ?? null, name);
  }

  /** Creates the folders of a path that are missing ("Executive/2025") and returns the last. */
  ensureFolder(path: string, options: On = {}): ModelItem {
    const drive = this.model.drive(options.driveId ?? this.driveId);
    let parent = this.model.item(drive.id, drive.rootId);
    for (const name of path.split('/').filter((s) => s !== '')) {
      const existing = this.model.liveChildren(drive, parent.id).find((c) => c.isFolder && c.name.toLowerCase() === name.toLowerCase());
      parent = existing ?? this.model.addFolder(drive.id, parent.id, name);
    }
    return parent;
  }

  addFile(name: string, content: string | Uint8Array, options: On & { parentId?: string; mimeType?: string; fields?: Record<string, unknown> } = {}): ModelItem {
    const driveId = options.driveId ?? this.driveId;
    const item = this.model.addFile(driveId, options.parentId ?? null, name, Buffer.from(content), options.mimeType);
    if (options.fields) item.fields = { ...options.fields };
    return item;
  }

  /** A new version: eTag and cTag change. */
  updateContent(itemId: string, content: string | Uint8Array, options: On = {}): ModelItem {
    return this.model.updateContent(options.driveId ?? this.driveId, itemId, Buffer.from(content));
  }

  /** Same id, new name: the eTag changes, the cTag does not. */
  rename(itemId: string, name: string, options: On = {}): ModelItem {
    return this.model.rename(options.driveId ?? this.driveId, itemId, name);
  }

  /** Same id, new parent: the eTag changes, the cTag does not. */
  move(itemId: string, newParentId: string, options: On = {}): ModelItem {
    return this.model.move(options.driveId ?? this.driveId, itemId, newParentId);
  }

  /** Deletes an item (and what is under it): delta reports each without name or cTag. */
  remove(itemId: string, options: On = {}): ModelItem[] {
    return this.model.remove(options.driveId ?? this.driveId, itemId);
  }

  setFields(itemId: string, fields: Record<string, unknown>, options: On = {}): ModelItem {
    return this.model.setFields(options.driveId ?? this.driveId, itemId, fields);
  }

  /** A Teams channel whose files folder is a folder `folderName` at the library's root. */
  addChannel(teamId: string, channelId: string, folderName: string, options: On = {}): ModelItem {
    const driveId = options.driveId ?? this.driveId;
    const folder = this.model.byPath(driveId, [folderName]) ?? this.model.addFolder(driveId, null, folderName);
    this.model.addChannel(teamId, channelId, driveId, folder.id);
    return folder;
  }

  item(itemId: string, options: On = {}): ModelItem {
    return this.model.item(options.driveId ?? this.driveId, itemId);
  }

  // ── tokens, faults, counters ───────────────────────────────────────────────

  /** Every delta token and nextLink issued so far answers 410 Gone with a Location to start again. */
  expireTokens(): void {
    this.delta.expire();
  }

  /** Every pre-authenticated download URL issued so far answers 401. */
  expireDownloadUrls(): void {
    this.downloads.expireAll();
  }

  /** The next n API requests (optionally of one route) answer `kind` (a status, or 'timeout': no answer). */
  failNext(n: number, kind: FaultKind, options: FaultOptions = {}): void {
    this.faults.failNext(n, kind, options);
  }

  /** The next n inner $batch requests answer `status` (e.g. 429 with Retry-After). */
  failNextInBatch(n: number, status: number, options: { retryAfter?: number } = {}): void {
    this.faults.failNextInBatch(n, status, options);
  }

  failNextDownload(n: number, kind: FaultKind, options: { retryAfter?: number } = {}): void {
    this.faults.failNextDownload(n, kind, options);
  }

  /** The next JSON answer is cut: 'short-body' drops the connection before the declared length; 'cut-json' sends half the JSON. */
  truncateNext(mode: Truncation = 'short-body', n = 1): void {
    this.faults.truncateNext(mode, n);
  }

  /** Probability mode: e.g. `{ rate: 0.1, seed: 7 }` fails 10% of requests with 429/503/timeout. Null turns it off. */
  chaos(options: ChaosOptions | null): void {
    this.faults.setChaos(options);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  stats(): GraphStandInStats {
    return { api: { ...this.api, byRoute: { ...this.api.byRoute } }, download: { ...this.downloads.stats }, faultsInjected: this.faults.injected };
  }

  resetStats(): void {
    this.api = GraphStandIn.zero();
    this.downloads.resetStats();
    this.faults.injected = 0;
    this.requests.length = 0;
  }

  private static zero(): GraphStandInStats['api'] {
    return { requests: 0, bytes: 0, byRoute: {}, unauthorized: 0 };
  }

  private context(): ApiContext {
    return { model: this.model, delta: this.delta, downloads: this.downloads, apiBase: this.apiBase, pageSize: this.options.pageSize };
  }

  private countRoute(route: string): void {
    this.api.byRoute[route] = (this.api.byRoute[route] ?? 0) + 1;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = req.url ?? '/';
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    if (!raw.startsWith('/v1.0/')) {
      writeResult(res, graphError(404, 'itemNotFound', 'Unknown version'));
      return;
    }
    const pathAndQuery = raw.slice('/v1.0'.length);
    const isBatch = method === 'POST' && /^\/(\$|%24)batch(\?|$)/.test(pathAndQuery);
    const routed = isBatch ? undefined : routeApi(this.context(), method, pathAndQuery);
    const route = isBatch ? 'batch' : (routed?.route ?? 'unknown');
    this.api.requests += 1;
    this.countRoute(route);
    const authorization = req.headers.authorization;
    if (this.requests.length >= 10_000) this.requests.shift();
    this.requests.push({ method, path: pathAndQuery, route, authorization });

    let result: ApiResult;
    if (authorization !== `Bearer ${this.token}`) {
      this.api.unauthorized += 1;
      result = graphError(401, 'InvalidAuthenticationToken', authorization ? 'Access token validation failure.' : 'Access token is empty.');
    } else {
      const fault = this.faults.takeApi(route);
      if (fault?.kind === 'timeout') {
        setTimeout(() => res.socket?.destroy(), this.options.hangMs).unref();
        return;
      }
      if (fault) result = faultResult({ ...fault, kind: fault.kind as number });
      else result = isBatch ? answerBatch(body, this.context(), this.faults, (r) => this.countRoute(r)) : (routed as NonNullable<typeof routed>).run();
    }
    const truncation = result.json !== undefined ? this.faults.takeTruncation() : undefined;
    this.api.bytes += writeResult(res, result, truncation);
  }
}
