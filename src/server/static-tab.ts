import { existsSync, statSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response } from 'restify';
import { COMPRESSIBLE, COPY_EXTENSIONS, type CopyEncoding } from './compressed-copies.js';
import { setSecurityHeaders } from './security-headers.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The encodings this request accepts, of those the build writes copies in (tab/precompress.ts), best first. */
export function acceptedEncodings(header: string | string[] | undefined): CopyEncoding[] {
  const offered = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    offered.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: string) => offered.get(name) ?? offered.get('*') ?? 0;
  return (['br', 'gzip'] as const).filter((name) => weightOf(name) > 0);
}

/**
 * Serves the built tab. Unknown paths get index.html, so a deep link a Teams tab
 * configuration saved (e.g. /tab/meeting) loads the app, which routes itself. A text file is sent as its
 * Brotli or gzip copy from the build when the browser accepts one (three times fewer bytes for the side
 * panel's JavaScript); the copies are never compressed per request.
 */
export function staticTabHandler(root: string) {
  const resolvedRoot = path.resolve(root);
  const index = path.join(resolvedRoot, 'index.html');
  return async (req: Request, res: Response): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://local');
    let file: string;
    try {
      file = path.resolve(resolvedRoot, '.' + decodeURIComponent(url.pathname));
    } catch {
      file = index;
    }
    if (!file.startsWith(resolvedRoot + path.sep) || !existsSync(file) || !statSync(file).isFile()) file = index;
    setSecurityHeaders(res);
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    let encoding: CopyEncoding | undefined;
    if (COMPRESSIBLE.test(file)) {
      res.setHeader('vary', 'accept-encoding');
      encoding = acceptedEncodings(req.headers['accept-encoding']).find((name) => existsSync(`${file}.${COPY_EXTENSIONS[name]}`));
      if (encoding) file = `${file}.${COPY_EXTENSIONS[encoding]}`;
    }
    // Opened once and served from the handle: a rebuild that replaces the file meanwhile cannot
    // turn into an unhandled stream error.
    let handle: FileHandle;
    try {
      handle = await open(file, 'r');
    } catch {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' });
      res.end('The tab has not been built. Run npm start (it builds the tab first) or npm run build.');
      return;
    }
    try {
      const { size } = await handle.stat();
      const hashedAsset = file.includes(`${path.sep}assets${path.sep}`);
      res.writeHead(200, {
        'content-type': type,
        'content-length': size,
        ...(encoding ? { 'content-encoding': encoding } : {}),
        // Vite names assets by content hash; index.html must always be fresh.
        'cache-control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      if (req.method === 'HEAD') {
        res.end();
        await handle.close();
        return;
      }
      const stream = handle.createReadStream({ autoClose: true });
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch {
      await handle.close().catch(() => undefined);
      if (!res.headersSent) res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' });
      res.end();
    }
  };
}
