/** HTTP from the suite to the server under test: keep-alive sockets, each answer timed. */
import http from 'node:http';
import { DEV_PERSON_HEADER } from '../../../src/server/authenticator.js';

/** The transport error of a request the server did not answer within the client's timeout. */
export const NO_ANSWER_IN_TIME = 'no answer in time';

export interface Answer {
  status: number;
  /** 0 when no HTTP answer came (reset, refused): the transport error is in `error`. */
  ms: number;
  text: string;
  error?: string;
}

export interface SendOptions {
  as?: string;
  json?: unknown;
  /** A body as written (text or bytes), sent with `contentType`. */
  body?: string | Uint8Array;
  contentType?: string | null;
  timeoutMs?: number;
}

export class Client {
  private readonly agent: http.Agent;
  private readonly target: URL;

  constructor(base: string, sockets = 50) {
    this.target = new URL(base);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  send(method: string, path: string, o: SendOptions = {}): Promise<Answer> {
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (o.as) headers[DEV_PERSON_HEADER] = o.as;
    let body: string | Uint8Array | undefined = o.body;
    let contentType = o.contentType;
    if (o.json !== undefined) {
      body = JSON.stringify(o.json);
      contentType ??= 'application/json';
    }
    if (contentType) headers['content-type'] = contentType;
    if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
    return new Promise((resolve) => {
      const t0 = performance.now();
      const req = http.request({ host: this.target.hostname, port: this.target.port, path, method, agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => resolve({ status: 0, ms: performance.now() - t0, text: '', error: e.message }));
      });
      req.setTimeout(o.timeoutMs ?? 60_000, () => req.destroy(new Error(NO_ANSWER_IN_TIME)));
      req.on('error', (e) => resolve({ status: 0, ms: performance.now() - t0, text: '', error: e.message }));
      req.end(body);
    });
  }

  async json<T = any>(method: string, path: string, o: SendOptions = {}): Promise<T> {
    const a = await this.send(method, path, o);
    if (a.status < 200 || a.status >= 300) throw new Error(`${method} ${path}: ${a.status || a.error} ${a.text.slice(0, 300)}`);
    return (a.text ? JSON.parse(a.text) : undefined) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface DemoPerson {
  id: string;
  name: string;
  role: string;
  partnership: { id: string };
}

/** The demo partnership's people, by role (dev sign-in lists them). */
export async function demoPeople(client: Client): Promise<{ partnershipId: string; byRole: (role: string) => DemoPerson[] }> {
  const { people } = await client.json<{ people: DemoPerson[] }>('GET', '/api/v1/dev/people');
  const partnershipId = people.find((p) => p.role === 'scrutineer')?.partnership.id;
  if (!partnershipId) throw new Error('The demo partnership has no scrutineer.');
  return { partnershipId, byRole: (role) => people.filter((p) => p.role === role && p.partnership.id === partnershipId) };
}
