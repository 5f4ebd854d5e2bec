/**
 * The second host: where Graph's pre-authenticated download URLs point (another port, so another
 * origin, like *.sharepoint.com/_layouts/15/download.aspx?tempauth=… next to graph.microsoft.com).
 * The URL is its own credential: a request that carries an Authorization header is refused with
 * 401, and counted, so tests prove we never send our token here.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import PDFDocument from 'pdfkit';
import type { DriveModel, ModelItem } from './drive-model.js';
import { faultResult, type FaultInjector } from './faults.js';
import { close, graphError, listen, writeResult, type ApiResult } from './http-util.js';

export interface DownloadStats {
  requests: number;
  bytes: number;
  /** Requests that came with an Authorization header (each was refused). */
  withAuthorization: number;
}

export type DownloadKind = 'content' | 'pdf';

interface LinkToken {
  d: string;
  i: string;
  k: DownloadKind;
  g: number;
}

/** A small real PDF standing in for Graph's conversion of an Office file. */
export async function renditionPdf(title: string): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', info: { Title: title, Producer: 'Graph stand-in' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
  pdf.fontSize(14).text(`PDF rendition of ${title}`);
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}

export class DownloadHost {
  private readonly server: Server;
  private port = 0;
  /** Bumped by expireAll(): links from an earlier generation answer 401. */
  private generation = 1;
  private readonly pdfCache = new Map<string, Buffer>();
  stats: DownloadStats = { requests: 0, bytes: 0, withAuthorization: 0 };

  constructor(
    private readonly model: DriveModel,
    private readonly faults: FaultInjector,
    private readonly hangMs: number,
  ) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) writeResult(res, graphError(500, 'generalException', String(error)));
      });
    });
  }

  async start(): Promise<void> {
    this.port = await listen(this.server);
  }

  stop(): Promise<void> {
    return close(this.server);
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** A pre-authenticated URL for an item's bytes or its PDF rendition. */
  issue(item: ModelItem, kind: DownloadKind): string {
    const token: LinkToken = { d: item.driveId, i: item.id, k: kind, g: this.generation };
    return `${this.base}/_layouts/15/download.aspx?UniqueId=${item.id}&tempauth=${Buffer.from(JSON.stringify(token)).toString('base64url')}`;
  }

  /** Every URL issued so far stops working, like short-lived links after their few minutes. */
  expireAll(): void {
    this.generation += 1;
  }

  resetStats(): void {
    this.stats = { requests: 0, bytes: 0, withAuthorization: 0 };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.stats.requests += 1;
    if (req.headers.authorization !== undefined) {
      this.stats.withAuthorization += 1;
      writeResult(res, graphError(401, 'unauthenticated', 'This URL is pre-authenticated: an Authorization header is not accepted here.'));
      return;
    }
    const fault = this.faults.takeDownload();
    if (fault?.kind === 'timeout') {
      setTimeout(() => res.socket?.destroy(), this.hangMs).unref();
      return;
    }
    const result = fault ? faultResult({ ...fault, kind: fault.kind as number }) : await this.answer(req);
    this.stats.bytes += writeResult(res, result);
  }

  private async answer(req: IncomingMessage): Promise<ApiResult> {
    const url = new URL(req.url ?? '/', this.base);
    if (req.method !== 'GET' || url.pathname !== '/_layouts/15/download.aspx') return graphError(404, 'itemNotFound', 'Not found');
    let token: LinkToken;
    try {
      token = JSON.parse(Buffer.from(url.searchParams.get('tempauth') ?? '', 'base64url').toString('utf8')) as LinkToken;
    } catch {
      return graphError(401, 'unauthenticated', 'Invalid tempauth');
    }
    if (token.g !== this.generation) return graphError(401, 'unauthenticated', 'The pre-authenticated URL has expired');
    const item = this.model.find(token.d, token.i);
    if (!item || item.isFolder) return graphError(404, 'itemNotFound', 'The file is no longer there');
    if (token.k === 'content') return { status: 200, bytes: item.content, contentType: item.mimeType };
    const key = `${item.driveId}|${item.id}|${item.cTagVersion}`;
    let pdf = this.pdfCache.get(key);
    if (!pdf) {
      pdf = await renditionPdf(item.name);
      this.pdfCache.set(key, pdf);
    }
    return { status: 200, bytes: pdf, contentType: 'application/pdf' };
  }
}
