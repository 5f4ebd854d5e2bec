import { existsSync, statSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response } from 'restify';
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

/**
 * Serves the built tab. Unknown paths get index.html, so a deep link a Teams tab
 * configuration saved (e.g. /tab/meeting) loads the app, which routes itself.
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
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': size,
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
