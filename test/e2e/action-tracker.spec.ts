import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackerAction } from '../../src/contract/actions.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { launchBrowser } from '../support/browser.js';
import { csvBytes } from '../support/action-import-fixtures.js';
import { request } from '../support/http.js';
import { describeViolations, horizontalOverflow, runAxe, waitForLoaded, watchForErrors } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TAB_INDEX = path.join(PROJECT_ROOT, 'dist', 'tab', 'index.html');
const PARTNERSHIP = 'Demo Borough Safeguarding Children Partnership';
const BUSINESS_MANAGER = { name: 'Priya Nair', role: 'Business manager' };
const LONG = { timeout: 120_000 };

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

let app: TestApp | undefined;
let browser: Browser | undefined;
let partnershipId = '';
let bmId = '';
const sessions = new Map<string, StorageState>();

/** The tracker as the API gives it to the business manager. */
async function apiActions(): Promise<TrackerAction[]> {
  const r = await request(app!.url, 'GET', `/api/v1/partnerships/${partnershipId}/actions`, { as: bmId });
  expect(r.status).toBe(200);
  return r.body.actions as TrackerAction[];
}

async function apiAction(reference: string): Promise<TrackerAction> {
  const found = (await apiActions()).find((a) => a.reference === reference);
  expect(found, reference).toBeDefined();
  return found!;
}

/** A new page signed in as the person (through the dev sign-in page the first time). */
async function openAs(person: { name: string; role: string }, options: { width?: number; bypassCSP?: boolean } = {}) {
  const saved = sessions.get(person.name);
  const context = await browser!.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, storageState: saved, bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  if (!saved) {
    await page.goto(`${app!.url}/?theme=light`);
    await page.getByRole('region', { name: PARTNERSHIP }).getByRole('group', { name: person.role }).getByRole('button', { name: new RegExp(`^${person.name}`) }).click();
    await page.getByRole('heading', { level: 1, name: 'Partnership overview' }).waitFor();
    sessions.set(person.name, await context.storageState());
  }
  return { context, page, errors };
}

const table = (page: Page) => page.getByRole('region', { name: 'Actions table' });
const rows = (page: Page) => table(page).locator('tbody tr[aria-rowindex]');
const rowFor = (page: Page, reference: string) => rows(page).filter({ has: page.getByRole('rowheader', { name: reference, exact: true }) });
const countText = (page: Page) => page.getByTestId('tracker-count');

async function openTracker(page: Page, theme = 'light'): Promise<void> {
  await page.goto(`${app!.url}/?theme=${theme}#/tracker`);
  await page.getByRole('heading', { level: 1, name: 'Action tracker' }).waitFor();
  await rows(page).first().waitFor();
  await waitForLoaded(page);
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search actions' }).fill(text);
}

/** The references of the rows on screen, in order. */
async function shownReferences(page: Page): Promise<string[]> {
  return rows(page).locator('th[scope="row"]').allTextContents();
}

/** An action's status, as the server has it. */
async function statusOf(reference: string) {
  return (await apiAction(reference)).status;
}

async function pick(select: Locator, label: string): Promise<void> {
  await select.selectOption({ label });
}

describe('the action tracker in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(TAB_INDEX)) throw new Error(`The tab has not been built (${TAB_INDEX} is missing). Run npm run build first.`);
    app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    const people = (await request(app.url, 'GET', '/api/v1/dev/people')).body.people as { id: string; displayName: string; partnership: { id: string; name: string } }[];
    const bm = people.find((p) => p.displayName === BUSINESS_MANAGER.name && p.partnership.name === PARTNERSHIP)!;
    bmId = bm.id;
    partnershipId = bm.partnership.id;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('filters, searches and groups the actions in the page, and says how many it shows', LONG, async () => {
    const { context, page, errors } = await openAs(BUSINESS_MANAGER);
    try {
      const all = await apiActions();
      await openTracker(page);
      expect(await page.title()).toBe('Action tracker – Line of Sight');
      await expect.poll(() => countText(page).textContent()).toBe(`Showing ${all.length} of ${all.length} actions`);
      // The table says how many rows there are, though only those in view are rendered.
      expect(await table(page).locator('table').getAttribute('aria-rowcount')).toBe(String(all.length + 1));
      expect(await rows(page).count()).toBeLessThanOrEqual(all.length);

      // Source: Audit.
      await pick(page.getByRole('combobox', { name: 'Source' }), 'Audit');
      const audits = all.filter((a) => a.source === 'audit');
      await expect.poll(() => countText(page).textContent()).toBe(`Showing ${audits.length} of ${all.length} actions`);
      expect((await shownReferences(page)).sort()).toEqual(audits.map((a) => a.reference).sort());

      // And RAG red.
      await pick(page.getByRole('combobox', { name: 'RAG' }), 'Red');
      const redAudits = audits.filter((a) => a.rag === 'red');
      await expect.poll(() => countText(page).textContent()).toBe(`Showing ${redAudits.length} of ${all.length} actions`);
      for (const row of await rows(page).all()) await row.getByText('Red', { exact: true }).waitFor();

      // Clear, then search: every word must be found.
      await page.getByRole('button', { name: 'Clear search and filters' }).click();
      await expect.poll(() => countText(page).textContent()).toBe(`Showing ${all.length} of ${all.length} actions`);
      await search(page, 'section 11 probation');
      const words = ['section', '11', 'probation'];
      const found = all.filter((a) => words.every((w) => [a.reference, a.title, a.description, a.sourceRef, a.owner?.name, a.agency?.name, a.lastUpdate?.comment].join('\n').toLowerCase().includes(w)));
      expect(found.length).toBeGreaterThan(0);
      await expect.poll(() => countText(page).textContent()).toBe(`Showing ${found.length} of ${all.length} actions`);

      // Nothing matches: the page says so and offers the way back.
      await search(page, 'no action says this');
      await page.getByText('No actions match the search and filters.').waitFor();
      await page.getByRole('button', { name: `Clear them to see all ${all.length} actions` }).click();
      await expect.poll(() => countText(page).textContent()).toBe(`Showing ${all.length} of ${all.length} actions`);

      // Grouped by source: a heading per source, which folds its actions away.
      await pick(page.getByRole('combobox', { name: 'Group by' }), 'Source');
      const audit = table(page).getByRole('button', { name: /^Audit \d+ actions?$/ });
      await audit.waitFor();
      expect(await audit.getAttribute('aria-expanded')).toBe('true');
      await audit.click();
      expect(await audit.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(async () => (await shownReferences(page)).some((r) => audits.some((a) => a.reference === r))).toBe(false);
      await audit.click();
      await expect.poll(async () => (await shownReferences(page)).some((r) => audits.some((a) => a.reference === r))).toBe(true);

      // The view's filters reach the export.
      await pick(page.getByRole('combobox', { name: 'Group by' }), 'No grouping');
      await pick(page.getByRole('combobox', { name: 'Source' }), 'Audit');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
      const file = await download.path();
      const { readFileSync } = await import('node:fs');
      const csv = readFileSync(file, 'utf8');
      for (const a of audits) expect(csv).toContain(a.reference);
      for (const a of all.filter((x) => x.source !== 'audit')) expect(csv).not.toContain(`${a.reference},`);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('changes a status in the row (with Undo), updates in the drawer, and the history shows both', LONG, async () => {
    const { context, page, errors } = await openAs(BUSINESS_MANAGER);
    try {
      const before = await apiAction('CH-05');
      expect(before.status).toBe('in_progress');
      await openTracker(page);
      await search(page, 'CH-05');
      const row = rowFor(page, 'CH-05');
      await row.waitFor();

      await row.getByRole('button', { name: 'Status of CH-05: In progress. Change status' }).click();
      await page.getByRole('menuitemradio', { name: 'Not started' }).click();
      await row.getByRole('button', { name: 'Status of CH-05: Not started. Change status' }).waitFor();
      await expect.poll(() => statusOf('CH-05')).toBe('not_started');
      // Undo sends the old status back, with the new version.
      await page.getByText('CH-05: status changed to Not started. Was: In progress.').waitFor();
      await page.getByRole('button', { name: 'Undo' }).click();
      await row.getByRole('button', { name: 'Status of CH-05: In progress. Change status' }).waitFor();
      await expect.poll(() => statusOf('CH-05')).toBe('in_progress');

      // The drawer: % complete, due date and a comment.
      await row.getByRole('button', { name: 'Open CH-05: details, update, evidence and history' }).click();
      const drawer = page.getByRole('dialog', { name: 'CH-05' });
      await drawer.waitFor();
      const form = drawer.getByRole('form', { name: 'Update CH-05' });
      await form.getByRole('spinbutton', { name: '% complete' }).fill('55');
      await form.getByLabel('Due date').fill('2027-01-15');
      await form.getByRole('textbox', { name: /^Comment/ }).fill('Commissioning agreed with the ICB.');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(async () => (await apiAction('CH-05')).percentComplete).toBe(55);
      expect((await apiAction('CH-05')).dueDate).toBe('2027-01-15');

      const history = drawer.getByRole('list', { name: 'History of CH-05, newest first' });
      await history.getByText('% complete: 15% → 55%').waitFor();
      await history.getByText('Due date: ').first().waitFor();
      await history.getByText('“Commissioning agreed with the ICB.”').waitFor();
      await history.getByText('Status: Not started → In progress').waitFor();
      await history.getByText('Status: In progress → Not started').waitFor();
      // The row shows the new figures too.
      await drawer.getByRole('button', { name: 'Close' }).click();
      await drawer.waitFor({ state: 'hidden' });
      await row.getByText('55% done').waitFor();
      await row.getByText('15 Jan 2027').waitFor();
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses a change made after someone else’s, with the server’s words and Reload', LONG, async () => {
    const { context, page, errors } = await openAs(BUSINESS_MANAGER);
    try {
      await openTracker(page);
      await search(page, 'AUD-05');
      const row = rowFor(page, 'AUD-05');
      await row.waitFor();
      // Someone else changes it meanwhile.
      const a = await apiAction('AUD-05');
      const other = await request(app!.url, 'PATCH', `/api/v1/partnerships/${partnershipId}/actions/${a.id}`, { as: bmId, json: { version: a.version, percentComplete: 30 } });
      expect(other.status).toBe(200);

      await row.getByRole('button', { name: /^Status of AUD-05/ }).click();
      await page.getByRole('menuitemradio', { name: 'Not started' }).click();
      await page.getByRole('group').getByText(/AUD-05 was changed.*after you opened it\. Nothing was saved/).waitFor();
      expect(await statusOf('AUD-05')).toBe('in_progress');
      await page.getByRole('button', { name: 'Reload the tracker' }).click();
      await row.getByText('30% done').waitFor();
      expect(errors.filter((e) => !e.includes('409')), errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses completion and sign-off without evidence, in the server’s words, then signs off with it', LONG, async () => {
    // An action proposed complete with no evidence (as an import or an old tracker may leave one), owned by someone else.
    const people = (await request(app!.url, 'GET', `/api/v1/partnerships/${partnershipId}/people`, { as: bmId })).body.people as { id: string; displayName: string }[];
    const tom = people.find((p) => p.displayName === 'Tom Beckett')!;
    const id = randomUUID();
    const created = await request(app!.url, 'POST', `/api/v1/partnerships/${partnershipId}/actions`, {
      as: bmId,
      json: { id, reference: 'E2E-SIGN-1', title: 'Publish the neglect strategy refresh.', source: 'scrutiny', ownerPersonId: tom.id, status: 'in_progress', percentComplete: 90 },
    });
    expect(created.status).toBe(201);
    await app!.app.database.db.updateTable('actions').set({ status: 'proposed_complete', completion_proposed_by_id: tom.id, completion_proposed_at: new Date() }).where('id', '=', id).execute();

    const { context, page, errors } = await openAs(BUSINESS_MANAGER);
    try {
      await openTracker(page);
      await search(page, 'E2E-SIGN-1');
      await rowFor(page, 'E2E-SIGN-1').getByRole('button', { name: /^Open E2E-SIGN-1/ }).click();
      let drawer = page.getByRole('dialog', { name: 'E2E-SIGN-1' });
      await drawer.getByRole('button', { name: 'Sign off' }).click();
      await drawer.getByText('E2E-SIGN-1 has no evidence attached. Add a link to the evidence in SharePoint before it can be signed off').waitFor();
      expect(await statusOf('E2E-SIGN-1')).toBe('proposed_complete');

      // With a link to the evidence, it is signed off.
      const evidence = drawer.getByRole('form', { name: 'Add evidence to E2E-SIGN-1' });
      await evidence.getByRole('textbox', { name: /^Link to the evidence/ }).fill('https://demo-borough.sharepoint.com/sites/scp/Shared%20Documents/Neglect%20strategy.docx');
      await evidence.getByRole('button', { name: 'Add evidence' }).click();
      await drawer.getByRole('link', { name: /Neglect strategy/ }).waitFor();
      await drawer.getByRole('button', { name: 'Sign off' }).click();
      await drawer.getByText(/^Signed off on /).waitFor();
      await expect.poll(() => statusOf('E2E-SIGN-1')).toBe('complete');
      await drawer.getByRole('button', { name: 'Close' }).click();
      await drawer.waitFor({ state: 'hidden' });

      // The business manager owns SCR-03, which has no evidence: proposing it complete is refused.
      await search(page, 'SCR-03');
      await rowFor(page, 'SCR-03').getByRole('button', { name: /^Open SCR-03/ }).click();
      drawer = page.getByRole('dialog', { name: 'SCR-03' });
      await drawer.getByRole('button', { name: 'Propose completion' }).click();
      await drawer.getByText('SCR-03 has no evidence attached. Add a link to the evidence in SharePoint before proposing it complete').waitFor();
      expect(await statusOf('SCR-03')).toBe('in_progress');
      expect(errors.filter((e) => !e.includes('422')), errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('imports a CSV: the preview explains each row’s errors and writes nothing; a clean file then imports', LONG, async () => {
    const { context, page, errors } = await openAs(BUSINESS_MANAGER);
    try {
      const countBefore = (await apiActions()).length;
      await openTracker(page);
      await page.getByRole('button', { name: 'Import from Excel or CSV' }).click();
      const wizard = page.getByRole('region', { name: 'Import actions from Excel or CSV' });
      await wizard.getByRole('heading', { name: 'Step 1 of 4: Choose a file' }).waitFor();
      const bad = csvBytes([
        ['Ref', 'Action', 'Source', 'Due date'],
        ['IMP-01', 'Refresh the escalation protocol.', 'audit', '15/12/2026'],
        ['IMP-02', '', 'audit', '15/12/2026'],
        ['IMP-03', 'Report on return interviews.', 'gossip', 'next Tuesday'],
      ]);
      await wizard.getByLabel('Tracker file (.xlsx or .csv)').setInputFiles({ name: 'tracker.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await wizard.getByRole('heading', { name: 'Step 2 of 4: Match the columns' }).waitFor();
      // The columns are matched from their headings.
      const columns = wizard.getByRole('group', { name: 'Columns for each field' });
      expect(await columns.getByRole('combobox', { name: /^Reference/ }).inputValue()).toBe('0');
      expect(await columns.getByRole('combobox', { name: /^Action/ }).inputValue()).toBe('1');
      expect(await columns.getByRole('combobox', { name: /^Due date/ }).inputValue()).toBe('3');
      await wizard.getByRole('button', { name: 'Preview the import' }).click();
      await wizard.getByRole('heading', { name: 'Step 3 of 4: Check the preview' }).waitFor();
      await wizard.getByText(/^3 problems: nothing will be imported until they are fixed\./).waitFor();
      const problems = wizard.getByRole('list', { name: 'Problems, by row' });
      await problems.getByText(/Row 3.*Action.*is empty: every action needs its text\./).waitFor();
      await problems.getByText(/Row 4.*"gossip" is not a source the tracker knows/).waitFor();
      await problems.getByText(/Row 4.*"next Tuesday" is not a date/).waitFor();
      expect(await wizard.getByRole('button', { name: /^Import \d+ actions?$/ }).count()).toBe(0);
      expect((await apiActions()).length, 'nothing was written').toBe(countBefore);

      // A corrected file.
      await wizard.getByRole('button', { name: 'Choose another file' }).click();
      const good = csvBytes([
        ['Ref', 'Action', 'Source', 'Due date'],
        ['IMP-01', 'Refresh the escalation protocol.', 'audit', '15/12/2026'],
        ['IMP-02', 'Share the rapid review learning.', 'case review', '31/01/2027'],
      ]);
      await wizard.getByLabel('Tracker file (.xlsx or .csv)').setInputFiles({ name: 'tracker.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
      await wizard.getByRole('button', { name: 'Preview the import' }).click();
      await wizard.getByText('Ready to import.').waitFor();
      await wizard.getByRole('button', { name: 'Import 2 actions' }).click();
      await wizard.getByText(/Imported\. 2 created, 0 updated, 0 unchanged, from 2 rows\./).waitFor();
      await expect.poll(async () => (await apiActions()).length).toBe(countBefore + 2);
      // The tracker shows them.
      await search(page, 'IMP-0');
      await rowFor(page, 'IMP-01').waitFor();
      await rowFor(page, 'IMP-02').getByText('15 Dec 2026').count();
      await rowFor(page, 'IMP-02').getByText('31 Jan 2027').waitFor();
      expect(errors.filter((e) => !e.includes('422')), errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sorts and updates with the keyboard alone', LONG, async () => {
    const { context, page, errors } = await openAs(BUSINESS_MANAGER);
    try {
      await openTracker(page);
      // Into the page by keyboard: Tab from the search box to the Reference column's header.
      await page.getByRole('searchbox', { name: 'Search actions' }).focus();
      await page.keyboard.type('scr-');
      const refHeader = table(page).getByRole('columnheader', { name: 'Reference' });
      for (let i = 0; i < 40; i += 1) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Reference') break;
      }
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reference');
      await page.keyboard.press('Enter');
      await expect.poll(() => refHeader.getAttribute('aria-sort')).toBe('ascending');
      const ascending = await shownReferences(page);
      expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true })));
      await page.keyboard.press('Space');
      await expect.poll(() => refHeader.getAttribute('aria-sort')).toBe('descending');
      const descending = await shownReferences(page);
      expect(descending).toEqual([...ascending].reverse());
      await page.getByTestId('tracker-announcer').getByText('Sorted by reference, descending.').waitFor();

      // On to the first row's status, open its menu, choose another status, and undo it with Ctrl+Z.
      const first = descending.find((r) => r === 'SCR-09') ?? descending[0]!;
      await search(page, first);
      const button = rowFor(page, first).getByRole('button', { name: new RegExp(`^Status of ${first}: Not started`) });
      await button.waitFor();
      await page.getByRole('searchbox', { name: 'Search actions' }).focus();
      for (let i = 0; i < 60; i += 1) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).startsWith(`Status of ${first}`)) break;
      }
      await page.keyboard.press('Enter');
      await page.getByRole('menu').waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await rowFor(page, first).getByRole('button', { name: `Status of ${first}: In progress. Change status` }).waitFor();
      await expect.poll(() => statusOf(first)).toBe('in_progress');
      // Focus stayed in the row; Ctrl+Z takes the change back.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(new RegExp(`^Status of ${first}`));
      await page.keyboard.press('Control+z');
      await expect.poll(() => statusOf(first)).toBe('not_started');
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`has no WCAG 2.2 AA violations on the tracker, the action drawer and the import preview (${theme} theme)`, LONG, async () => {
      expect(sessions.has(BUSINESS_MANAGER.name), 'the earlier tests sign the business manager in').toBe(true);
      const { context, page } = await openAs(BUSINESS_MANAGER, { bypassCSP: true });
      try {
        await openTracker(page, theme);
        await page.locator(`[data-theme="${theme}"]`).first().waitFor();
        let violations = await runAxe(page);
        expect(violations, `axe found violations on the tracker:\n${describeViolations(violations)}`).toEqual([]);
        expect(await horizontalOverflow(page), 'the page scrolls sideways').toBeLessThanOrEqual(0);

        await pick(page.getByRole('combobox', { name: 'Group by' }), 'Checklist area');
        await table(page).getByRole('button', { name: /actions?$/ }).first().waitFor();
        violations = await runAxe(page);
        expect(violations, `axe found violations on the grouped tracker:\n${describeViolations(violations)}`).toEqual([]);

        await rowFor(page, (await shownReferences(page))[0]!).getByRole('button', { name: /^Open / }).click();
        const drawer = page.getByRole('dialog');
        await drawer.getByRole('list', { name: /^History of / }).waitFor();
        violations = await runAxe(page);
        expect(violations, `axe found violations in the drawer:\n${describeViolations(violations)}`).toEqual([]);
        await drawer.getByRole('button', { name: 'Close' }).click();
        await drawer.waitFor({ state: 'hidden' });

        await page.getByRole('button', { name: 'Import from Excel or CSV' }).click();
        const wizard = page.getByRole('region', { name: 'Import actions from Excel or CSV' });
        await wizard.getByLabel('Tracker file (.xlsx or .csv)').setInputFiles({
          name: 'tracker.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(csvBytes([['Ref', 'Action', 'Due date'], ['AX-1', '', 'soon']])),
        });
        await wizard.getByRole('button', { name: 'Preview the import' }).click();
        await wizard.getByRole('list', { name: 'Problems, by row' }).waitFor();
        violations = await runAxe(page);
        expect(violations, `axe found violations in the import preview:\n${describeViolations(violations)}`).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('fits a 280 px panel without sideways scrolling of the page', LONG, async () => {
    const { context, page, errors } = await openAs(BUSINESS_MANAGER, { width: 280 });
    try {
      await openTracker(page);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
