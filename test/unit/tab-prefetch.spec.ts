import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRoutes } from '../../src/contract/routes.js';
import { callKey, callOrTake, peekPrefetched, prefetch, takePrefetched } from '../../tab/src/api/prefetch.js';
import { chunk } from '../../tab/src/router/chunk.js';

const params = { partnershipId: '0b7f5f7e-4b8e-4c5e-9e8e-6b1f0d2c3a4b' };
const answer = { meetings: [] };

const json = (value: unknown) => new Response(JSON.stringify(value), { status: 200, headers: { 'content-type': 'application/json' } });

/** The API's answers; the tab first asks how the server signs people in (dev sign-in here), which is not counted. */
function serveJson() {
  const fetch = vi.fn(async () => json(answer));
  vi.stubGlobal('fetch', async (url: string) => (url === apiRoutes.signInSettings.path ? json({ mode: 'dev' }) : fetch()));
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("the tab's prefetched calls", () => {
  it('hands a prefetched call over once, to the same call, and shows its answer once it has come', async () => {
    const fetch = serveJson();
    const query = { from: '2026-12-06' };
    await prefetch(apiRoutes.listMeetings, { params, query });
    const key = callKey(apiRoutes.listMeetings, { params, query });
    expect(peekPrefetched(key)).toEqual({ status: 'ready', data: answer });
    // Another query is another call.
    expect(takePrefetched(callKey(apiRoutes.listMeetings, { params, query: { to: '2026-12-06' } }))).toBeUndefined();
    expect(await callOrTake(apiRoutes.listMeetings, { params, query })).toEqual(answer);
    expect(fetch).toHaveBeenCalledTimes(1);
    // Handed over: the next asker makes its own call.
    await callOrTake(apiRoutes.listMeetings, { params, query });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not hand over an answer that is no longer fresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const fetch = serveJson();
    await prefetch(apiRoutes.checklist, { params });
    vi.setSystemTime(Date.now() + 60_000);
    expect(takePrefetched(callKey(apiRoutes.checklist, { params }))).toBeUndefined();
    await callOrTake(apiRoutes.checklist, { params });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('a chunk of the tab', () => {
  it('loads once, says synchronously when it is here, and can be tried again after a failure', async () => {
    let attempts = 0;
    const part = chunk(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('offline');
      return { default: 'page' };
    });
    expect(part.loaded()).toBeUndefined();
    await expect(part.load()).rejects.toThrow('offline');
    expect(await part.load()).toBe('page');
    expect(part.loaded()).toBe('page');
    await part.load();
    expect(attempts).toBe(2);
  });
});
