import http, { createServer, type Server } from 'node:http';
import { seededRandom } from './graph-stand-in/http-util.js';

export interface LossyProxy {
  url: string;
  /** Requests the target took and answered, whose answer the client never got. */
  stats: { forwarded: number; answersDropped: number };
  close(): Promise<void>;
}

/**
 * A proxy that loses answers: a share of requests reach the target, which acts on them, and then the
 * connection to the client is cut before the answer. To the client it looks like a network failure
 * after the fact: the case a sender must survive without sending twice.
 */
export async function startLossyProxy(targetUrl: string, options: { dropRate: number; seed?: number }): Promise<LossyProxy> {
  const target = new URL(targetUrl);
  const random = seededRandom(options.seed ?? 11);
  const stats = { forwarded: 0, answersDropped: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      stats.forwarded += 1;
      const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (c: Buffer) => body.push(c));
        answer.on('end', () => {
          if (random() < options.dropRate) {
            stats.answersDropped += 1;
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(body));
        });
      });
      upstream.on('error', () => req.socket.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    stats,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

