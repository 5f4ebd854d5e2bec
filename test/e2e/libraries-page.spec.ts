import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FORUMS } from '../../src/demo/demo-partnership.js';
import { launchBrowser } from '../support/browser.js';
import { describeViolations, horizontalOverflow, runAxe, waitForLoaded, watchForErrors } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TAB_INDEX = path.join(ROOT, 'dist', 'tab', 'index.html');

const PARTNERSHIP = 'Demo Borough Safeguarding Children Partnership';
const BUSINESS_MANAGER = { name: 'Priya Nair', role: 'Business manager' };
const SCRUTINEER = { name: 'Jordan Ellis', role: 'Independent scrutineer' };
const PARTNER_MEMBER = { name: 'Lee Marsh', role: 'Partner member' };
const FORUM_NAMES = DEMO_FORUMS.map((f) => f.name);
const LAST_SYNCED = /^Last synced (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}$/;
const LONG = { timeout: 120_000 };

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

let app: TestApp | undefined;
let browser: Browser | undefined;
const sessions = new Map<string, StorageState>();

/** A new page in its own context, signed in as the person (through the dev sign-in UI the first time). */
async function openAs(
  person: { name: string; role: string },
  options: { width?: number; bypassCSP?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const saved = sessions.get(person.name);
  const context = await browser!.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    storageState: saved,
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  if (!saved) {
    await page.goto(`${app!.url}/?theme=light`);
    const partnership = page.getByRole('region', { name: PARTNERSHIP });
    await partnership.getByRole('group', { name: person.role }).getByRole('button', { name: new RegExp(`^${person.name}`) }).click();
    await page.getByRole('banner').getByText(person.name).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Partnership overview' }).waitFor();
    sessions.set(person.name, await context.storageState());
  }
  return { context, page, errors };
}

/** Opens Libraries from the navigation, as a person would, and waits for the forums. */
async function openLibraries(page: Page): Promise<void> {
  if (!page.url().startsWith(app!.url)) await page.goto(`${app!.url}/?theme=light#/`);
  await page.getByRole('navigation', { name: 'Line of Sight' }).getByRole('link', { name: 'Libraries', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Libraries' }).waitFor();
  await forumItem(page, FORUM_NAMES[0]!).waitFor();
  await waitForLoaded(page);
}

function forumItem(page: Page, forum: string): Locator {
  return page
    .getByRole('region', { name: 'Forums and their folders' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: forum, exact: true }) });
}

function syncRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Sync', exact: true });
}

/** Opens a forum's source form (beneath its row) and returns it. */
async function openEditor(page: Page, forum: string): Promise<Locator> {
  const button = forumItem(page, forum).getByRole('button', { name: new RegExp(`(Change where|Choose a folder for) ${forum} papers`) });
  await button.click();
  expect(await button.getAttribute('aria-expanded')).toBe('true');
  const form = forumItem(page, forum).getByRole('form', { name: `Where ${forum} papers come from` });
  await form.waitFor();
  // Focus starts at the form's heading.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Where ${forum} papers come from`);
  return form;
}

/** The text of the elements an element's aria-describedby names. */
async function description(locator: Locator): Promise<string> {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
      .join(' '),
  );
}

describe('the Libraries page in Chromium: where each forum’s papers come from, and the sync', () => {
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

  it('shows the business manager each forum’s local folder and a non-zero document count', LONG, async () => {
    const { context, page, errors } = await openAs(BUSINESS_MANAGER);
    try {
      await openLibraries(page);
      expect(await page.title()).toBe('Libraries – Line of Sight');
      expect(FORUM_NAMES).toHaveLength(6);
      for (const forum of FORUM_NAMES) {
        const item = forumItem(page, forum);
        await item.getByText(`Local folder “${forum}”`, { exact: true }).waitFor();
        const count = await item.getByText(/^(\d+ documents?|No documents yet)$/).textContent();
        expect(count, `${forum} has papers`).toMatch(/^[1-9]\d* documents?$/);
        await item.getByRole('button', { name: `Change where ${forum} papers come from` }).waitFor();
      }
      await syncRegion(page).getByRole('button', { name: 'Sync now' }).waitFor();
      // The demo was synced when it was seeded.
      expect(await syncRegion(page).getByText(LAST_SYNCED).count()).toBe(1);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the API’s error beside the folder field for a folder that does not exist, then saves the real one', LONG, async () => {
    const { context, page, errors } = await openAs(BUSINESS_MANAGER);
    try {
      await openLibraries(page);
      let form = await openEditor(page, 'Executive');
      expect(await form.getByRole('radio', { name: 'Local folder (for the embedded demo)' }).isChecked()).toBe(true);
      const folder = form.getByRole('textbox', { name: 'Folder in the local library' });
      expect(await folder.inputValue()).toBe('Executive');

      await folder.fill('No such folder');
      await form.getByRole('button', { name: 'Save' }).click();
      const error = form.getByRole('alert').filter({ hasText: 'There is no folder "No such folder"' });
      await error.waitFor();
      expect(await folder.getAttribute('aria-invalid')).toBe('true');
      expect(await description(folder), 'the error is tied to the folder field').toContain('There is no folder "No such folder"');
      // Nothing was saved.
      await form.getByRole('button', { name: 'Cancel' }).click();
      await form.waitFor({ state: 'hidden' });
      await forumItem(page, 'Executive').getByText('Local folder “Executive”', { exact: true }).waitFor();
      // Focus goes back to the button that opened the editor.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
        .toBe('Change where Executive papers come from');

      form = await openEditor(page, 'Executive');
      await form.getByRole('textbox', { name: 'Folder in the local library' }).fill('No such folder');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByText('There is no folder "No such folder"', { exact: false }).waitFor();
      await form.getByRole('textbox', { name: 'Folder in the local library' }).fill('Executive');
      // The error goes as soon as the field is changed.
      expect(await form.getByRole('alert').count()).toBe(0);
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'hidden' });
      await page.getByText('Saved. Executive papers now come from: Local folder “Executive”').waitFor();
      await forumItem(page, 'Executive').getByText('Local folder “Executive”', { exact: true }).waitFor();
      expect(errors.filter((e) => !e.includes('400')), errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('asks before removing a forum’s source, then shows what to do, and sets it again', LONG, async () => {
    const forum = 'Exploitation Subgroup';
    const { context, page, errors } = await openAs(BUSINESS_MANAGER);
    try {
      await openLibraries(page);
      let form = await openEditor(page, forum);
      await form.getByRole('button', { name: 'Remove…' }).click();
      await form.getByText('Remove this source?').waitFor();
      // Focus is on the safe choice; "Keep it" returns to the form.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep it');
      await form.getByRole('button', { name: 'Keep it' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Remove…');
      await form.getByRole('button', { name: 'Remove…' }).click();
      await form.getByRole('button', { name: 'Yes, remove it' }).click();
      await form.waitFor({ state: 'hidden' });

      const item = forumItem(page, forum);
      await item.getByText('Not set: papers for this forum won’t be found. Choose the folder that holds them.').waitFor();
      await page.getByText(`Removed. ${forum}: no folder is set`).waitFor();

      form = await openEditor(page, forum);
      // A forum with no source starts on a local folder named after it, like the others.
      expect(await form.getByRole('textbox', { name: 'Folder in the local library' }).inputValue()).toBe(forum);
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'hidden' });
      await item.getByText(`Local folder “${forum}”`, { exact: true }).waitFor();
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('syncs on request with progress, ends with a “Last synced” time, and lists a file it could not read', LONG, async () => {
    const broken = path.join(app!.libraryDir, 'Executive', '2026-11-11');
    mkdirSync(broken, { recursive: true });
    writeFileSync(path.join(broken, 'Broken paper.pdf'), randomBytes(4096));

    const { context, page, errors } = await openAs(BUSINESS_MANAGER);
    try {
      await openLibraries(page);
      const sync = syncRegion(page);
      expect(await sync.getByText('Broken paper.pdf').count()).toBe(0);
      await sync.getByRole('button', { name: 'Sync now' }).click();

      // While it runs: the bar (with "N of M files", or reading the changes first) and a busy button.
      const bar = sync.getByRole('progressbar', { name: 'Sync progress' });
      await bar.waitFor({ timeout: 10_000 });
      await sync.getByRole('button', { name: 'Syncing…' }).waitFor();
      await sync.getByText(/^(\d+ of \d+ files?|Reading the library’s changes…)$/).waitFor();

      // When it ends: no bar, Sync now again, the time in words, and it was announced politely.
      await bar.waitFor({ state: 'hidden', timeout: 110_000 });
      await sync.getByRole('button', { name: 'Sync now' }).waitFor();
      const lastSynced = await sync.getByText(LAST_SYNCED).textContent();
      expect(lastSynced).toMatch(LAST_SYNCED);
      const live = sync.locator('[aria-live="polite"]');
      await expect.poll(() => live.textContent(), { timeout: 10_000 }).toContain('The sync finished.');
      expect(await live.textContent()).toContain(lastSynced!);

      const unreadable = page.getByRole('region', { name: /^Files that could not be read/ });
      const entry = unreadable.getByRole('listitem').filter({ hasText: 'Broken paper.pdf' });
      await entry.waitFor();
      const reason = (await entry.textContent())!.replace('Broken paper.pdf', '').trim();
      expect(reason.length, 'a reason is given').toBeGreaterThan(3);
      await sync.getByText(/could not be read/).first().waitFor();
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('counts files during a long sync, announces each quarter, and explains a failed drive', LONG, async () => {
    // A real demo sync ends within a poll or two, so this one is staged: the page's calls to
    // the sync endpoint are answered from a script of statuses, one per 2-second poll.
    const drive = (over: Record<string, unknown>) => ({
      kind: 'local',
      driveId: 'local',
      driveName: 'Local library',
      status: 'running',
      itemsDone: 0,
      itemsTotal: null,
      startedAt: new Date().toISOString(),
      lastSuccessAt: '2026-11-21T10:15:00Z',
      lastError: null,
      ...over,
    });
    const status = (running: boolean, over: Record<string, unknown>) => ({ running, drives: [drive(over)], unreadableFiles: [] });
    const script = [
      status(true, { itemsDone: 10, itemsTotal: 40 }),
      status(true, { itemsDone: 20, itemsTotal: 40 }),
      status(true, { itemsDone: 31, itemsTotal: 40 }),
      status(false, { status: 'failed', itemsDone: 31, itemsTotal: 40, lastError: 'The library folder could not be read: permission denied.' }),
    ];
    let polls = 0;
    let started = false;

    const { context, page, errors } = await openAs(BUSINESS_MANAGER);
    try {
      await page.route('**/api/v1/partnerships/*/sync', async (route) => {
        const method = route.request().method();
        let body;
        if (method === 'POST') {
          started = true;
          body = status(true, {});
        } else if (!started) {
          body = status(false, { status: 'idle' });
        } else {
          body = script[Math.min(polls, script.length - 1)];
          polls += 1;
        }
        await route.fulfill({ status: method === 'POST' ? 202 : 200, contentType: 'application/json', body: JSON.stringify(body) });
      });
      await openLibraries(page);
      const sync = syncRegion(page);
      await sync.getByText('Last synced Saturday 21 November 2026 at 10:15', { exact: true }).waitFor();
      await sync.getByRole('button', { name: 'Sync now' }).click();

      const live = sync.locator('[aria-live="polite"]');
      const bar = sync.getByRole('progressbar', { name: 'Sync progress' });
      await sync.getByText('Reading the library’s changes…', { exact: true }).waitFor();
      expect(await bar.getAttribute('aria-valuenow'), 'indeterminate while the number of files is unknown').toBeNull();
      await expect.poll(() => live.textContent()).toBe('The sync has started: reading the library’s changes.');

      await sync.getByText('10 of 40 files', { exact: true }).waitFor();
      expect(await bar.getAttribute('aria-valuetext')).toBe('10 of 40 files');
      await expect.poll(() => live.textContent()).toBe('The sync is 25% done: 10 of 40 files.');
      await sync.getByText('20 of 40 files', { exact: true }).waitFor();
      await expect.poll(() => live.textContent()).toBe('The sync is 50% done: 20 of 40 files.');
      await sync.getByText('31 of 40 files', { exact: true }).waitFor();
      await expect.poll(() => live.textContent()).toBe('The sync is 75% done: 31 of 40 files.');

      // It failed: said in words, with what to do, and polling stops.
      const failure = sync.getByText('The sync of the local library failed.');
      await failure.waitFor();
      await sync.getByText(/permission denied\. Check that the library and its folders still exist/).waitFor();
      await sync.getByText('npx los doctor', { exact: true }).waitFor();
      await expect.poll(() => live.textContent()).toContain('The sync failed. The library folder could not be read: permission denied.');
      expect(await bar.count()).toBe(0);
      await sync.getByRole('button', { name: 'Sync now' }).waitFor();
      const pollsAtEnd = polls;
      await page.waitForTimeout(4_500);
      expect(polls, 'no more polling once the sync has ended').toBe(pollsAtEnd);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the scrutineer the libraries and the sync, without the controls to change them', LONG, async () => {
    const { context, page, errors } = await openAs(SCRUTINEER);
    try {
      await openLibraries(page);
      for (const forum of FORUM_NAMES) await forumItem(page, forum).getByText(`Local folder “${forum}”`, { exact: true }).waitFor();
      await syncRegion(page).getByText(LAST_SYNCED).waitFor();
      const main = page.getByRole('main');
      for (const name of [/^Change/, /^Choose a folder/, /^Sync now$/, /^Remove/]) {
        expect(await main.getByRole('button', { name }).count(), `no ${name} button`).toBe(0);
      }
      expect(await main.getByRole('textbox').count()).toBe(0);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('does not offer Libraries to a role that may not read documents', LONG, async () => {
    const { context, page, errors } = await openAs(PARTNER_MEMBER);
    try {
      const nav = page.getByRole('navigation', { name: 'Line of Sight' });
      await nav.getByRole('link', { name: 'Home', exact: true }).waitFor();
      expect(await nav.getByRole('link', { name: 'Libraries', exact: true }).count()).toBe(0);
      await page.goto(`${app!.url}/?theme=light#/libraries`);
      await page.getByText('Your role in this partnership does not include seeing its document libraries.').waitFor();
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    for (const width of [1280, 280] as const) {
      it(`has no WCAG 2.2 AA violations on the Libraries page, its source form and its error (${theme} theme, ${width} px wide)`, LONG, async () => {
        expect(sessions.has(BUSINESS_MANAGER.name), 'the earlier tests sign the business manager in').toBe(true);
        const { context, page } = await openAs(BUSINESS_MANAGER, { width, bypassCSP: true });
        try {
          await page.goto(`${app!.url}/?theme=${theme}#/libraries`);
          await page.locator(`[data-theme="${theme}"]`).first().waitFor();
          await page.getByRole('heading', { level: 1, name: 'Libraries' }).waitFor();
          await forumItem(page, FORUM_NAMES[0]!).waitFor();
          await syncRegion(page).getByText(LAST_SYNCED).waitFor();
          // The earlier sync left an unreadable file: its list is part of what is checked.
          await page.getByRole('region', { name: /^Files that could not be read/ }).waitFor();
          await waitForLoaded(page);

          let violations = await runAxe(page);
          expect(violations, `axe found violations on the page:\n${describeViolations(violations)}`).toEqual([]);
          expect(await horizontalOverflow(page), 'the page scrolls sideways').toBeLessThanOrEqual(0);

          const form = await openEditor(page, 'Executive');
          await form.getByRole('textbox', { name: 'Folder in the local library' }).fill('Not here');
          await form.getByRole('button', { name: 'Save' }).click();
          await form.getByRole('alert').waitFor();
          violations = await runAxe(page);
          expect(violations, `axe found violations in the source form:\n${describeViolations(violations)}`).toEqual([]);
          expect(await horizontalOverflow(page), 'the source form scrolls sideways').toBeLessThanOrEqual(0);
          await form.getByRole('button', { name: 'Cancel' }).click();
          await form.waitFor({ state: 'hidden' });
        } finally {
          await context.close();
        }
      });
    }
  }
});
