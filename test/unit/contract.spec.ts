import { describe, expect, it } from 'vitest';
import { endpoints } from '../../src/contract/endpoints.js';
import { NewObservation } from '../../src/contract/resources.js';
import { apiRoutes } from '../../src/contract/routes.js';
import { IsoDate, IsoDateTime } from '../../src/contract/values.js';
import { OPERATIONS } from '../../src/domain/permissions.js';

describe('the API contract', () => {
  it('declares who may call every endpoint', () => {
    for (const e of Object.values(endpoints)) {
      expect(['public', 'signed_in', ...OPERATIONS], e.name).toContain(e.access);
      expect(e.path.startsWith('/api/v1/'), e.name).toBe(true);
    }
  });

  it('has the same routes in the zod-free table (routes.ts, what the tab calls) as in the endpoints with schemas', () => {
    expect(Object.keys(apiRoutes).sort()).toEqual(Object.keys(endpoints).sort());
    for (const [key, e] of Object.entries(endpoints)) {
      const { params, query, body, response, ...route } = e;
      expect(route, key).toEqual(apiRoutes[key as keyof typeof apiRoutes]);
      expect(route.name, key).toBe(key);
      expect([params, query, body, response].every((schema) => typeof schema.safeParse === 'function'), key).toBe(true);
    }
  });

  it('keeps public endpoints to dev-only ones, and how to sign in', () => {
    const publicOnes = Object.values(endpoints).filter((e) => e.access === 'public');
    expect(publicOnes.every((e) => e.devOnly || e.beforeSignIn)).toBe(true);
    expect(publicOnes.filter((e) => e.beforeSignIn).map((e) => e.name)).toEqual(['signInSettings']);
  });

  it('names each path parameter in the params schema', () => {
    for (const e of Object.values(endpoints)) {
      const names = [...e.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const shape = Object.keys((e.params as unknown as { shape: Record<string, unknown> }).shape);
      expect(shape.sort(), e.name).toEqual(names.sort());
    }
  });

  const valid = {
    id: '0b7f5f7e-4b8e-4c5e-9e8e-6b1f0d2c3a4b',
    body: '  Good challenge from health on data quality.  ',
    judgement: 'gone_well',
    evidenceType: 'meeting_observation',
    areaIds: ['5b7f5f7e-4b8e-4c5e-9e8e-6b1f0d2c3a4b'],
  };

  it('accepts a well-formed observation and trims its text', () => {
    expect(NewObservation.parse(valid).body).toBe('Good challenge from health on data quality.');
  });

  it.each([
    [{ ...valid, body: '   ' }, 'body'],
    [{ ...valid, judgement: 'excellent' }, 'judgement'],
    [{ ...valid, areaIds: [] }, 'areaIds'],
    [{ ...valid, id: 'not-a-uuid' }, 'id'],
    [{ ...valid, visibility: 'shared' }, ''],
    [{ ...valid, body: 'x'.repeat(10001) }, 'body'],
  ])('refuses a bad observation (%#)', (input, path) => {
    const r = NewObservation.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path.join('.')).toBe(path);
  });

  it('takes dates and times from the year 0001 to 9999 only: what both databases can store', () => {
    for (const d of ['0001-01-01', '2026-11-22', '2024-02-29', '9999-12-31']) expect(IsoDate.safeParse(d).success, d).toBe(true);
    for (const d of ['0000-01-01', '0000-12-31', '2026-02-29', '10000-01-01']) expect(IsoDate.safeParse(d).success, d).toBe(false);
    for (const d of ['0001-01-01T00:00:00Z', '2026-11-22T10:00:00.123456+01:00', '9999-12-31T23:59:59Z']) expect(IsoDateTime.safeParse(d).success, d).toBe(true);
    // Year 0, and an offset carrying the first or last day out of range.
    for (const d of ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00+14:00', '9999-12-31T23:59:59.999999999-12:00']) expect(IsoDateTime.safeParse(d).success, d).toBe(false);
  });
});
