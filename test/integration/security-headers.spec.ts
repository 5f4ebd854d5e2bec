/**
 * What every response tells the browser about itself: the tab's pages may be framed by Teams only and
 * never sniffed; API answers, which carry records about children, are never stored by a cache and never
 * sniffed into something runnable.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, HIDDEN_ROUTES } from '../../tab/src/router/routes.js';
import { FRAME_ANCESTORS } from '../../src/server/security-headers.js';
import { makePartnership, type PartnershipFixture } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { DEV_PERSON_HEADER } from '../../src/server/authenticator.js';

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

describe('security headers on every tab page and API response', () => {
  let t: TestApp;
  let p: PartnershipFixture;
  const get = (path: string, as?: string, method = 'GET') => fetch(t.url + path, { method, headers: as ? { [DEV_PERSON_HEADER]: as } : {} });

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
    p = await makePartnership(t.app.database.db);
  });
  afterAll(async () => t?.close());

  it('serves every tab page (each surface, the configuration page, deep links, unknown paths) with the CSP, nosniff and a referrer policy', async () => {
    const paths = ['/', '/index.html', ...ROUTES.map((r) => `/tab/${r.key}`), ...HIDDEN_ROUTES.map((r) => `/tab/${r.key}`), '/tab/no-such-page', '/assets/no-such-file.js'];
    for (const path of paths) {
      for (const method of ['GET', 'HEAD']) {
        const r = await get(path, undefined, method);
        await r.arrayBuffer();
        const csp = r.headers.get('content-security-policy');
        expect(csp, `${method} ${path}`).toBeTruthy();
        // Framed only by Teams and the Microsoft 365 hosts: no wildcard host, no other site.
        expect(directive(csp!, 'frame-ancestors'), path).toEqual(FRAME_ANCESTORS);
        expect(directive(csp!, 'frame-ancestors')!.every((a) => a === "'self'" || /^https:\/\/(\*\.)?[a-z0-9.-]+\.(com|microsoft)$/.test(a))).toBe(true);
        expect(directive(csp!, 'script-src'), path).toEqual(["'self'"]);
        expect(directive(csp!, 'object-src'), path).toEqual(["'none'"]);
        expect(directive(csp!, 'base-uri'), path).toEqual(["'self'"]);
        expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
        expect(r.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
        if (r.status === 200) expect(r.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      }
    }
  });

  it('marks the API\'s answers no-store and nosniff: successes, refusals, errors, downloads and unknown routes', async () => {
    const P = `/api/v1/partnerships/${p.partnershipId}`;
    const cases: [string, Promise<Response>][] = [
      ['me', get('/api/v1/me', p.people.business_manager)],
      ['overview', get(P, p.people.scrutineer)],
      ['observations', get(`${P}/observations`, p.people.scrutineer)],
      ['challenges', get(`${P}/challenges`, p.people.partner_member)],
      ['audit log', get(`${P}/audit-log`, p.people.business_manager)],
      ['audit CSV', get(`${P}/audit-log/export`, p.people.business_manager)],
      ['partnership export', get(`${P}/data-protection/export`, p.people.business_manager)],
      ['no sign-in (401)', get(P)],
      ['refused (403)', get(`${P}/audit-log`, p.people.scrutineer)],
      ['another partnership (403)', get(`/api/v1/partnerships/${randomUUID()}`, p.people.scrutineer)],
      ['bad query (400)', get(`${P}/audit-log?limit=nope`, p.people.business_manager)],
      ['unknown route (404)', get('/api/v1/no-such-thing', p.people.business_manager)],
    ];
    for (const [name, pending] of cases) {
      const r = await pending;
      await r.arrayBuffer();
      expect(r.status, name).toBeLessThan(500);
      expect(r.headers.get('cache-control'), name).toMatch(/no-store/);
      expect(r.headers.get('x-content-type-options'), name).toBe('nosniff');
    }
  });
});
