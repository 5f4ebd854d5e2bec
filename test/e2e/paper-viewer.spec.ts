import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { launchBrowser } from '../support/browser.js';
import { request } from '../support/http.js';
import { describeViolations, horizontalOverflow, runAxe, waitForLoaded, watchForErrors } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { signInAsDemo } from '../support/demo-sign-in.js';

const TAB_INDEX = path.join(PROJECT_ROOT, 'dist', 'tab', 'index.html');
const PARTNERSHIP = 'Demo Borough Safeguarding Children Partnership';
const ORPHANS = 'Could not find this passage in the new version';
const LONG = { timeout: 120_000 };

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

let t: TestApp;
let browser: Browser;
let signedIn: StorageState | undefined;
let scrutineerId: string;
let partnershipId: string;
/** A demo PDF paper of three or more pages, its file in the library, and its first version's page text. */
let paper: { id: string; title: string; file: string; pages: string[] };
/** What the first test selected and annotated, as the server quoted it. */
let annotated: { quote: string; note: string } | undefined;

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

function findFile(dir: string, name: string): string | undefined {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findFile(full, name);
      if (found) return found;
    } else if (entry.name === name) return full;
  }
  return undefined;
}

/** A new version of the paper as a PDF, one page per entry (small type, so each page's text stays on one page). */
function pdf(pages: string[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 40 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (const text of pages) doc.addPage().font('Helvetica').fontSize(7).text(text);
    doc.end();
  });
}

async function writeVersionAndSync(pages: string[]): Promise<void> {
  writeFileSync(paper.file, await pdf(pages));
  await t.app.documents.runner.syncPartnership(partnershipId);
}

async function openPaper(options: { page?: number; theme?: string; width?: number; bypassCSP?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, storageState: signedIn, bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  if (!signedIn) {
    await signInAsDemo(page, t.url);
    signedIn = await context.storageState();
  }
  const at = options.page ? `&page=${options.page}` : '';
  await page.goto(`${t.url}/?theme=${options.theme ?? 'light'}#/papers?documentId=${paper.id}${at}`);
  await page.getByRole('heading', { level: 2, name: paper.title }).waitFor({ timeout: 30_000 });
  await waitForLoaded(page);
  return { context, page, errors };
}

const pageSection = (page: Page, n: number) => page.locator(`[data-page-number="${n}"]`);
const annotations = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });

/** Waits for a page to be drawn with its text layer (pages are drawn as they come near the view). */
async function drawn(page: Page, n: number): Promise<void> {
  await page.locator(`[data-page-number="${n}"][data-drawn="true"] .textLayer span`).first().waitFor({ timeout: 30_000 });
}

describe('the paper viewer in Chromium: read, annotate, and keep annotations across versions', () => {
  beforeAll(async () => {
    if (!existsSync(TAB_INDEX)) throw new Error(`The tab has not been built (${TAB_INDEX} is missing). Run npm run build first.`);
    t = await startTestApp();
    const db = t.app.database.db;
    const row = await db
      .selectFrom('documents as d')
      .innerJoin('document_versions as v', 'v.id', 'd.current_version_id')
      .innerJoin('partnerships as p', 'p.id', 'd.partnership_id')
      .where('p.name', '=', PARTNERSHIP)
      .where('d.kind', '=', 'paper')
      .where('v.mime_type', '=', 'application/pdf')
      .where('v.page_count', '>=', 3)
      .orderBy('d.title')
      .select(['d.id', 'd.title', 'd.partnership_id', 'v.id as version_id', 'v.file_name'])
      .executeTakeFirstOrThrow();
    partnershipId = row.partnership_id;
    const people = (await request(t.url, 'GET', '/api/v1/dev/people')).body.people as { id: string; role: string; partnership: { id: string } }[];
    scrutineerId = people.find((p) => p.role === 'scrutineer' && p.partnership.id === partnershipId)!.id;
    const pages = await request(t.url, 'GET', `/api/v1/partnerships/${partnershipId}/documents/${row.id}/versions/${row.version_id}/pages`, { as: scrutineerId });
    const file = findFile(t.libraryDir, row.file_name);
    if (!file) throw new Error(`The demo library has no file named ${row.file_name}`);
    paper = { id: row.id, title: row.title, file, pages: (pages.body.pages as { text: string }[]).map((p) => p.text) };
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens a demo paper at page 2, annotates a selected passage with an observation, and lists and highlights it', LONG, async () => {
    const { context, page, errors } = await openPaper({ page: 2 });
    try {
      await drawn(page, 2);
      // Opened at page 2: its top is near the top of the view, below the sticky toolbar.
      await expect.poll(async () => (await pageSection(page, 2).boundingBox())?.y ?? -1).toBeLessThan(400);
      expect((await pageSection(page, 2).boundingBox())!.y).toBeGreaterThanOrEqual(0);
      await annotations(page).getByText(/^No annotations yet\./).waitFor();

      // Escape closes the form without saving, and gives focus back to the button.
      await page.getByRole('button', { name: 'Annotate selection' }).click();
      await page.getByRole('form', { name: 'Annotate a passage' }).waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('form', { name: 'Annotate a passage' }).count()).toBe(0);
      // Focus moves back on the next frame (paper-viewer.tsx), which a busy machine may paint late.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Annotate selection');

      // Select a line of page 2's text layer that occurs only once in the paper, as a person would with the mouse.
      const whole = tidy(paper.pages.join(' ')).toLowerCase();
      const candidates = await pageSection(page, 2).locator('.textLayer span').allTextContents();
      const line = candidates.map(tidy).find((s) => s.length >= 40 && whole.split(s.toLowerCase()).length === 2);
      expect(line, 'page 2 has a line found once in the paper').toBeDefined();
      const selected = await page.evaluate((text) => {
        const span = [...document.querySelectorAll('[data-page-number="2"] .textLayer span')].find((s) => s.textContent?.replace(/\s+/g, ' ').trim() === text)!;
        const range = document.createRange();
        range.selectNodeContents(span);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return selection.toString();
      }, line!);
      expect(tidy(selected)).toBe(line);

      // The keyboard shortcut opens the form with the passage and its page filled in.
      await page.keyboard.press('Alt+Shift+A');
      const form = page.getByRole('form', { name: 'Annotate a passage' });
      await form.waitFor();
      expect(tidy(await form.getByRole('textbox', { name: /Passage/ }).inputValue())).toBe(line);
      expect(await form.getByRole('spinbutton', { name: /Page/ }).inputValue()).toBe('2');
      const note = 'Clear, time-bound and owned: this is what assurance looks like.';
      await form.getByRole('textbox', { name: /Observation/ }).fill(note);
      await form.getByRole('group', { name: /Checklist areas/ }).getByRole('checkbox').first().check();
      await form.getByRole('radio', { name: 'What has gone well' }).check();
      await form.getByRole('button', { name: 'Save annotation' }).click();
      await expect.poll(() => form.count(), { timeout: 20_000 }).toBe(0);

      // Listed beside the paper, and marked in page 2's text.
      const item = annotations(page).getByRole('listitem').filter({ hasText: note });
      await item.waitFor({ timeout: 20_000 });
      await item.getByRole('button', { name: /^Page 2/ }).waitFor();
      const quote = tidy((await item.locator('blockquote').textContent()) ?? '');
      expect(quote.toLowerCase()).toBe(line!.toLowerCase());
      await expect.poll(async () => tidy((await pageSection(page, 2).locator('mark[data-annotation-id]').allTextContents()).join(' '))).toBe(line);
      annotated = { quote, note };
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const [theme, width] of [['light', 1280], ['dark', 280], ['contrast', 280], ['contrast', 1280]] as const) {
    it(`has no WCAG 2.2 AA violations in the viewer (${theme} theme, ${width} px wide)`, LONG, async () => {
      const { context, page } = await openPaper({ theme, width, bypassCSP: true });
      try {
        await page.locator(`[data-theme="${theme}"]`).first().waitFor();
        await drawn(page, 1);
        // With the first test's annotation marked in the text.
        await page.locator('mark[data-annotation-id]').first().waitFor({ timeout: 30_000 });
        await annotations(page).getByRole('heading', { name: /^Annotations/ }).waitFor();
        // The form is part of the viewer too.
        await page.getByRole('button', { name: 'Annotate selection' }).click();
        await page.getByRole('form', { name: 'Annotate a passage' }).getByRole('checkbox').first().waitFor();
        const violations = await runAxe(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        expect(await horizontalOverflow(page), 'the viewer scrolls sideways').toBeLessThanOrEqual(0);
      } finally {
        await context.close();
      }
    });
  }

  it('re-attaches the annotation to its new page when a new version inserts a page before it', LONG, async () => {
    expect(annotated, 'the first test annotates').toBeDefined();
    const [first, ...rest] = paper.pages;
    await writeVersionAndSync([first!, 'Background added in the new version: a whole new page of context about the partnership.', ...rest]);
    const { context, page, errors } = await openPaper();
    try {
      const item = annotations(page).getByRole('listitem').filter({ hasText: annotated!.note });
      await item.waitFor({ timeout: 20_000 });
      expect(await page.getByText('version 2 of 2').count()).toBe(1);
      // Choosing the annotation brings its page into view, where the passage is marked.
      await item.getByRole('button', { name: /^Page 3/ }).click();
      await drawn(page, 3);
      await expect.poll(async () => tidy((await pageSection(page, 3).locator('mark[data-annotation-id]').allTextContents()).join(' ')).toLowerCase()).toBe(annotated!.quote.toLowerCase());
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-page-number'))).toBe('3');
      expect(await page.getByRole('heading', { name: ORPHANS }).count()).toBe(0);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the annotation as orphaned, with its original words, when a new version deletes the passage', LONG, async () => {
    expect(annotated, 'the first test annotates').toBeDefined();
    const pages = paper.pages.map((text) => tidy(text).replace(new RegExp(annotated!.quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'), ''));
    expect(pages.join(' ').toLowerCase()).not.toContain(annotated!.quote.toLowerCase());
    await writeVersionAndSync(pages);
    const { context, page } = await openPaper();
    try {
      const orphans = annotations(page).getByRole('region', { name: ORPHANS });
      await orphans.waitFor({ timeout: 20_000 });
      const item = orphans.getByRole('listitem').filter({ hasText: annotated!.note });
      expect(tidy((await item.locator('blockquote').textContent()) ?? '').toLowerCase()).toBe(annotated!.quote.toLowerCase());
      await item.getByText(/^Was on page \d+$/).waitFor();
      expect(await page.locator('mark[data-annotation-id]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('shows a Word paper with no PDF as its text, page by page, at the page asked for', LONG, async () => {
    const word = await t.app.database.db
      .selectFrom('documents as d')
      .innerJoin('document_versions as v', 'v.id', 'd.current_version_id')
      .where('d.partnership_id', '=', partnershipId)
      .where('v.file_name', 'like', '%.docx')
      .where('v.page_count', '>=', 2)
      .orderBy('d.title')
      .select(['d.id', 'd.title'])
      .executeTakeFirstOrThrow();
    const context = await browser.newContext({ viewport: { width: 280, height: 800 }, storageState: signedIn });
    try {
      const page = await context.newPage();
      const errors = watchForErrors(page);
      await page.goto(`${t.url}/?theme=dark#/papers?documentId=${word.id}&page=2`);
      await page.getByRole('heading', { level: 2, name: word.title }).waitFor({ timeout: 30_000 });
      await page.getByText(/has no PDF to show/).waitFor();
      await page.getByRole('heading', { level: 3, name: /^Page 2 of \d+$/ }).waitFor();
      expect(await pageSection(page, 2).locator('[data-page-text]').textContent()).toMatch(/\w{3,}/);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists recent meetings’ papers when no paper is chosen, each opening the viewer', LONG, async () => {
    const { context, page } = await openPaper();
    try {
      await page.getByRole('link', { name: 'All recent papers' }).click();
      const list = page.getByRole('list', { name: 'Recent meetings and their papers' });
      await list.waitFor();
      await waitForLoaded(page);
      const link = list.getByRole('link').first();
      const href = await link.getAttribute('href');
      expect(href).toMatch(/^#\/papers\?documentId=[0-9a-f-]{36}$/);
      await link.click();
      await page.getByRole('complementary', { name: 'Annotations' }).waitFor({ timeout: 20_000 });
    } finally {
      await context.close();
    }
  });
});
