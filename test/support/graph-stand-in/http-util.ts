/** Small HTTP helpers shared by the stand-in's two servers. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiResult {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  bytes?: Buffer;
  contentType?: string;
}

/** Graph's documented error body. */
export function graphError(status: number, code: string, message: string, headers?: Record<string, string>): ApiResult {
  return {
    status,
    headers,
    json: { error: { code, message, innerError: { date: '2026-01-05T09:00:00', 'request-id': 'stand-in', 'client-request-id': 'stand-in' } } },
  };
}

export const notFound = (message = 'The resource could not be found.'): ApiResult => graphError(404, 'itemNotFound', message);

export async function readBody(req: IncomingMessage, limit = 4 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export type Truncation = 'short-body' | 'cut-json';

/**
 * Writes a result. A truncation either declares the full Content-Length and then drops the
 * connection half-way ('short-body'), or sends half the JSON as if it were all ('cut-json').
 */
export function writeResult(res: ServerResponse, result: ApiResult, truncation?: Truncation): number {
  const headers: Record<string, string> = { ...result.headers };
  let body: Buffer;
  if (result.bytes) {
    body = result.bytes;
    headers['Content-Type'] = result.contentType ?? 'application/octet-stream';
  } else if (result.json !== undefined) {
    body = Buffer.from(JSON.stringify(result.json));
    headers['Content-Type'] = 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';
  } else {
    body = Buffer.alloc(0);
  }
  if (truncation && body.length > 1) {
    const half = body.subarray(0, Math.floor(body.length / 2));
    if (truncation === 'cut-json') {
      res.writeHead(result.status, { ...headers, 'Content-Length': String(half.length) });
      res.end(half);
    } else {
      res.writeHead(result.status, { ...headers, 'Content-Length': String(body.length) });
      res.write(half, () => res.socket?.destroy());
    }
    return half.length;
  }
  res.writeHead(result.status, { ...headers, 'Content-Length': String(body.length) });
  res.end(body);
  return body.length;
}

export async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** mulberry32: a small seeded PRNG, so a fault run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
