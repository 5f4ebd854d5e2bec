import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src/contract/dashboard.js';
import { PROJECT_ROOT } from '../../src/paths.js';
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

async function apiDashboard(period?: string): Promise<Dashboard> {
  const r = await request(app!.url, 'GET', `/api/v1/partnerships/${partnershipId}/dashboard${period ? `?period=${encodeURIComponent(period)}` : ''}`, { as: personId });
  expect(r.status).toBe(200);
  return r.body as Dashboard;
}

async function open(options: { theme?: string; width?: number; bypassCSP?: boolean; hash?: string } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser!.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, bypassCSP: options.bypassCSP ?? false });
  await context.addInitScript(`window.localStorage.setItem('los.devPersonId', ${JSON.stringify(personId)});`);
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${app!.url}/?theme=${options.theme ?? 'light'}${options.hash ?? '#/dashboard'}`);
  await page.getByRole('heading', { level: 1, name: 'Assurance dashboard' }).waitFor();
  await page.locator('figure[data-figure="areas-rag"] svg[role="img"]').waitFor();
  await waitForLoaded(page);
  return { context, page, errors };
}

const figure = (page: Page, id: string) => page.locator(`figure[data-figure="${id}"]`);

/** The values the SVG draws, by bar ("group|bar") and fill; a zero is drawn as no bar. */
async function drawn(fig: Locator): Promise<Map<string, number>> {
  const marks = await fig.locator('svg[role="img"] rect[data-bar]').evaluateAll((rects) =>
    rects.map((r) => [`${r.getAttribute('data-bar')}|${r.getAttribute('data-fill')}`, Number(r.getAttribute('data-value'))] as const),
  );
  return new Map(marks);
}

/** The table view's body rows, as text. */
async function tableRows(fig: Locator): Promise<string[][]> {
  await fig.getByRole('button', { name: 'Table view' }).click();
  const table = fig.getByRole('table');
  await table.waitFor();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
  // Back to the chart: the toggle is a pressed/unpressed button.
  expect(await fig.getByRole('button', { name: 'Table view' }).getAttribute('aria-pressed')).toBe('true');
  await fig.getByRole('button', { name: 'Table view' }).click();
  await fig.locator('svg[role="img"]').waitFor();
  return rows;
}

const value = (m: Map<string, number>, key: string) => m.get(key) ?? 0;

describe('the assurance dashboard in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(TAB_INDEX)) throw new Error(`The tab has not been built (${TAB_INDEX} is missing). Run npm run build first.`);
    app = await startTestApp();
    const people = (await request(app.url, 'GET', '/api/v1/dev/people')).body.people as { id: string; displayName: string; partnership: { id: string; name: string } }[];
    const scrutineer = people.find((p) => p.displayName === SCRUTINEER && p.partnership.name === PARTNERSHIP)!;
    personId = scrutineer.id;
    partnershipId = scrutineer.partnership.id;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('draws each chart as an image with a title and description, and its table view has the same numbers', LONG, async () => {
    const d = await apiDashboard();
    const { context, page, errors } = await open();
    try {
      expect(await page.title()).toBe('Assurance dashboard – Line of Sight');
      expect(await page.getByRole('combobox', { name: 'Period' }).inputValue()).toBe(d.period.key);

      // Areas × RAG by quarter.
      const areas = figure(page, 'areas-rag');
      const svg = areas.locator('svg[role="img"]');
      expect(await page.getByRole('img', { name: 'Checklist areas by RAG, quarter by quarter' }).count()).toBe(1);
      expect(await svg.locator('desc').textContent()).toContain(d.period.label);
      const bars = await drawn(areas);
      const quarterNo = new Map(d.period.quarters.map((q) => [q.key, q.scrutinyQuarter]));
      const quarterLabel = new Map(d.period.quarters.map((q) => [q.key, q.label]));
      const expectedRows: string[][] = [];
      let counted = 0;
      for (const area of d.areas) {
        for (const q of area.quarters) {
          const key = `${area.title}|Q${quarterNo.get(q.quarter)}`;
          expect(value(bars, `${key}|red`), `${key} red`).toBe(q.actions.red);
          expect(value(bars, `${key}|amber`), `${key} amber`).toBe(q.actions.amber);
          expect(value(bars, `${key}|green`), `${key} green`).toBe(q.actions.green);
          counted += q.actions.red + q.actions.amber + q.actions.green;
          const assessed = q.assessment ? q.assessment[0]!.toUpperCase() + q.assessment.slice(1) : 'Not assessed';
          expectedRows.push([area.title, quarterLabel.get(q.quarter)!, String(q.actions.red), String(q.actions.amber), String(q.actions.green), assessed]);
        }
      }
      expect(counted, 'the demo has actions due in the year').toBeGreaterThan(0);
      // The numbers are written beside the bars too, not left to colour.
      await areas.getByText(/\d+ red, \d+ amber, \d+ green/).first().waitFor();
      expect(await tableRows(areas)).toEqual(expectedRows);

      // Observations per area by judgement.
      const observations = figure(page, 'observations');
      const obs = await drawn(observations);
      for (const a of d.areas) {
        expect(value(obs, `${a.title}|Gone well|goneWell`)).toBe(a.observations.gone_well);
        expect(value(obs, `${a.title}|Too early|tooEarly`)).toBe(a.observations.too_early);
        expect(value(obs, `${a.title}|Concern|concern`)).toBe(a.observations.concern);
      }
      expect(await tableRows(observations)).toEqual(
        d.areas.map((a) => [a.title, a.observations.gone_well, a.observations.too_early, a.observations.concern, a.observations.gone_well + a.observations.too_early + a.observations.concern].map(String)),
      );

      // Challenges: open, answered, overdue, and the median time to an answer.
      const challenges = figure(page, 'challenges');
      const c = d.challenges;
      const ch = await drawn(challenges);
      expect([value(ch, '|Raised|count'), value(ch, '|Waiting|count'), value(ch, '|Answered|count'), value(ch, '|Overdue|count'), value(ch, '|Escalated|count')]).toEqual([
        c.raised,
        c.open,
        c.answered,
        c.overdue,
        c.escalated,
      ]);
      expect(await tableRows(challenges)).toEqual([
        ['Raised in the period', String(c.raised)],
        ['Waiting for an answer', String(c.open)],
        ['Answered', String(c.answered)],
        ['Overdue', String(c.overdue)],
        ['Escalated', String(c.escalated)],
        ['Median days to the first answer', c.medianDaysToAnswer === null ? 'None answered yet' : String(c.medianDaysToAnswer)],
      ]);

      // Work-plan days against the budget.
      const days = figure(page, 'work-plan');
      const w = d.workPlan;
      const wp = await drawn(days);
      const yearLabel = `Scrutiny year ${w.scrutinyYear}/${String((w.scrutinyYear + 1) % 100).padStart(2, '0')}`;
      expect([value(wp, `${yearLabel}|Budget|budget`), value(wp, `${yearLabel}|Planned|planned`), value(wp, `${yearLabel}|Used|used`)]).toEqual([w.budgetDays, w.plannedDays, w.usedDays]);
      const rows = await tableRows(days);
      expect(rows[0]).toEqual([yearLabel, String(w.budgetDays), String(w.plannedDays), String(w.usedDays)]);
      expect(rows.slice(1).map((r) => [r[2], r[3]])).toEqual(w.byQuarter.map((q) => [String(q.plannedDays), String(q.usedDays)]));

      // Blind spots, in words.
      const blind = page.getByRole('region', { name: 'Blind spots' });
      for (const a of d.blindSpots.noVoiceOfChildrenAndFamilies) await blind.getByText(a.title, { exact: true }).waitFor();
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows another period when one is picked', LONG, async () => {
    const first = await apiDashboard();
    const quarter = first.period.quarters[2]!;
    const d = await apiDashboard(quarter.key);
    const { context, page, errors } = await open();
    try {
      await page.getByRole('combobox', { name: 'Period' }).selectOption(quarter.key);
      await figure(page, 'challenges').locator('desc').filter({ hasText: quarter.label }).waitFor({ state: 'attached' });
      const rows = await tableRows(figure(page, 'challenges'));
      expect(rows[0]).toEqual(['Raised in the period', String(d.challenges.raised)]);
      // One quarter: one bar per area.
      expect(await figure(page, 'areas-rag').locator('text', { hasText: /^Q\d$/ }).count()).toBe(d.areas.length);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    for (const width of [1280, 280] as const) {
      it(`has no WCAG 2.2 AA violations, charts and table views (${theme} theme, ${width} px wide)`, LONG, async () => {
        const { context, page } = await open({ theme, width, bypassCSP: true });
        try {
          await page.locator(`[data-theme="${theme}"]`).first().waitFor();
          let violations = await runAxe(page);
          expect(violations, `axe found violations on the dashboard:\n${describeViolations(violations)}`).toEqual([]);
          expect(await horizontalOverflow(page), 'the page scrolls sideways').toBeLessThanOrEqual(0);
          for (const button of await page.getByRole('button', { name: 'Table view' }).all()) await button.click();
          expect(await page.getByRole('table').count()).toBe(4);
          violations = await runAxe(page);
          expect(violations, `axe found violations in the table views:\n${describeViolations(violations)}`).toEqual([]);
          expect(await horizontalOverflow(page), 'the table views scroll the page sideways').toBeLessThanOrEqual(0);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('lets the scrutineer add to the work plan and log a disagreement in the escalations log', LONG, async () => {
    const { context, page, errors } = await open({ hash: '#/dashboard', bypassCSP: true });
    const noViolations = async (where: string) => {
      await waitForLoaded(page);
      const violations = await runAxe(page);
      expect(violations, `axe found violations ${where}:\n${describeViolations(violations)}`).toEqual([]);
    };
    try {
      await page.getByRole('navigation', { name: 'Line of Sight' }).getByRole('link', { name: 'Work plan', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Work plan' }).waitFor();
      await page.getByRole('region', { name: 'Work plan activities' }).waitFor();
      await page.getByRole('button', { name: 'Add an activity' }).click();
      const form = page.getByRole('form', { name: /^New activity for / });
      await noViolations('on the work plan with its form');
      await form.getByRole('textbox', { name: /^Activity/ }).fill('Visit the early help hub (test)');
      await form.getByRole('textbox', { name: 'Q3 (Oct–Dec), planned' }).fill('1.5');
      await form.getByRole('button', { name: 'Add the activity' }).click();
      await page.getByRole('rowheader', { name: 'Visit the early help hub (test)' }).waitFor();

      await page.getByRole('navigation', { name: 'Line of Sight' }).getByRole('link', { name: 'Escalations', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Escalations log' }).waitFor();
      await page.getByRole('list', { name: 'Escalations' }).waitFor();
      await page.getByRole('button', { name: 'Log a disagreement' }).click();
      const log = page.getByRole('form', { name: 'Log a disagreement between agencies' });
      await noViolations('on the escalations log with its form');
      await log.getByRole('textbox', { name: /^Title/ }).fill('Out-of-hours strategy discussions (test)');
      await log.getByRole('textbox', { name: /^What the disagreement is about/ }).fill('Police and children’s social care disagree on when a strategy discussion is needed.');
      await log.getByRole('checkbox').first().check();
      await log.getByRole('button', { name: 'Log it' }).click();
      await page.getByRole('heading', { level: 3, name: 'Out-of-hours strategy discussions (test)' }).waitFor();
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
