import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('rate limits per person', () => {
  let t: TestApp;
  let people: { id: string }[];
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '10' } });
    people = (await request(t.url, 'GET', '/api/v1/dev/people')).body.people;
  });
  afterAll(async () => t?.close());

  it('slows one person with 429 and Retry-After, and leaves the others alone', async () => {
    const [a, b] = people as [{ id: string }, { id: string }];
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await request(t.url, 'GET', '/api/v1/me', { as: a.id })).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    const refused = await request(t.url, 'GET', '/api/v1/me', { as: a.id });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await request(t.url, 'GET', '/api/v1/me', { as: b.id })).status).toBe(200);
  });
});
