import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { describeViolations, horizontalOverflow, runAxe, waitForLoaded, watchForErrors } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TAB_INDEX = path.join(ROOT, 'dist', 'tab', 'index.html');

const PARTNERSHIP = 'Demo Borough Safeguarding Children Partnership';
const SCRUTINEER_ROLE = 'Independent scrutineer';
const FORUMS = ['Executive', 'Partnership Board', 'Quality Assurance Subgroup'];
const THEMES = ['light', 'dark', 'contrast'] as const;
const WIDTHS = [1280, 280] as const;

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

let app: TestApp | undefined;
let browser: Browser | undefined;
let signedInState: StorageState | undefined;

describe('the tab in Chromium: dev sign-in and the partnership overview', () => {
  beforeAll(async () => {
    if (!existsSync(TAB_INDEX)) {
      throw new Error(`The tab has not been built (${TAB_INDEX} is missing). Run npm run build first.`);
    }
    app = await startTestApp();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('signs in as the demo scrutineer and shows the partnership, its synthetic-data badge and its forums', { timeout: 60_000 }, async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const errors = watchForErrors(page);
      await page.goto(`${app!.url}/`);

      await page.getByRole('heading', { level: 1, name: 'Sign in to Line of Sight' }).waitFor();
      await page.getByText('Dev sign-in with synthetic demo data.').waitFor();
      const partnership = page.getByRole('region', { name: PARTNERSHIP });
      await partnership.getByRole('group', { name: SCRUTINEER_ROLE }).getByRole('button').first().click();

      const banner = page.getByRole('banner');
      await banner.getByText(PARTNERSHIP, { exact: true }).waitFor();
      await banner.getByText('Synthetic demo data', { exact: true }).waitFor();
      await banner.getByText(SCRUTINEER_ROLE).waitFor();
      await page.getByRole('heading', { level: 1, name: 'Partnership overview' }).waitFor();
      for (const forum of FORUMS) {
        const heading = page.getByRole('heading', { level: 3, name: forum, exact: true });
        await heading.waitFor();
        expect(await heading.isVisible(), `forum "${forum}" is visible`).toBe(true);
      }
      await waitForLoaded(page);
      signedInState = await context.storageState();

      // The choice survives a reload, and "Switch person" returns to the sign-in page.
      await page.reload();
      await banner.getByText(PARTNERSHIP, { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Switch person' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in to Line of Sight' }).waitFor();

      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      it(`has no WCAG 2.2 AA violations on the home page (${theme} theme, ${width} px wide)`, { timeout: 60_000 }, async () => {
        expect(signedInState, 'the sign-in test must pass first: these checks reuse its session').toBeDefined();
        const context = await browser!.newContext({ viewport: { width, height: 800 }, storageState: signedInState, bypassCSP: true });
        try {
          const page = await context.newPage();
          await page.goto(`${app!.url}/?theme=${theme}#/`);
          await page.locator(`[data-theme="${theme}"]`).first().waitFor();
          await page.getByRole('heading', { level: 3, name: FORUMS[0]!, exact: true }).waitFor();
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

  it('has no WCAG 2.2 AA violations on the sign-in page at 280 px', { timeout: 60_000 }, async () => {
    const context = await browser!.newContext({ viewport: { width: 280, height: 800 }, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(`${app!.url}/?theme=light`);
      await page.getByRole('region', { name: PARTNERSHIP }).waitFor();
      await waitForLoaded(page);
      const violations = await runAxe(page);
      expect(violations, `axe found violations:\n${describeViolations(violations)}`).toEqual([]);
      expect(await horizontalOverflow(page), 'the page scrolls sideways').toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});
