import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { addSearchableDocument } from '../support/search-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { signInAsDemo } from '../support/demo-sign-in.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TAB_INDEX = path.join(ROOT, 'dist', 'tab', 'index.html');
const AXE_SCRIPT = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const PARTNERSHIP = 'Demo Borough Safeguarding Children Partnership';
const SEARCH_BOX = 'Search agendas, papers and minutes';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

let app: TestApp | undefined;
let browser: Browser | undefined;
let signedInState: StorageState | undefined;

function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return errors;
}

async function runAxe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((v) => `${v.id} (${v.impact ?? 'no impact'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
}

/** What sticks out past the right edge of the viewport (for a failure message). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}[${el.getAttribute('type') ?? ''}] right=${Math.round(el.getBoundingClientRect().right)} text=${(el.textContent ?? '').slice(0, 40)}`);
  });
}

/** The count line is the page's live region: it changes once a search has answered. */
const countLine = (page: Page) => page.locator('p[aria-live="polite"]');

async function search(page: Page, query: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: SEARCH_BOX });
  await box.fill(query);
  await box.press('Enter');
  await expect.poll(() => countLine(page).textContent(), { timeout: 20_000 }).toMatch(new RegExp(`(match|matches) “${query}”`));
}

describe('the search page in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(TAB_INDEX)) {
      throw new Error(`The tab has not been built (${TAB_INDEX} is missing). Run npm run build first.`);
    }
    app = await startTestApp();
    const db = app.app.database.db;
    // Searchable pages written directly, so this test does not wait on the sync pipeline.
    const meeting = await db
      .selectFrom('meetings as m')
      .innerJoin('forums as f', 'f.id', 'm.forum_id')
      .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
      .where('p.name', '=', PARTNERSHIP)
      .where('f.name', '=', 'Quality Assurance Subgroup')
      .where('m.starts_at', '<', new Date())
      .orderBy('m.starts_at', 'desc')
      .select(['m.id', 'm.forum_id', 'm.partnership_id'])
      .executeTakeFirstOrThrow();
    await addSearchableDocument(db, {
      partnershipId: meeting.partnership_id,
      forumId: meeting.forum_id,
      meetingId: meeting.id,
      title: 'Multi-agency neglect audit: findings',
      pages: [
        'Purpose of the paper and summary of the audit programme for the year.',
        'The multi-agency neglect audit looked at twelve families. Neglect was recognised late in four cases, and the neglect toolkit was used in only two.',
      ],
    });
    await addSearchableDocument(db, {
      partnershipId: meeting.partnership_id,
      forumId: meeting.forum_id,
      meetingId: meeting.id,
      title: 'Pasted notes',
      pages: ['Quillmere notes <img src=x onerror=alert(1)> and <b>bold</b> text about Quillmere.'],
    });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('searches, shows highlighted results, keeps the query in the address and opens the paper at the page', { timeout: 90_000 }, async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const errors = watchForErrors(page);
      await signInAsDemo(page, app!.url);
      signedInState = await context.storageState();

      await page.getByRole('navigation', { name: 'Line of Sight' }).getByRole('link', { name: 'Search' }).click();
      await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
      await search(page, 'neglect');
      expect(new URL(page.url()).hash).toBe('#/search?q=neglect');

      const results = page.getByRole('region', { name: /Results/ });
      const first = results.getByRole('listitem').first();
      await first.waitFor();
      const marks = await results.locator('mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.every((m) => /^neglect/i.test(m)), marks.join(', ')).toBe(true);

      // A reload keeps the search; a result opens the paper at its page.
      await page.reload();
      await expect.poll(() => countLine(page).textContent(), { timeout: 20_000 }).toMatch(/“neglect”/);
      expect(await page.getByRole('searchbox', { name: SEARCH_BOX }).inputValue()).toBe('neglect');
      const link = results.getByRole('listitem').first().getByRole('heading', { level: 3 }).getByRole('link');
      const href = await link.getAttribute('href');
      expect(href).toMatch(new RegExp(`^#/papers\\?documentId=${UUID}(&page=\\d+)?$`));
      expect(await link.textContent()).toMatch(/, page \d+$/);
      await link.click();
      await expect.poll(() => new URL(page.url()).hash).toBe(href);
      await page.getByRole('heading', { level: 1, name: 'Papers' }).waitFor();

      // Back returns to the results.
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
      expect(await page.getByRole('searchbox', { name: SEARCH_BOX }).inputValue()).toBe('neglect');
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows text from a paper as text, never as markup', { timeout: 60_000 }, async () => {
    expect(signedInState, 'the first test signs in').toBeDefined();
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, storageState: signedInState });
    try {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(`${app!.url}/#/search`);
      await search(page, 'quillmere');
      const snippet = page.getByRole('region', { name: /Results/ }).getByRole('listitem').first();
      await expect.poll(() => snippet.textContent()).toContain('<img src=x onerror=alert(1)>');
      expect(await snippet.locator('mark').allTextContents()).toEqual(['Quillmere', 'Quillmere']);
      expect(await page.locator('main img').count()).toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says what to try when nothing matches, and filters by type', { timeout: 60_000 }, async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, storageState: signedInState });
    try {
      const page = await context.newPage();
      await page.goto(`${app!.url}/#/search?q=zebracorn`);
      await expect.poll(() => countLine(page).textContent(), { timeout: 20_000 }).toBe('No pages match “zebracorn”.');
      await page.getByText('Use fewer words: every word must be on the same page.').waitFor();

      await search(page, 'neglect');
      await page.getByRole('combobox', { name: 'Type' }).selectOption('minutes');
      await expect.poll(() => new URL(page.url()).hash).toBe('#/search?q=neglect&type=minutes');
      await expect.poll(() => countLine(page).textContent(), { timeout: 20_000 }).toMatch(/“neglect” with these filters/);
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => new URL(page.url()).hash).toBe('#/search?q=neglect');
    } finally {
      await context.close();
    }
  });

  for (const [theme, width] of [['light', 1280], ['dark', 280], ['contrast', 280]] as const) {
    it(`has no WCAG 2.2 AA violations with results (${theme} theme, ${width} px wide)`, { timeout: 60_000 }, async () => {
      const context = await browser!.newContext({ viewport: { width, height: 800 }, storageState: signedInState, bypassCSP: true });
      try {
        const page = await context.newPage();
        await page.goto(`${app!.url}/?theme=${theme}#/search?q=neglect`);
        await page.locator(`[data-theme="${theme}"]`).first().waitFor();
        await page.getByRole('region', { name: /Results/ }).locator('mark').first().waitFor({ timeout: 20_000 });
        const violations = await runAxe(page);
        expect(violations, violations.join('\n')).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `the page scrolls sideways:\n${(await overflowing(page)).join('\n')}`).toBeLessThanOrEqual(0);
      } finally {
        await context.close();
      }
    });
  }
});
