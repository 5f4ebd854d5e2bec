/** The GraphClient against the stand-in: where the token goes, typed errors, timeouts, counters, a fault storm. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsentRequiredError, StaticTokenProvider } from '../../src/graph/graph-auth.js';
import { GraphNotFoundError, GraphRequestError } from '../../src/graph/graph-errors.js';
import { GraphStandIn } from '../support/graph-stand-in.js';
import { drain, wire } from '../support/graph-stand-in/test-client.js';

let graph: GraphStandIn;

beforeEach(async () => {
  graph = await GraphStandIn.start({ hangMs: 2_000 });
});

afterEach(async () => {
  await graph.stop();
});

describe('GraphClient', () => {
  it('works with a full base URL (trailing slash too) and sends the bearer token to Graph', async () => {
    const { client } = wire(graph, { baseUrl: `${graph.apiBase}/` });
    const drive = await client.get<{ id: string; name: string }>(`/drives/${graph.driveId}`);
    expect(drive).toMatchObject({ id: graph.driveId, name: 'Documents' });
    expect(graph.requests.at(-1)).toMatchObject({ path: `/drives/${encodeURIComponent(graph.driveId)}`, authorization: `Bearer ${graph.token}` });
  });

  it('types a 404 and does not retry it', async () => {
    const { client, sleeps } = wire(graph);
    const error = await client.get(`/drives/${graph.driveId}/items/NOPE`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphNotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'itemNotFound' });
    expect(sleeps).toEqual([]);
  });

  it('answers a wrong token with a 401 error, not retried', async () => {
    const { client, sleeps } = wire(graph, { tokens: new StaticTokenProvider('wrong') });
    const error = await client.get(`/drives/${graph.driveId}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect(sleeps).toEqual([]);
  });

  it('refuses to send a request (and the token) to another host', async () => {
    const { client } = wire(graph);
    await expect(client.get(`${graph.downloadBase}/v1.0/drives`)).rejects.toThrow(/another host/);
    expect(graph.stats().download.requests).toBe(0);
  });

  it('passes a ConsentRequiredError from the token provider through unchanged, without retrying', async () => {
    const consent = new ConsentRequiredError('consent needed', 'consent', ['https://graph.microsoft.com/.default'], undefined, 'AADSTS65001');
    const { client, sleeps } = wire(graph, { tokens: { getToken: () => Promise.reject(consent) } });
    await expect(client.get(`/drives/${graph.driveId}`)).rejects.toBe(consent);
    expect(sleeps).toEqual([]);
    expect(graph.stats().api.requests).toBe(0);
  });

  it('retries a request that timed out, and a 504', async () => {
    const { client, sleeps } = wire(graph, { requestTimeoutMs: 150, retry: { baseDelayMs: 10 } });
    graph.failNext(1, 'timeout');
    graph.failNext(1, 504);
    const drive = await client.get<{ id: string }>(`/drives/${graph.driveId}`);
    expect(drive.id).toBe(graph.driveId);
    expect(sleeps).toEqual([8, 15]);
    expect(graph.stats().api.requests).toBe(3);
  });

  it('counts requests and bytes, API and downloads apart', async () => {
    const file = graph.addFile('Paper.docx', 'x'.repeat(1000));
    const { client, source } = wire(graph);
    const { items } = await drain(source, graph.driveId, null);
    const item = items.find((i) => i.id === file.id);
    await source.download(graph.driveId, item!);
    const stats = client.stats();
    expect(stats).toMatchObject({ apiRequests: 1, downloadRequests: 1, downloadBytes: 1000, retries: 0 });
    expect(stats.apiBytes).toBe(graph.stats().api.bytes);
    client.resetStats();
    expect(client.stats()).toEqual({ apiRequests: 0, apiBytes: 0, downloadRequests: 0, downloadBytes: 0, retries: 0 });
  });

  it('gets through a storm of 429/503/timeouts (seeded) with enough attempts', async () => {
    for (let f = 0; f < 5; f++) {
      const folder = graph.addFolder(`Forum ${f}`);
      for (let i = 0; i < 8; i++) graph.addFile(`Paper ${f}-${i}.docx`, `paper ${f}-${i}`, { parentId: folder.id });
    }
    graph.chaos({ rate: 0.25, seed: 7, kinds: [429, 503, 'timeout'], retryAfter: 0 });
    const { source } = wire(graph, { requestTimeoutMs: 100, retry: { maxAttempts: 10, baseDelayMs: 1 } });
    const { items } = await drain(source, graph.driveId, null);
    const files = items.filter((i) => !i.isFolder);
    expect(files).toHaveLength(40);
    const details = await source.describe(graph.driveId, files.map((f) => f.id));
    expect(details.size).toBe(40);
    for (const f of files.slice(0, 10)) {
      const bytes = await source.download(graph.driveId, { ...f, ...details.get(f.id) });
      expect(Buffer.from(bytes).toString()).toBe(`paper ${f.name?.slice(6, -5)}`);
    }
    expect(graph.stats().faultsInjected).toBeGreaterThan(0);
    expect(graph.stats().download.withAuthorization).toBe(0);
  });
});
