import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { launchBrowser } from '../support/browser.js';
import { describeViolations, horizontalOverflow, runAxe, waitForLoaded, watchForErrors } from '../support/page-checks.js';
import { addSearchableDocument } from '../support/search-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { signInAsDemo } from '../support/demo-sign-in.js';

const TAB_INDEX = path.join(PROJECT_ROOT, 'dist', 'tab', 'index.html');
const PARTNERSHIP = 'Demo Borough Safeguarding Children Partnership';
const PAPER_TITLE = 'Tab set-up test paper';
const THEMES = ['light', 'dark', 'contrast'] as const;

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

let app: TestApp | undefined;
let browser: Browser | undefined;
let signedInState: StorageState | undefined;
let meetingId = '';
let documentId = '';

const savedUrl = (page: Page) => page.getByTestId('content-url');

/** Papers, then the test meeting's test paper. */
async function choosePaper(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /^Papers:/ }).check();
  await page.getByRole('combobox', { name: /^Meeting/ }).selectOption(meetingId);
  await page.getByRole('combobox', { name: /^Paper/ }).selectOption({ label: `${PAPER_TITLE} (3 pages)` });
}

describe('the tab configuration page in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(TAB_INDEX)) throw new Error(`The tab has not been built (${TAB_INDEX} is missing). Run npm run build first.`);
    app = await startTestApp();
    const db = app.app.database.db;
    const meeting = await db
      .selectFrom('meetings as m')
      .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
      .where('p.name', '=', PARTNERSHIP)
      .orderBy('m.starts_at', 'desc')
      .select(['m.id', 'm.forum_id', 'm.partnership_id'])
      .executeTakeFirstOrThrow();
    meetingId = meeting.id;
    ({ documentId } = await addSearchableDocument(db, {
      partnershipId: meeting.partnership_id,
      forumId: meeting.forum_id,
      meetingId: meeting.id,
      title: PAPER_TITLE,
      pages: ['Summary.', 'Findings.', 'Actions.'],
    }));
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows, in a browser, the address Teams would save for the surface chosen', { timeout: 90_000 }, async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const errors = watchForErrors(page);
      await signInAsDemo(page, app!.url);
      signedInState = await context.storageState();

      // The manifest's configurationUrl: a page of its own, not in the navigation.
      await page.goto(`${app!.url}/tab/config`);
      await page.getByRole('heading', { level: 1, name: 'Set up this tab' }).waitFor();
      expect(await page.title()).toBe('Set up this tab – Line of Sight');
      expect(await page.getByRole('navigation', { name: 'Line of Sight' }).count()).toBe(0);
      await page.getByText('This page is open in a browser, so nothing is saved', { exact: false }).waitFor();

      // Outside a meeting or channel the tab opens the overview until the person chooses.
      expect(await page.getByRole('radio', { name: /^Partnership overview:/ }).isChecked()).toBe(true);
      expect(await savedUrl(page).textContent()).toBe(`${app!.url}/tab/home`);

      await page.getByRole('radio', { name: /^Meeting side panel:/ }).check();
      await expect.poll(() => savedUrl(page).textContent()).toBe(`${app!.url}/tab/meeting`);
      await page.getByText('Meeting side panel', { exact: true }).waitFor(); // the tab's suggested name

      await page.getByRole('radio', { name: /^Action tracker:/ }).check();
      await expect.poll(() => savedUrl(page).textContent()).toBe(`${app!.url}/tab/tracker`);

      // The saved address opens that surface.
      await page.goto((await savedUrl(page).textContent())!);
      await page.getByRole('heading', { level: 1, name: 'Action tracker' }).waitFor();
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('saves a Papers tab that opens a chosen paper at a chosen page, and refuses a page the paper lacks', { timeout: 90_000 }, async () => {
    expect(signedInState, 'the first test signs in').toBeDefined();
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, storageState: signedInState });
    try {
      const page = await context.newPage();
      const errors = watchForErrors(page);
      await page.goto(`${app!.url}/tab/config`);
      await page.getByRole('heading', { level: 1, name: 'Set up this tab' }).waitFor();
      await choosePaper(page);
      await expect.poll(() => savedUrl(page).textContent()).toBe(`${app!.url}/tab/papers#/papers?documentId=${documentId}&page=1`);
      await page.getByText(PAPER_TITLE, { exact: true }).waitFor(); // the tab's suggested name

      const pageBox = page.getByRole('textbox', { name: 'Open at page' });
      await pageBox.fill('4');
      await page.getByText('This paper has 3 pages.').waitFor();
      expect(await savedUrl(page).count()).toBe(0);
      await pageBox.fill('2');
      await expect.poll(() => savedUrl(page).textContent()).toBe(`${app!.url}/tab/papers#/papers?documentId=${documentId}&page=2`);

      // Keyboard only: another surface, with the arrow keys in the radio group.
      await page.getByRole('radio', { name: /^Papers:/ }).focus();
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => savedUrl(page).textContent()).toBe(`${app!.url}/tab/meeting`);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets a tracker tab choose its grouping and forum, and a dashboard tab its page; each opens as saved', { timeout: 90_000 }, async () => {
    expect(signedInState, 'the first test signs in').toBeDefined();
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, storageState: signedInState });
    try {
      const page = await context.newPage();
      const errors = watchForErrors(page);
      await page.goto(`${app!.url}/tab/config`);
      await page.getByRole('radio', { name: /^Action tracker:/ }).check();
      await page.getByRole('combobox', { name: 'Group the actions by' }).selectOption({ label: 'Checklist area' });
      const forum = page.getByRole('combobox', { name: /^Forum/ });
      await forum.locator('option', { hasText: 'Quality Assurance Subgroup' }).waitFor({ state: 'attached' });
      await forum.selectOption({ label: 'Quality Assurance Subgroup' });
      const forumId = await forum.inputValue();
      await expect.poll(() => savedUrl(page).textContent()).toBe(`${app!.url}/tab/tracker#/tracker?group=area&forum=${forumId}`);
      await page.getByText('Actions: Quality Assurance Subgroup', { exact: true }).waitFor(); // the tab's suggested name
      await page.getByText(`los-tracker-area-${forumId}`, { exact: true }).waitFor();

      // The saved address opens the tracker grouped by area, with that forum's actions only.
      await page.goto((await savedUrl(page).textContent())!);
      await page.getByRole('heading', { level: 1, name: 'Action tracker' }).waitFor();
      expect(await page.getByRole('combobox', { name: 'Group by' }).inputValue()).toBe('area');
      expect(await page.getByRole('combobox', { name: 'Forum' }).inputValue()).toBe(forumId);

      await page.goto(`${app!.url}/tab/config`);
      await page.getByRole('radio', { name: /^Assurance dashboard:/ }).check();
      await page.getByRole('radio', { name: /^Escalations log:/ }).check();
      await expect.poll(() => savedUrl(page).textContent()).toBe(`${app!.url}/tab/dashboard#/escalations`);
      await page.goto((await savedUrl(page).textContent())!);
      await page.getByRole('heading', { level: 1, name: 'Escalations log' }).waitFor();
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const theme of THEMES) {
    it(`has no WCAG 2.2 AA violations at 280 px with a paper chosen (${theme} theme)`, { timeout: 60_000 }, async () => {
      expect(signedInState, 'the first test signs in').toBeDefined();
      const context = await browser!.newContext({ viewport: { width: 280, height: 800 }, storageState: signedInState, bypassCSP: true });
      try {
        const page = await context.newPage();
        await page.goto(`${app!.url}/tab/config?theme=${theme}`);
        await page.locator(`[data-theme="${theme}"]`).first().waitFor();
        await page.getByRole('heading', { level: 1, name: 'Set up this tab' }).waitFor();
        await choosePaper(page);
        await savedUrl(page).waitFor();
        await waitForLoaded(page);
        const violations = await runAxe(page);
        expect(violations, `axe found violations:\n${describeViolations(violations)}`).toEqual([]);
        expect(await horizontalOverflow(page), 'the page scrolls sideways').toBeLessThanOrEqual(0);
      } finally {
        await context.close();
      }
    });
  }
});
