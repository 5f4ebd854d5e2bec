/**
 * The tab's files leave compressed when the browser accepts it: the build writes a Brotli and a gzip copy
 * of each text file (tab/precompress.ts) and the server picks the one the request accepts, so the side
 * panel's JavaScript crosses the network at about a third of its size.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';
import type { Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, staticTabHandler } from '../../src/server/static-tab.js';
import { precompress } from '../../tab/precompress.js';

describe('acceptedEncodings', () => {
  it('offers Brotli before gzip, and only what the request accepts', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip, deflate')).toEqual(['gzip']);
    expect(acceptedEncodings('BR')).toEqual(['br']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
  });

  it('honours q=0 as a refusal, and sends nothing compressed without the header', () => {
    expect(acceptedEncodings('br;q=0, gzip;q=0.5')).toEqual(['gzip']);
    expect(acceptedEncodings('*;q=0, gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('')).toEqual([]);
  });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

describe('the static tab handler', () => {
  let root: string;
  let server: Server;
  let port: number;
  const script = Buffer.from(`export const words = ${JSON.stringify('the side panel '.repeat(400))};\n`);
  const plain = Buffer.from(`export const plain = ${JSON.stringify('no copies '.repeat(200))};\n`);
  const index = '<!doctype html><title>Line of Sight</title><div id="root"></div>';

  const get = (file: string, acceptEncoding?: string, method = 'GET') =>
    new Promise<Answer>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: file, method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'los-static-tab-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), index);
    writeFileSync(path.join(root, 'assets', 'app-1a2b.js'), script);
    writeFileSync(path.join(root, 'assets', 'app-1a2b.js.br'), brotliCompressSync(script));
    writeFileSync(path.join(root, 'assets', 'app-1a2b.js.gz'), gzipSync(script));
    writeFileSync(path.join(root, 'assets', 'plain-3c4d.js'), plain);
    const handler = staticTabHandler(root);
    server = createServer((req, res) => void handler(req as unknown as Request, res as unknown as Response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });

  afterAll(() => {
    server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends the Brotli copy to a browser that accepts it, which decodes to the script', async () => {
    const r = await get('/assets/app-1a2b.js', 'gzip, deflate, br');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(r.headers.vary).toBe('accept-encoding');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(r.body).equals(script)).toBe(true);
    // Still the tab's own headers and caching.
    expect(r.headers['content-security-policy']).toBeTruthy();
    expect(r.headers['cache-control']).toContain('immutable');
  });

  it('sends the gzip copy when Brotli is not accepted', async () => {
    const r = await get('/assets/app-1a2b.js', 'gzip, deflate');
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(r.body).equals(script)).toBe(true);
  });

  it('sends the file as it is to a client that accepts no compression', async () => {
    for (const header of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const r = await get('/assets/app-1a2b.js', header);
      expect(r.headers['content-encoding'], String(header)).toBeUndefined();
      expect(r.body.equals(script), String(header)).toBe(true);
      // A cache in between must still keep the two apart.
      expect(r.headers.vary).toBe('accept-encoding');
    }
  });

  it('sends a file without compressed copies as it is, even when Brotli is accepted', async () => {
    const r = await get('/assets/plain-3c4d.js', 'br, gzip');
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.equals(plain)).toBe(true);
  });

  it('answers HEAD with the compressed copy\'s headers and no body', async () => {
    const r = await get('/assets/app-1a2b.js', 'br', 'HEAD');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(Number(r.headers['content-length'])).toBe(readFileSync(path.join(root, 'assets', 'app-1a2b.js.br')).length);
    expect(r.body.length).toBe(0);
  });

  it('still answers an unknown path with index.html, fresh each time', async () => {
    const r = await get('/tab/meeting', 'br, gzip');
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe(index);
    expect(r.headers['cache-control']).toBe('no-cache');
  });
});

describe('precompress (the build step writing the copies)', () => {
  it('writes Brotli and gzip copies of text files that decode to the same bytes, and leaves the rest alone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'los-precompress-'));
    try {
      const big = Buffer.from(`export default ${JSON.stringify('a paper page '.repeat(500))};\n`);
      const files: Record<string, Buffer> = {
        'assets/app-9f.js': big,
        'index.html': Buffer.from(`<!doctype html><p>${'Loading Line of Sight… '.repeat(100)}</p>`),
        'assets/tiny-1.js': Buffer.from('export {};\n'),
        'assets/icon-2.png': Buffer.alloc(4096, 7),
      };
      mkdirSync(path.join(dir, 'assets'));
      for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
      const plugin = precompress();
      const writeBundle = plugin.writeBundle as unknown as (this: unknown, options: { dir: string }, bundle: Record<string, unknown>) => Promise<void>;
      await writeBundle.call({}, { dir }, Object.fromEntries(Object.keys(files).map((name) => [name, { fileName: name }])));

      for (const name of ['assets/app-9f.js', 'index.html']) {
        const original = readFileSync(path.join(dir, name));
        expect(brotliDecompressSync(readFileSync(path.join(dir, `${name}.br`))).equals(original), name).toBe(true);
        expect(gunzipSync(readFileSync(path.join(dir, `${name}.gz`))).equals(original), name).toBe(true);
      }
      // Too small to gain from it, or not text.
      for (const name of ['assets/tiny-1.js', 'assets/icon-2.png']) {
        expect(existsSync(path.join(dir, `${name}.br`)), name).toBe(false);
        expect(existsSync(path.join(dir, `${name}.gz`)), name).toBe(false);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is a build-only step', () => {
    expect((precompress() as Plugin).apply).toBe('build');
  });
});
