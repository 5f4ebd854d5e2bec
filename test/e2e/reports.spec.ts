import { existsSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDraft, ReportEvidence, ReportList } from '../../src/contract/reports.js';
import { scrutinyYearOfDay } from '../../src/domain/scrutiny-period.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { DEV_PERSON_HEADER } from '../../src/server/authenticator.js';
import { launchBrowser } from '../support/browser.js';
import { request } from '../support/http.js';
import { describeViolations, horizontalOverflow, runAxe, waitForLoaded, watchForErrors } from '../support/page-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TAB_INDEX = path.join(PROJECT_ROOT, 'dist', 'tab', 'index.html');
const PARTNERSHIP = 'Demo Borough Safeguarding Children Partnership';
const SCRUTINEER = 'Jordan Ellis';
const LONG = { timeout: 120_000 };

let app: TestApp | undefined;
let browser: Browser | undefined;
let partnershipId = '';
let personId = '';
/** The business manager: reads the reports made, drafts none. */
let readerId = '';
/** This scrutiny year: the demo's evidence is recent, so its annual statement has some. */
let year = 0;

const annualHash = () => `#/reports?kind=annual&year=${year}`;

async function openDraft(kind: 'annual' | 'quarterly', period: string): Promise<ReportDraft> {
  const r = await request(app!.url, 'POST', `/api/v1/partnerships/${partnershipId}/reports/drafts`, { as: personId, json: { kind, period } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as ReportDraft;
}

const annualDraft = () => openDraft('annual', `${year}/${String((year + 1) % 100).padStart(2, '0')}`);

async function open(options: { theme?: string; width?: number; bypassCSP?: boolean; hash?: string; as?: string } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser!.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, bypassCSP: options.bypassCSP ?? false });
  await context.addInitScript(`window.localStorage.setItem('los.devPersonId', ${JSON.stringify(options.as ?? personId)});`);
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${app!.url}/?theme=${options.theme ?? 'light'}${options.hash ?? annualHash()}`);
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  await waitForLoaded(page);
  return { context, page, errors };
}

const narrative = (page: Page, sectionTitle: string) => page.getByRole('textbox', { name: `Your narrative: ${sectionTitle}` });
const section = (page: Page, sectionTitle: string) => page.getByRole('region', { name: sectionTitle, exact: true });

/** A piece of shared, included evidence whose words appear nowhere else in the draft. */
function uniqueShared(draft: ReportDraft): ReportEvidence {
  const all = draft.sections.flatMap((s) => s.evidence);
  const found = all.find((e) => !e.private && e.included && e.kind === 'observation' && all.filter((x) => x.text.includes(e.text) || e.text.includes(x.text)).every((x) => x.id === e.id));
  expect(found, 'the demo has a shared observation in the year').toBeDefined();
  return found!;
}

async function docxText(documentId: string): Promise<string> {
  const response = await fetch(`${app!.url}/api/v1/partnerships/${partnershipId}/reports/documents/${documentId}/docx`, { headers: { [DEV_PERSON_HEADER]: personId } });
  expect(response.status).toBe(200);
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) });
  return value;
}

describe('reports in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(TAB_INDEX)) throw new Error(`The tab has not been built (${TAB_INDEX} is missing). Run npm run build first.`);
    app = await startTestApp();
    const people = (await request(app.url, 'GET', '/api/v1/dev/people')).body.people as { id: string; displayName: string; role: string; partnership: { id: string; name: string } }[];
    const scrutineer = people.find((p) => p.displayName === SCRUTINEER && p.partnership.name === PARTNERSHIP)!;
    readerId = people.find((p) => p.role === 'business_manager' && p.partnership.name === PARTNERSHIP)!.id;
    personId = scrutineer.id;
    partnershipId = scrutineer.partnership.id;
    year = scrutinyYearOfDay(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()));
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('keeps a narrative typed (autosave), leaves out evidence unticked, and makes a document with both choices', LONG, async () => {
    const before = await annualDraft();
    expect(before.empty).toBe(false);
    const first = before.sections[0]!;
    const left = uniqueShared(before);
    const privateOnes = before.sections.flatMap((s) => s.evidence).filter((e) => e.private);
    const words = `Partners have kept their promises on neglect this year (browser test ${Date.now()}).`;

    const { context, page, errors } = await open({ bypassCSP: true });
    try {
      expect(await page.title()).toBe('Reports – Line of Sight');
      await page.getByRole('heading', { level: 2, name: `Annual statement of assurance, ${year} to ${year + 1}` }).waitFor();
      expect(await page.getByRole('radio', { name: 'Annual statement of assurance' }).isChecked()).toBe(true);

      // Autosave: the words are saved after a pause in typing, and are there after a reload.
      await narrative(page, first.title).fill(words);
      await section(page, first.title).getByText(/^Saved at \d\d:\d\d\.$/).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
      await waitForLoaded(page);
      expect(await narrative(page, first.title).inputValue()).toBe(words);

      // The author's private observations are marked, with no choice to include them.
      if (privateOnes.length > 0) {
        expect(await page.getByText('Private: only you see this').count()).toBeGreaterThanOrEqual(privateOnes.length);
        expect(await page.getByRole('checkbox', { name: privateOnes[0]!.text }).count()).toBe(0);
      }

      // Leave one piece of evidence out (every section it is in: an observation can be tagged to two areas).
      const box = page.getByRole('checkbox', { name: left.text }).first();
      expect(await box.isChecked()).toBe(true);
      await box.uncheck();
      await expect.poll(async () => (await annualDraft()).sections.flatMap((s) => s.evidence).filter((e) => e.id === left.id).every((e) => !e.included)).toBe(true);
      expect(await box.isChecked()).toBe(false);

      // Generate: the result names the document, its version and where it went.
      await page.getByRole('button', { name: /^Generate/ }).click();
      await page.getByText('Document saved.').waitFor({ timeout: 60_000 });
      const list = (await request(app!.url, 'GET', `/api/v1/partnerships/${partnershipId}/reports`, { as: personId })).body as ReportList;
      const doc = list.documents.find((d) => d.draftId === before.id)!;
      expect(doc).toBeDefined();
      await page.getByText(new RegExp(`${doc.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, version ${doc.version}`)).first().waitFor();
      await page.getByRole('button', { name: `Download ${doc.fileName}` }).first().waitFor();

      // The Word document has the narrative, not what was left out, and none of the private notes.
      const text = await docxText(doc.id);
      expect(text).toContain(words);
      expect(text).not.toContain(left.text);
      for (const p of privateOnes) expect(text).not.toContain(p.text);

      // What changed since that draft: a new edit is marked, and the evidence can be narrowed to what changed.
      await narrative(page, first.title).fill(`${words} Added after the first document.`);
      await section(page, first.title).getByText('Narrative changed since last draft').waitFor();
      await page.getByRole('switch', { name: 'Show only what changed since the last draft' }).check();
      expect(await page.getByRole('checkbox').count()).toBe(0);
      await page.getByText('No evidence here has changed since the last draft.').first().waitFor();
      const violations = await runAxe(page);
      expect(violations, `axe found violations with the result and the changes shown:\n${describeViolations(violations)}`).toEqual([]);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the text when a save fails and saves it once the server answers again', LONG, async () => {
    const draft = await annualDraft();
    const title = draft.sections[1]!.title;
    const { context, page } = await open();
    try {
      await page.route('**/reports/drafts/*/sections/*', (route) => route.abort('internetdisconnected'));
      await narrative(page, title).fill('Written while the connection was down.');
      await section(page, title).getByText(/^Not saved yet: .*Your text is kept here/).waitFor();
      expect(await narrative(page, title).inputValue()).toBe('Written while the connection was down.');
      await page.unroute('**/reports/drafts/*/sections/*');
      await section(page, title).getByRole('button', { name: 'Try saving again now' }).click();
      await section(page, title).getByText(/^Saved at /).waitFor();
      const after = await annualDraft();
      expect(after.sections[1]!.narrative).toBe('Written while the connection was down.');
    } finally {
      await context.close();
    }
  });

  it('says so when the section was changed elsewhere, and saves over it only when asked', LONG, async () => {
    const { context, page } = await open({ bypassCSP: true });
    try {
      const draft = await annualDraft();
      const s = draft.sections[2]!;
      await narrative(page, s.title).waitFor();
      // Another window saves the section after this page read it.
      const other = await request(app!.url, 'PUT', `/api/v1/partnerships/${partnershipId}/reports/drafts/${draft.id}/sections/${s.key}`, {
        as: personId,
        json: { narrative: 'From another window.', expectedVersion: s.version },
      });
      expect(other.status).toBe(200);
      await narrative(page, s.title).fill('From this window.');
      await section(page, s.title).getByText('This section was changed in another window.').waitFor();
      const violations = await runAxe(page);
      expect(violations, `axe found violations with the conflict shown:\n${describeViolations(violations)}`).toEqual([]);
      expect((await annualDraft()).sections[2]!.narrative).toBe('From another window.');
      await section(page, s.title).getByRole('button', { name: 'Save my text over it' }).click();
      await section(page, s.title).getByText(/^Saved at /).waitFor();
      expect((await annualDraft()).sections[2]!.narrative).toBe('From this window.');
    } finally {
      await context.close();
    }
  });

  it('says what to do when the library refuses the document, and the draft stays as it was', LONG, async () => {
    const { context, page } = await open();
    try {
      const draft = await annualDraft();
      const title = draft.sections[0]!.title;
      const typed = await narrative(page, title).inputValue();
      await page.route('**/reports/drafts/*/generate', (route) =>
        route.fulfill({
          status: 502,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'report_store_failed', message: 'SharePoint did not take the document. Try again in a few minutes.' } }),
        }),
      );
      await page.getByRole('button', { name: /^Generate/ }).click();
      await page.getByText('The document could not be saved to the library.', { exact: true }).waitFor();
      await page.getByText(/SharePoint did not take the document\. Try again in a few minutes\. Your draft and its narratives are kept\./).waitFor();
      await page.getByRole('button', { name: 'Try again' }).waitFor();
      expect(await narrative(page, title).inputValue()).toBe(typed);
    } finally {
      await context.close();
    }
  });

  it('says when a period has no evidence, and what to do', LONG, async () => {
    const oldYear = year - 3;
    const draft = await openDraft('quarterly', `${oldYear}-Q2`);
    expect(draft.empty).toBe(true);
    const { context, page, errors } = await open({ hash: `#/reports?kind=quarterly&year=${oldYear}&quarter=1` });
    try {
      await page.getByRole('heading', { level: 2, name: `Quarterly progress report, ${oldYear} to ${oldYear + 1}, quarter 1 (April to June)` }).waitFor();
      await page.getByText('No evidence for this period.').waitFor();
      await page.getByRole('link', { name: 'meeting side panel' }).waitFor();
      // Choosing another period opens its draft.
      await page.getByRole('combobox', { name: 'Scrutiny year' }).selectOption(String(year));
      await page.getByRole('heading', { level: 2, name: new RegExp(`^Quarterly progress report, ${year} to ${year + 1}, quarter 1`) }).waitFor();
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens from the personal tab’s address, /tab/reports, on the report most likely due', LONG, async () => {
    const { context, page, errors } = await open();
    try {
      await page.goto(`${app!.url}/tab/reports?theme=light`);
      await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
      await page.getByRole('heading', { level: 2, name: /^Quarterly progress report, \d{4} to \d{4}, quarter [1-4] \(/ }).waitFor();
      expect(await page.getByRole('radio', { name: 'Quarterly progress report' }).isChecked()).toBe(true);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('jumps to a section from the contents, by keyboard', LONG, async () => {
    const draft = await annualDraft();
    const area = draft.sections.find((x) => x.kind === 'area')!;
    const { context, page } = await open();
    try {
      const contents = page.getByRole('navigation', { name: 'Sections' });
      await contents.getByRole('button', { name: area.title, exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(area.title);
      await page.keyboard.press('Tab');
      // Next comes the section's narrative (after any links in its RAG rationale: there are none).
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? (document.activeElement as HTMLElement | null)?.tagName)).toBe('TEXTAREA');
    } finally {
      await context.close();
    }
  });

  it('shows a partnership reader the reports made, with no draft to edit', LONG, async () => {
    const list = (await request(app!.url, 'GET', `/api/v1/partnerships/${partnershipId}/reports`, { as: readerId })).body as ReportList;
    expect(list.documents.length).toBeGreaterThan(0);
    const { context, page, errors } = await open({ as: readerId, hash: '#/reports' });
    try {
      const made = page.getByRole('list', { name: 'Reports made' });
      await made.getByRole('button', { name: `Download ${list.documents[0]!.fileName}` }).first().waitFor();
      expect(await page.getByRole('textbox').count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Generate/ }).count()).toBe(0);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    for (const width of [1280, 280] as const) {
      it(`has no WCAG 2.2 AA violations (${theme} theme, ${width} px wide)`, LONG, async () => {
        const { context, page } = await open({ theme, width, bypassCSP: true });
        try {
          await page.locator(`[data-theme="${theme}"]`).first().waitFor();
          await page.getByRole('button', { name: /^Generate/ }).waitFor();
          const violations = await runAxe(page);
          expect(violations, `axe found violations on the reports page:\n${describeViolations(violations)}`).toEqual([]);
          expect(await horizontalOverflow(page), 'the page scrolls sideways').toBeLessThanOrEqual(0);
        } finally {
          await context.close();
        }
      });
    }
  }
});
