import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { launchBrowser } from '../support/browser.js';
import { request } from '../support/http.js';
import { describeViolations, horizontalOverflow, runAxe, waitForLoaded, watchForErrors } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TAB_INDEX = path.join(PROJECT_ROOT, 'dist', 'tab', 'index.html');
const PARTNERSHIP = 'Demo Borough Safeguarding Children Partnership';
const SCRUTINEER = { name: 'Jordan Ellis', role: 'Independent scrutineer' };
const PANEL = { width: 280, height: 900 };
/** An area of the demo partnership's checklist (TASP), found by typing "voice". */
const AREA = 'Outcomes for children and young people (voice and engagement)';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

let app: TestApp | undefined;
let browser: Browser | undefined;
let signedIn: StorageState | undefined;
let scrutineerId = '';
let partnershipId = '';
/** The panel's address for the first meeting in the pick list (today's or the next). */
let meetingHash = '';

/** A 280 px wide page (the Teams side panel), signed in as the scrutineer. */
async function openPanel(options: { bypassCSP?: boolean; theme?: string; hash?: string } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser!.newContext({ viewport: PANEL, storageState: signedIn, bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${app!.url}/?theme=${options.theme ?? 'light'}${options.hash ?? meetingHash}`);
  await page.getByRole('heading', { level: 1, name: 'Meeting side panel' }).waitFor();
  return { context, page, errors };
}

const timeline = (page: Page) => page.getByRole('region', { name: 'Observations in this meeting' });
const observation = (page: Page, body: string): Locator => timeline(page).getByRole('listitem').filter({ hasText: body });
const captureBox = (page: Page) => page.getByRole('form', { name: 'Capture an observation' }).getByRole('textbox', { name: 'Observation' });

/** Types an observation with one area chip (chosen by typing), a judgement and an evidence type, and presses Enter. */
async function capture(page: Page, body: string, options: { area?: string; judgement?: string; evidence?: string } = {}): Promise<void> {
  const form = page.getByRole('form', { name: 'Capture an observation' });
  await captureBox(page).fill(body);
  const areas = form.getByRole('combobox', { name: 'Checklist areas' });
  await areas.click();
  await areas.pressSequentially(options.area ?? 'voice');
  // The picker's own options (the native <option>s of the selects have no role attribute).
  await page.locator('[role="option"]', { hasText: new RegExp(options.area ?? 'voice', 'i') }).first().waitFor();
  await areas.press('Enter');
  await form.getByRole('listbox', { name: 'Chosen checklist areas' }).getByRole('option').first().waitFor();
  await form.getByRole('radio', { name: options.judgement ?? 'Concern that needs addressing' }).check();
  await form.getByRole('combobox', { name: 'Evidence type' }).selectOption({ label: options.evidence ?? 'Audit' });
  await captureBox(page).press('Enter');
}

async function observationsWithBody(body: string): Promise<number> {
  const r = await request(app!.url, 'GET', `/api/v1/partnerships/${partnershipId}/observations`, { as: scrutineerId });
  expect(r.status).toBe(200);
  return r.body.observations.filter((o: { body: string }) => o.body === body).length;
}

describe('the meeting side panel in Chromium, 280 px wide', () => {
  beforeAll(async () => {
    if (!existsSync(TAB_INDEX)) throw new Error(`The tab has not been built (${TAB_INDEX} is missing). Run npm run build first.`);
    app = await startTestApp();
    browser = await launchBrowser();
    const people = (await request(app.url, 'GET', '/api/v1/dev/people')).body.people as { id: string; displayName: string; partnership: { id: string } }[];
    const me = people.find((p) => p.displayName === SCRUTINEER.name)!;
    scrutineerId = me.id;
    partnershipId = me.partnership.id;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const meetings = await request(app.url, 'GET', `/api/v1/partnerships/${partnershipId}/meetings?from=${today}`, { as: scrutineerId });
    meetingHash = `#/meeting?meetingId=${meetings.body.meetings[0].id}`;

    // Sign in once, through the dev sign-in, in the narrow panel.
    const context = await browser.newContext({ viewport: PANEL });
    const page = await context.newPage();
    await page.goto(`${app.url}/?theme=light`);
    await page.getByRole('region', { name: PARTNERSHIP }).getByRole('group', { name: SCRUTINEER.role }).getByRole('button', { name: new RegExp(`^${SCRUTINEER.name}`) }).click();
    await page.getByRole('heading', { level: 1, name: 'Partnership overview' }).waitFor();
    signedIn = await context.storageState();
    await context.close();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('picks a meeting, shows its agenda and papers, and captures an observation that Enter saves', { timeout: 90_000 }, async () => {
    const { context, page, errors } = await openPanel({ hash: '#/meeting' });
    try {
      await page.getByRole('heading', { level: 2, name: 'Meetings' }).waitFor();
      await page.getByRole('button', { name: /^Choose / }).first().click();
      const heading = page.getByRole('heading', { level: 2 }).first();
      await expect.poll(() => new URL(page.url()).hash).toBe(meetingHash);
      await page.getByRole('form', { name: 'Capture an observation' }).waitFor();
      await waitForLoaded(page);
      expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);

      // The agenda in order, and papers that open in the viewer.
      const agenda = page.getByRole('region', { name: 'Agenda' });
      expect(await agenda.getByRole('listitem').first().textContent()).toBe('Welcome, introductions and apologies');
      const paperLink = page.getByRole('region', { name: 'Papers' }).getByRole('link').first();
      expect(await paperLink.getAttribute('href')).toMatch(/^#\/papers\?documentId=[0-9a-f-]{36}$/);
      await page.getByText('No observations yet. Write one above and press Enter').waitFor();

      // The prompts of a chosen area are one keystroke away.
      const form = page.getByRole('form', { name: 'Capture an observation' });
      const body = 'The chair asked how children’s views shaped the neglect strategy.';
      await captureBox(page).fill(body);
      const areas = form.getByRole('combobox', { name: 'Checklist areas' });
      await areas.click();
      await areas.pressSequentially('voice');
      await page.getByRole('option', { name: AREA }).waitFor();
      await areas.press('Enter');
      const chips = form.getByRole('listbox', { name: 'Chosen checklist areas' });
      await chips.getByText(AREA).waitFor();
      await captureBox(page).press('Alt+KeyP');
      const prompts = page.getByRole('region', { name: 'Prompts for the chosen areas' });
      await prompts.getByRole('heading', { name: AREA }).waitFor();
      expect(await prompts.getByRole('listitem').count()).toBeGreaterThan(0);
      expect(await form.getByRole('button', { name: 'Prompts' }).getAttribute('aria-pressed')).toBe('true');

      // Enter without a judgement says what is missing and keeps the text.
      await captureBox(page).press('Enter');
      await form.getByText('Choose a judgement.').waitFor();
      expect(await captureBox(page).inputValue()).toBe(body);

      await form.getByRole('radio', { name: 'Concern that needs addressing' }).check();
      await form.getByRole('combobox', { name: 'Evidence type' }).selectOption({ label: 'Voice of children and families' });
      await captureBox(page).press('Shift+Enter');
      await captureBox(page).press('Backspace');
      await captureBox(page).press('Enter');

      // It shows at once, the form is clear and the text box keeps focus.
      const item = observation(page, body);
      await item.waitFor();
      await item.getByText('Saved', { exact: true }).waitFor({ timeout: 20_000 });
      expect(await item.textContent()).toContain('Concern · Voice of children and families');
      expect(await item.textContent()).toContain(`Areas: ${AREA}`);
      expect(await captureBox(page).inputValue()).toBe('');
      expect(await captureBox(page).evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await chips.getByRole('option').count()).toBe(0);
      await expect.poll(() => page.getByTestId('meeting-announcer').textContent()).toBe('Observation saved.');

      // A reload keeps the meeting (it is in the address) and the observation.
      await page.reload();
      await observation(page, body).getByText('Saved', { exact: true }).waitFor({ timeout: 20_000 });
      expect(await observationsWithBody(body)).toBe(1);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps an observation made with the network cut through a reload, and saves it exactly once when the network is back', { timeout: 120_000 }, async () => {
    const { context, page } = await openPanel();
    try {
      // Saving fails as it does with no network; the rest of the page still loads.
      const cut = (route: import('playwright-core').Route) =>
        route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue();
      await context.route('**/api/v1/partnerships/*/observations', cut);
      await page.getByRole('form', { name: 'Capture an observation' }).waitFor();
      const body = 'Offline: attendance from health was not recorded in the minutes.';
      await capture(page, body);
      const item = observation(page, body);
      await item.getByText('Waiting for network, kept on this device').waitFor({ timeout: 20_000 });
      expect(await captureBox(page).inputValue()).toBe('');

      // Reloaded while still cut off: the queue in IndexedDB brings it back.
      await page.reload();
      await observation(page, body).getByText('Waiting for network, kept on this device').waitFor({ timeout: 20_000 });
      expect(await observationsWithBody(body)).toBe(0);

      // The network is back: the next retry saves it, once.
      await context.unroute('**/api/v1/partnerships/*/observations', cut);
      await observation(page, body).getByText('Saved', { exact: true }).waitFor({ timeout: 40_000 });
      expect(await observationsWithBody(body)).toBe(1);
      await page.reload();
      await observation(page, body).getByText('Saved', { exact: true }).waitFor({ timeout: 20_000 });
      expect(await observation(page, body).count()).toBe(1);
      expect(await observationsWithBody(body)).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('keeps a save the server refuses, with its message, and puts the text back in the form', { timeout: 60_000 }, async () => {
    const { context, page } = await openPanel();
    try {
      const refusal = 'body.areaIds names an area that is not in this partnership’s checklist.';
      await context.route('**/api/v1/partnerships/*/observations', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'validation_failed', message: refusal } }) })
          : route.continue(),
      );
      await page.getByRole('form', { name: 'Capture an observation' }).waitFor();
      const body = 'Refused: the data dashboard was not circulated before the meeting.';
      await capture(page, body);
      const item = observation(page, body);
      await item.getByText('Not saved', { exact: true }).waitFor({ timeout: 20_000 });
      await item.getByText(refusal, { exact: false }).waitFor();
      await item.getByRole('button', { name: /^Put back in the form/ }).click();
      await expect.poll(() => captureBox(page).inputValue()).toBe(body);
      expect(await captureBox(page).evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await observation(page, body).count()).toBe(0);
      expect(await observationsWithBody(body)).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('edits an observation, deletes it and brings it back with Undo', { timeout: 90_000 }, async () => {
    const { context, page, errors } = await openPanel();
    try {
      await page.getByRole('form', { name: 'Capture an observation' }).waitFor();
      const body = 'Performance report lacked data on repeat referrals.';
      await capture(page, body, { area: 'assurance', judgement: 'Potential but too early to assess impact', evidence: 'Paper or data' });
      const item = observation(page, body);
      await item.getByText('Saved', { exact: true }).waitFor({ timeout: 20_000 });

      await item.getByRole('button', { name: /^Edit / }).click();
      const editor = page.getByRole('form', { name: 'Edit observation' });
      const text = editor.getByRole('textbox', { name: 'Observation' });
      expect(await text.evaluate((el) => el === document.activeElement)).toBe(true);
      const edited = 'Performance report lacked data on repeat referrals; the chair asked for it next time.';
      await text.fill(edited);
      await text.press('Enter');
      const editedItem = observation(page, 'the chair asked for it next time');
      await editedItem.getByText('Saved', { exact: true }).waitFor();
      expect(await editedItem.evaluate((el) => el === document.activeElement)).toBe(true);

      await editedItem.getByRole('button', { name: /^Delete / }).click();
      await expect.poll(() => observation(page, 'the chair asked for it next time').count()).toBe(0);
      const undo = timeline(page).getByRole('button', { name: 'Undo' });
      await undo.waitFor();
      expect(await undo.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await observationsWithBody(edited)).toBe(0);
      await undo.click();
      await observation(page, 'the chair asked for it next time').waitFor();
      await expect.poll(() => observationsWithBody(edited)).toBe(1);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('raises a challenge from an observation, lists it for the meeting, and shares the observation', { timeout: 90_000 }, async () => {
    const { context, page, errors } = await openPanel();
    try {
      await page.getByRole('form', { name: 'Capture an observation' }).waitFor();
      await page.getByText('No challenges from this meeting yet.').waitFor({ timeout: 20_000 });
      const body = 'No health representative attended for the third meeting running.';
      await capture(page, body, { area: 'engagement', judgement: 'Concern that needs addressing', evidence: 'Observation of a meeting' });
      const item = observation(page, body);
      await item.getByText('Saved', { exact: true }).waitFor({ timeout: 20_000 });

      await item.getByRole('button', { name: /^Challenge from / }).click();
      const form = item.getByRole('form', { name: 'Raise a challenge' });
      const recipient = form.getByRole('combobox', { name: 'For' });
      await recipient.waitFor();
      // Raising with nothing filled in says what is missing.
      await form.getByRole('textbox', { name: 'Question' }).fill('');
      await form.getByRole('button', { name: 'Raise challenge' }).click();
      await form.getByText('Choose who the challenge is for.').waitFor();
      await recipient.click();
      await recipient.pressSequentially('Priya');
      await page.locator('[role="option"]', { hasText: /Priya Nair/ }).first().click();
      // A question that may identify a child is held back until the scrutineer edits or confirms it.
      await form.getByRole('textbox', { name: 'Question' }).fill('Was the child born 04/03/2016 at SW1A 1AA seen by health?');
      const warning = form.getByText('This may identify a child');
      await warning.waitFor();
      expect(await form.textContent()).toContain('Postcode: SW1A 1AA');
      await form.getByRole('button', { name: 'Raise challenge' }).click();
      await form.getByText('The question may identify a child: edit it, or confirm below that it may be sent.').waitFor();
      const question = 'Why has health not attended, and who will attend next time?';
      await form.getByRole('textbox', { name: 'Question' }).fill(question);
      await warning.waitFor({ state: 'detached' });
      await form.getByRole('button', { name: 'Raise challenge' }).click();
      const listed = page.getByRole('region', { name: 'Challenges from this meeting' }).getByRole('listitem').filter({ hasText: question });
      await listed.waitFor();
      expect(await listed.textContent()).toContain('For Priya Nair');
      expect(await listed.textContent()).toMatch(/Open · Answer by \w+day \d{1,2} \w+ \d{4}/);

      await item.getByRole('button', { name: /^Share / }).click();
      await item.getByRole('button', { name: 'Share it' }).click();
      await item.getByText('Shared with the partnership', { exact: false }).waitFor();
      expect(await item.getByRole('button', { name: /^Share / }).count()).toBe(0);

      // After a reload the challenge is still listed with the meeting.
      await page.reload();
      await page.getByRole('region', { name: 'Challenges from this meeting' }).getByRole('listitem').filter({ hasText: question }).waitFor({ timeout: 20_000 });
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`has no WCAG 2.2 AA violations at 280 px (${theme} theme)`, { timeout: 60_000 }, async () => {
        const { context, page } = await openPanel({ bypassCSP: true, theme });
      try {
        await page.locator(`[data-theme="${theme}"]`).first().waitFor();
        await page.getByRole('form', { name: 'Capture an observation' }).waitFor({ timeout: 20_000 });
        await waitForLoaded(page);
        // With a saved observation whose challenge form is open, so the timeline is checked too.
        const body = `Checked for accessibility in the ${theme} theme.`;
        const item = observation(page, body);
        await capture(page, body, { area: 'leadership' });
        await item.getByText('Saved', { exact: true }).waitFor({ timeout: 20_000 });
        await item.getByRole('button', { name: /^Challenge from / }).click();
        await item.getByRole('form', { name: 'Raise a challenge' }).getByRole('combobox', { name: 'For' }).waitFor();
        // With the prompts open and an error shown, so they are checked too.
        await captureBox(page).press('Alt+KeyP');
        await captureBox(page).press('Enter');
        await page.getByText('Write what you saw or heard.').waitFor();
        const violations = await runAxe(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        expect(await horizontalOverflow(page), 'the panel scrolls sideways').toBeLessThanOrEqual(0);
      } finally {
        await context.close();
      }
    });
  }
});
