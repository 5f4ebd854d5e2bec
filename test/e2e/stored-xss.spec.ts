/**
 * Stored XSS: classic payloads saved through the API in every field of user text the tab shows, then each
 * page that shows them opened in Chromium. Nothing runs (the payloads would set window.__xss or open a
 * dialog), nothing from them becomes an element, handler or javascript: link, and each reads as the text it
 * was. The page's CSP is bypassed, so what is tested is the tab's own rendering, not the CSP behind it.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrutinyYearOfDay } from '../../src/domain/scrutiny-period.js';
import { ukCalendarDay } from '../../src/domain/uk-date.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { launchBrowser } from '../support/browser.js';
import { request } from '../support/http.js';
import { waitForLoaded, watchForErrors } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TAB_INDEX = path.join(PROJECT_ROOT, 'dist', 'tab', 'index.html');
const PARTNERSHIP = 'Demo Borough Safeguarding Children Partnership';
const LONG = { timeout: 120_000 };

/** Each would set window.__xss, or open a dialog, if it ever ran. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="window.__xss=3">',
  '[Open the evidence](javascript:window.__xss=4)',
  '<a href="javascript:alert(5)">link</a>',
  '<iframe srcdoc="<script>parent.__xss=6</script>"></iframe>',
  '<img src=y onerror=alert(7)>',
];
/** The whole set, for long fields; a field of at most 200 characters gets the first three. */
const long = (field: string) => `XSS ${field}: ${PAYLOADS.join(' ')}`;
const short = (field: string) => `XSS ${field}: ${PAYLOADS.slice(0, 3).join(' ')}`;
const REFERENCE = '"><svg onload=alert(8)>';

let app: TestApp;
let browser: Browser;
let partnershipId = '';
let scrutineerId = '';
let meetingId = '';
const api = (method: string, suffix: string, json?: unknown, as = scrutineerId) => request(app.url, method, `/api/v1/partnerships/${partnershipId}${suffix}`, { as, ...(json ? { json } : {}) });

async function open(hash: string): Promise<{ page: Page; dialogs: string[]; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await context.addInitScript(`window.localStorage.setItem('los.devPersonId', ${JSON.stringify(scrutineerId)});`);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const errors = watchForErrors(page);
  await page.goto(`${app.url}/?theme=light${hash}`);
  return { page, dialogs, errors, close: () => context.close() };
}

/** Nothing from the payloads ran or became markup, and each text reads as typed. */
async function expectInert(page: Page, dialogs: string[], texts: string[]): Promise<void> {
  for (const t of texts) await page.getByText(t.slice(0, 30), { exact: false }).first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(500); // long enough for a broken image's onerror
  const found = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
    elements: [...document.querySelectorAll('img[src="x"], img[src="y"], svg[onload], iframe[srcdoc], script:not([src]), a[href^="javascript:" i]')].map((e) => e.outerHTML),
    handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)),
    text: document.body.innerText,
  }));
  expect(found.xss).toBeNull();
  expect(dialogs).toEqual([]);
  expect(found.elements).toEqual([]);
  expect(found.handlers).toEqual([]);
  for (const t of texts) expect(found.text).toContain(t);
}

describe('stored XSS: payloads in user text are shown as text in the tab, and nothing runs', () => {
  beforeAll(async () => {
    if (!existsSync(TAB_INDEX)) throw new Error(`The tab has not been built (${TAB_INDEX} is missing). Run npm run build first.`);
    app = await startTestApp();
    const people = (await request(app.url, 'GET', '/api/v1/dev/people')).body.people as { id: string; role: string; partnership: { id: string; name: string } }[];
    const scrutineer = people.find((p) => p.role === 'scrutineer' && p.partnership.name === PARTNERSHIP)!;
    scrutineerId = scrutineer.id;
    partnershipId = scrutineer.partnership.id;
    const today = ukCalendarDay(new Date());
    meetingId = (await api('GET', `/meetings?from=${today}`)).body.meetings[0].id;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('would notice a payload that ran: the checks themselves can fail', LONG, async () => {
    const { page, dialogs, close } = await open('#/');
    try {
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__xss=1">'));
      await expect.poll(() => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null)).toBe(1);
      await expect(expectInert(page, dialogs, [])).rejects.toThrow();
    } finally {
      await close();
    }
  });

  it('in the meeting side panel: observation text, and the question of a challenge raised from it', LONG, async () => {
    const areaId = (await api('GET', '/checklist')).body.areas[0].id;
    const observationId = randomUUID();
    const saved = await api('POST', '/observations', { id: observationId, body: long('observation'), judgement: 'concern', evidenceType: 'meeting_observation', areaIds: [areaId], meetingId });
    expect(saved.status).toBe(201);
    const people = (await api('GET', '/people')).body.people as { id: string; role: string }[];
    const addressee = people.find((p) => p.role === 'safeguarding_partner')!;
    const raised = await api('POST', '/challenges', { id: randomUUID(), question: long('challenge'), addresseePersonId: addressee.id, dueDate: '2027-03-31', observationId, identifiersConfirmed: true });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);

    const { page, dialogs, errors, close } = await open(`#/meeting?meetingId=${meetingId}`);
    try {
      await page.getByRole('region', { name: 'Observations in this meeting' }).waitFor({ timeout: 20_000 });
      await waitForLoaded(page);
      await expectInert(page, dialogs, [long('observation'), long('challenge')]);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await close();
    }
  });

  it('in the action tracker: reference, title, description and an update’s comment, in the row and the drawer', LONG, async () => {
    const created = await api('POST', '/actions', { id: randomUUID(), reference: REFERENCE, title: long('action title'), description: long('action description'), source: 'scrutiny' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const updated = await api('PATCH', `/actions/${created.body.id}`, { version: created.body.version, percentComplete: 20, comment: long('update comment') });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    // A javascript: address is no evidence link: refused before it is stored.
    const link = await api('POST', `/actions/${created.body.id}/evidence`, { url: 'javascript:window.__xss=9', title: short('evidence') });
    expect(link.status).toBe(400);

    const { page, dialogs, errors, close } = await open('#/tracker');
    try {
      await page.getByRole('heading', { level: 1, name: 'Action tracker' }).waitFor();
      await waitForLoaded(page);
      await page.getByRole('searchbox', { name: 'Search actions' }).fill('XSS action title');
      await page.getByRole('button', { name: `Open ${REFERENCE}: details, update, evidence and history` }).click();
      await page.getByRole('dialog', { name: REFERENCE }).waitFor();
      await waitForLoaded(page);
      await expectInert(page, dialogs, [REFERENCE, long('action title'), long('action description'), `“${long('update comment')}”`]);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await close();
    }
  });

  it('in the escalations log: title, issue and resolution', LONG, async () => {
    const agencies = (await api('GET', '/agencies')).body.agencies as { id: string }[];
    const created = await api('POST', '/escalations', { title: short('escalation title'), issue: long('escalation issue'), partyAgencyIds: [agencies[0]!.id], identifiersConfirmed: true });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const resolved = await api('PATCH', `/escalations/${created.body.id}`, { status: 'resolved', resolution: long('escalation resolution'), identifiersConfirmed: true });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);

    const { page, dialogs, errors, close } = await open('#/escalations');
    try {
      await page.getByRole('heading', { level: 1, name: 'Escalations log' }).waitFor();
      await waitForLoaded(page);
      await expectInert(page, dialogs, [short('escalation title'), long('escalation issue'), long('escalation resolution')]);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await close();
    }
  });

  it('in the paper viewer: the note an annotation carries', LONG, async () => {
    const doc = await app.app.database.db
      .selectFrom('documents as d')
      .innerJoin('document_versions as v', 'v.id', 'd.current_version_id')
      .where('d.partnership_id', '=', partnershipId)
      .where('d.kind', '=', 'paper')
      .where('v.mime_type', '=', 'application/pdf')
      .orderBy('d.title')
      .select(['d.id', 'v.id as versionId'])
      .executeTakeFirstOrThrow();
    const pages = (await api('GET', `/documents/${doc.id}/versions/${doc.versionId}/pages`)).body.pages as { text: string }[];
    const quote = pages[0]!.text.trim().split(/\s+/).slice(0, 6).join(' ');
    const areaId = (await api('GET', '/checklist')).body.areas[0].id;
    const observationId = randomUUID();
    expect((await api('POST', '/observations', { id: observationId, body: long('annotation note'), judgement: 'too_early', evidenceType: 'paper_or_data', areaIds: [areaId], documentId: doc.id })).status).toBe(201);
    const annotation = await api('POST', `/documents/${doc.id}/annotations`, { id: randomUUID(), documentVersionId: doc.versionId, pageNumber: 1, quote, observationId });
    expect(annotation.status, JSON.stringify(annotation.body)).toBe(201);

    const { page, dialogs, errors, close } = await open(`#/papers?documentId=${doc.id}`);
    try {
      await waitForLoaded(page);
      await expectInert(page, dialogs, [long('annotation note')]);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await close();
    }
  });

  it('in the work plan: an activity’s name', LONG, async () => {
    const year = scrutinyYearOfDay(ukCalendarDay(new Date()));
    const created = await api('POST', '/work-plan/activities', { scrutinyYear: year, kind: 'deep_dive', title: short('activity') });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const { page, dialogs, errors, close } = await open('#/work-plan');
    try {
      await page.getByRole('heading', { level: 1, name: 'Work plan' }).waitFor();
      await waitForLoaded(page);
      await expectInert(page, dialogs, [short('activity')]);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await close();
    }
  });
});
