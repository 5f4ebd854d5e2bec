import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listZipEntries } from '../../src/documents/extraction/zip-entries.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { launchBrowser } from '../support/browser.js';
import { request } from '../support/http.js';
import { describeViolations, horizontalOverflow, runAxe, waitForLoaded, watchForErrors } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TAB_INDEX = path.join(PROJECT_ROOT, 'dist', 'tab', 'index.html');
const PARTNERSHIP = 'Demo Borough Safeguarding Children Partnership';
const LONG = { timeout: 120_000 };

let app: TestApp;
let browser: Browser;
let partnershipId = '';
let people: { id: string; displayName: string; role: string; partnership: { id: string; name: string } }[] = [];
const of = (role: string) => people.find((p) => p.role === role && p.partnership.name === PARTNERSHIP)!;

async function open(personId: string, options: { theme?: string; width?: number } = {}) {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, bypassCSP: true, acceptDownloads: true });
  await context.addInitScript(`window.localStorage.setItem('los.devPersonId', ${JSON.stringify(personId)});`);
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${app.url}/?theme=${options.theme ?? 'light'}#/data-protection`);
  await page.getByRole('heading', { level: 1, name: 'Data protection' }).waitFor();
  return { context, page, errors };
}

const form = (page: Page, name: string) => page.getByRole('form', { name });

describe('the data protection page in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(TAB_INDEX)) throw new Error(`The tab has not been built (${TAB_INDEX} is missing). Run npm run build first.`);
    app = await startTestApp();
    people = (await request(app.url, 'GET', '/api/v1/dev/people')).body.people;
    partnershipId = of('business_manager').partnership.id;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    for (const width of [1280, 320] as const) {
      it(`has no WCAG 2.2 AA violations (${theme} theme, ${width} px wide)`, LONG, async () => {
        const { context, page } = await open(of('business_manager').id, { theme, width });
        try {
          await form(page, 'Retention periods').waitFor();
          await waitForLoaded(page);
          const violations = await runAxe(page);
          expect(violations, `axe found violations:\n${describeViolations(violations)}`).toEqual([]);
          expect(await horizontalOverflow(page), 'the page scrolls sideways').toBeLessThanOrEqual(0);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('shows the defaults, refuses a period that is not whole months, and saves a new one', LONG, async () => {
    const { context, page, errors } = await open(of('business_manager').id);
    try {
      const f = form(page, 'Retention periods');
      await f.getByText(/These are the defaults: six years/).waitFor();
      const audit = f.getByRole('textbox', { name: /^Audit log entries \(months\)/ });
      expect(await audit.inputValue()).toBe('72');
      await audit.fill('half a year');
      await f.getByRole('button', { name: 'Save the retention periods' }).click();
      await f.getByText('Enter a whole number of months from 1 to 1200, or leave it blank to keep these records.').waitFor();
      const violations = await runAxe(page);
      expect(violations, `axe found violations with the error shown:\n${describeViolations(violations)}`).toEqual([]);
      await audit.fill('84');
      await f.getByRole('textbox', { name: /^Resolved escalations \(months\)/ }).fill('');
      await f.getByRole('button', { name: 'Save the retention periods' }).click();
      await form(page, 'Retention periods').getByText(/Last changed by /).waitFor();
      const r = await request(app.url, 'GET', `/api/v1/partnerships/${partnershipId}/data-protection/retention`, { as: of('business_manager').id });
      expect(r.body.periods).toMatchObject({ auditLog: 84, closedEscalations: null, observations: 72 });
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('downloads the partnership’s data as a zip', LONG, async () => {
    const { context, page, errors } = await open(of('business_manager').id);
    try {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all the partnership’s data' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^partnership-export-\d{4}-\d{2}-\d{2}\.zip$/);
      const names = (listZipEntries(readFileSync((await download.path())!)) ?? []).map((e) => e.name);
      expect(names).toContain('manifest.json');
      expect(names).toContain('tables/observations.jsonl');
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('erases a person only once their name is typed, and no longer lists them', LONG, async () => {
    const target = of('partner_member');
    const { context, page, errors } = await open(of('business_manager').id);
    try {
      await page.getByRole('combobox', { name: 'Person to erase' }).selectOption({ value: target.id });
      const f = form(page, `Erase ${target.displayName}`);
      const button = f.getByRole('button', { name: `Erase ${target.displayName}` });
      await f.getByRole('textbox', { name: /^Type the name of the person to confirm/ }).fill('someone else');
      expect(await button.getAttribute('aria-disabled')).toBe('true');
      const violations = await runAxe(page);
      expect(violations, `axe found violations with the erase form open:\n${describeViolations(violations)}`).toEqual([]);
      await f.getByRole('textbox', { name: /^Type the name of the person to confirm/ }).fill(target.displayName.toUpperCase());
      expect(await button.getAttribute('aria-disabled')).not.toBe('true');
      await button.click();
      await f.waitFor({ state: 'detached' });
      await expect.poll(async () => (await page.getByRole('combobox', { name: 'Person to erase' }).locator('option').allTextContents()).some((t) => t.startsWith(target.displayName))).toBe(false);
      const log = await request(app.url, 'GET', `/api/v1/partnerships/${partnershipId}/audit-log?action=person.erase`, { as: of('business_manager').id });
      expect(log.body.entries[0]).toMatchObject({ entityId: target.id });
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('is not offered to the scrutineer, and says so at its address', LONG, async () => {
    const { context, page } = await open(of('scrutineer').id);
    try {
      await page.getByText('Only the partnership’s business manager looks after retention, export and erasure.').waitFor();
      expect(await page.getByRole('navigation', { name: 'Line of Sight' }).getByRole('link', { name: 'Data protection' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('erases the whole partnership once its name is typed, and then no one can reach it', LONG, async () => {
    const manager = of('business_manager');
    const { context, page, errors } = await open(manager.id);
    try {
      const f = form(page, `Erase ${PARTNERSHIP}`);
      await f.getByRole('textbox', { name: /^Type the name of the partnership to confirm/ }).fill(PARTNERSHIP.toLowerCase());
      await f.getByRole('button', { name: `Erase ${PARTNERSHIP}` }).click();
      await page.getByText(`${PARTNERSHIP} has been erased.`, { exact: false }).waitFor();
      const after = await request(app.url, 'GET', `/api/v1/partnerships/${partnershipId}/data-protection/retention`, { as: manager.id });
      expect(after.status).toBe(403);
      const kept = await app.app.database.db.selectFrom('audit_log').select('action').where('partnership_id', '=', partnershipId).execute();
      expect(kept.map((k) => k.action)).toEqual(['partnership.erase']);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

});
