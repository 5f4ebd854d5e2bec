import { createServer, type Server } from 'node:http';

export interface ConnectorCall {
  method: string;
  path: string;
  authorization: string | undefined;
  body: any;
}

/**
 * A local stand-in for the Bot Connector service: it records what the bot sends to
 * /v3/conversations/... and answers as the connector does ({ id } of the new activity).
 */
export async function startFakeConnector(): Promise<{ url: string; calls: ConnectorCall[]; close(): Promise<void> }> {
  const calls: ConnectorCall[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      calls.push({ method: req.method!, path: req.url!, authorization: req.headers.authorization, body: data ? JSON.parse(data) : undefined });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${++n}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
