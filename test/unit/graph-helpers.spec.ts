/** The pure parts of the Graph code: retry delays, URL splitting, driveItem mapping, batch chunking and inner retries. */
import { describe, expect, it } from 'vitest';
import { lastOccurrences, toSourceItem } from '../../src/documents/sources/graph-drive-item.js';
import { runBatch, type BatchRequest, type BatchResponse } from '../../src/graph/graph-batch.js';
import { errorForStatus, GraphGoneError, GraphNotFoundError, redactUrl } from '../../src/graph/graph-errors.js';
import { encodePathSegments, parseGraphBaseUrl, resolveGraphUrl, splitForSdk } from '../../src/graph/graph-url.js';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs } from '../../src/graph/retry-policy.js';

describe('retry delays', () => {
  it('reads Retry-After as seconds or a date, capped', () => {
    expect(parseRetryAfter('7', 60_000)).toBe(7000);
    expect(parseRetryAfter('0', 60_000)).toBe(0);
    expect(parseRetryAfter('3600', 60_000)).toBe(60_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', 60_000, Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon', 60_000)).toBeUndefined();
    expect(parseRetryAfter(null, 60_000)).toBeUndefined();
  });

  it('backs off exponentially, capped, with jitter between half and all of the step', () => {
    const p = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxBackoffMs: 5000 };
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, p, () => 1))).toEqual([1000, 2000, 4000, 5000]);
    expect(backoffDelayMs(2, p, () => 0)).toBe(1000);
    expect(retryDelayMs(3, '2', p, () => 0)).toBe(2000);
    expect(retryDelayMs(1, undefined, p, () => 0.5)).toBe(750);
  });
});

describe('Graph URLs', () => {
  const base = parseGraphBaseUrl('https://graph.microsoft.com/v1.0/');

  it('splits a full base URL into origin and version', () => {
    expect(base).toEqual({ origin: 'https://graph.microsoft.com', versionPath: 'v1.0', url: 'https://graph.microsoft.com/v1.0' });
    expect(parseGraphBaseUrl('http://127.0.0.1:4000').versionPath).toBe('');
  });

  it('resolves paths and keeps absolute links exactly as given', () => {
    expect(resolveGraphUrl(base, '/drives/b!x/root')).toBe('https://graph.microsoft.com/v1.0/drives/b!x/root');
    const link = "https://graph.microsoft.com/v1.0/drives/b!x/root/delta(token='MzslMjM0')?$select=id";
    expect(resolveGraphUrl(base, link)).toBe(link);
    expect(splitForSdk(base, link)).toEqual({ version: 'v1.0', path: "drives/b!x/root/delta(token='MzslMjM0')?$select=id" });
    expect(splitForSdk(base, 'https://graph.microsoft.com/beta/me')).toEqual({ version: 'beta', path: 'me' });
    expect(() => splitForSdk(base, 'https://evil.example/v1.0/me')).toThrow(/another host/);
  });

  it('encodes path segments one by one', () => {
    expect(encodePathSegments('/Executive/Q1 & Q2/#3/')).toBe('Executive/Q1%20%26%20Q2/%233');
  });

  it('keeps query strings (tokens, download credentials) out of error messages', () => {
    expect(redactUrl('https://x/v1.0/drives/d/root/delta?token=secret')).toBe('https://x/v1.0/drives/d/root/delta?…');
    expect(errorForStatus(404, '{"error":{"code":"itemNotFound","message":"gone"}}', 'u', null)).toBeInstanceOf(GraphNotFoundError);
    const gone = errorForStatus(410, '{"error":{"code":"resyncRequired"}}', 'u', 'https://x/next');
    expect(gone).toBeInstanceOf(GraphGoneError);
    expect((gone as GraphGoneError).location).toBe('https://x/next');
  });
});

describe('driveItem mapping', () => {
  it('maps the root, a file and a deleted item the way SharePoint sends them', () => {
    expect(toSourceItem({ id: 'R', name: 'root', root: {}, folder: { childCount: 2 }, parentReference: { driveId: 'd' } })).toEqual({
      id: 'R',
      name: 'root',
      parentId: null,
      isFolder: true,
      deleted: false,
    });
    expect(
      toSourceItem({
        id: 'F',
        name: 'Minutes.docx',
        parentReference: { id: 'P', driveId: 'd' },
        file: { mimeType: 'application/x', hashes: { quickXorHash: 'h==' } },
        size: 10,
        eTag: 'e',
        lastModifiedDateTime: '2026-01-05T09:00:00Z',
        '@microsoft.graph.downloadUrl': 'https://dl/x',
      }),
    ).toEqual({
      id: 'F',
      name: 'Minutes.docx',
      parentId: 'P',
      isFolder: false,
      deleted: false,
      size: 10,
      eTag: 'e',
      contentHash: 'h==',
      lastModified: '2026-01-05T09:00:00Z',
      mimeType: 'application/x',
      downloadUrl: 'https://dl/x',
    });
    expect(toSourceItem({ id: 'D', deleted: { state: 'deleted' }, parentReference: { id: 'P' }, file: {} })).toEqual({
      id: 'D',
      parentId: 'P',
      isFolder: false,
      deleted: true,
    });
  });

  it('keeps the last occurrence of an item, where it last occurred', () => {
    const a1 = toSourceItem({ id: 'A', name: 'a1' });
    const b = toSourceItem({ id: 'B', name: 'b' });
    const a2 = toSourceItem({ id: 'A', name: 'a2' });
    expect(lastOccurrences([a1, b, a2]).map((i) => i.name)).toEqual(['b', 'a2']);
  });
});

describe('runBatch', () => {
  const requests = (n: number): BatchRequest[] => Array.from({ length: n }, (_, i) => ({ id: String(i), method: 'GET', url: `/items/${i}` }));
  const retry = (sleeps: number[], maxAttempts = 3) => ({
    policy: { ...DEFAULT_RETRY_POLICY, maxAttempts },
    sleep: async (ms: number) => void sleeps.push(ms),
    random: () => 0.5,
  });

  it('sends chunks of at most 20', async () => {
    const sizes: number[] = [];
    const result = await runBatch(
      requests(45),
      async ({ requests: rs }) => {
        sizes.push(rs.length);
        return { responses: rs.map((r) => ({ id: r.id, status: 200, headers: {}, body: { url: r.url } })) };
      },
      retry([]),
    );
    expect(sizes).toEqual([20, 20, 5]);
    expect(result.size).toBe(45);
  });

  it('retries only throttled inner requests, waiting the longest Retry-After, and gives the last answer when attempts run out', async () => {
    const sleeps: number[] = [];
    const sent: string[][] = [];
    const result = await runBatch(
      requests(3),
      async ({ requests: rs }) => {
        sent.push(rs.map((r) => r.id));
        return {
          responses: rs.map((r): BatchResponse =>
            r.id === '0'
              ? { id: r.id, status: 200, headers: {}, body: {} }
              : { id: r.id, status: 429, headers: { 'retry-after': r.id === '1' ? '2' : '5' }, body: {} },
          ),
        };
      },
      retry(sleeps),
    );
    expect(sent).toEqual([['0', '1', '2'], ['1', '2'], ['1', '2']]);
    expect(sleeps).toEqual([5000, 5000]);
    expect(result.get('0')?.status).toBe(200);
    expect(result.get('2')?.status).toBe(429);
  });

  it('refuses duplicate ids', async () => {
    await expect(runBatch([...requests(2), { id: '1', method: 'GET', url: '/x' }], async () => ({ responses: [] }), retry([]))).rejects.toThrow(
      /used twice/,
    );
  });
});
