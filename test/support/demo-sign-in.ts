import type { Page } from 'playwright-core';

export const DEMO_PARTNERSHIP = 'Demo Borough Safeguarding Children Partnership';
export const SCRUTINEER_ROLE = 'Independent scrutineer';

/** Opens the tab and signs in as the first demo person with this role, through the dev sign-in page. */
export async function signInAsDemo(page: Page, baseUrl: string, role = SCRUTINEER_ROLE): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('region', { name: DEMO_PARTNERSHIP }).getByRole('group', { name: role }).getByRole('button').first().click();
  await page.getByRole('heading', { level: 1, name: 'Partnership overview' }).waitFor();
}
