import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

/** Checks the browser tests make of every page: errors reported, WCAG 2.2 AA, loading done, no sideways scroll. */
const AXE_SCRIPT = path.join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Collects what the page reports as broken: uncaught errors and console errors (CSP refusals show there). */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return errors;
}

/**
 * The server's CSP (script-src 'self') refuses the inline script addScriptTag makes,
 * so pages audited with axe are opened in contexts created with bypassCSP.
 */
export async function runAxe(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  }, AXE_TAGS);
}

export function describeViolations(violations: Violation[]): string {
  return violations.map((v) => `${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n    at ${v.targets.join('\n    at ')}`).join('\n');
}

/** Waits until no loading indicator is left on the page. */
export async function waitForLoaded(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('status').count(), { timeout: 20_000 }).toBe(0);
}

export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
