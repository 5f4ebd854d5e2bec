import type { BrowserContext, Page } from 'playwright-core';

/**
 * A page that plays Teams for the tab in an iframe: it answers teams-js's postMessage protocol (the
 * requests teams-js sends its parent window, `{ id, uuidAsString, func, args }`, each answered with
 * `{ id, uuidAsString, args }`) for what the tab asks: `initialize`, `getContext`,
 * `authentication.getAuthToken` and `authentication.authenticate`. It is served on the tab's own origin
 * (teams-js trusts messages from its own origin without the list of Teams domains it fetches from a CDN,
 * which these machines cannot reach) and the tab's CSP lets 'self' frame it.
 *
 * Tokens and the outcome of the authentication window come from the test (page.exposeFunction). Every
 * request the tab sent is kept in `window.hostCalls`.
 */
export interface FakeTeamsHost {
  /** Every request the framed page sent Teams, in order. */
  calls(): Promise<{ func: string; args: unknown[] }[]>;
  /** The framed page. */
  frame(): NonNullable<ReturnType<Page['frame']>>;
}

/** What `app.initialize` gets: a runtime (capabilities) the tab's calls need. */
const RUNTIME = JSON.stringify({
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: { app: {}, appInfo: {}, authentication: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} }, teamsCore: {} },
});

function hostPage(tabPath: string, frameContext: string): string {
  const context = { locale: 'en-gb', theme: 'default', frameContext, entityId: 'line-of-sight', hostClientType: 'web', userObjectId: 'host-user' };
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Fake Teams</title>
<style>html, body { margin: 0; height: 100%; } iframe { border: 0; width: 100%; height: 100%; }</style></head>
<body>
<iframe id="tab" title="Line of Sight" src="about:blank"></iframe>
<script>
  window.hostCalls = [];
  const frame = document.getElementById('tab');
  addEventListener('message', async (event) => {
    const m = event.data;
    if (!m || typeof m.func !== 'string' || event.source !== frame.contentWindow) return;
    window.hostCalls.push({ func: m.func, args: m.args || [] });
    const reply = (args) => event.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, event.origin);
    if (m.func === 'initialize') reply([${JSON.stringify(frameContext)}, 'web', ${JSON.stringify(RUNTIME)}, '2.58.0']);
    else if (m.func === 'getContext') reply([${JSON.stringify(context)}]);
    else if (m.func === 'authentication.getAuthToken') {
      // A token, or Teams' failure (e.g. resourceRequiresConsent) when the test's minter throws.
      try { reply([true, await window.mintTeamsToken()]); } catch (error) { reply([false, String(error.message).replace(/^Error: /, '')]); }
    }
    else if (m.func === 'authentication.authenticate') reply(await window.answerAuthenticate(m.args[0]));
  });
  frame.src = ${JSON.stringify(tabPath)};
</script>
</body></html>`;
}

/**
 * Opens `tabPath` (a path on `baseUrl`) inside the fake Teams. `mintToken` answers each getAuthToken (a
 * throw is Teams failing, with the error's message);
 * `authenticate` answers the authentication window (its URL in, `[true, result]` or `[false, reason]` out).
 */
export async function openInFakeTeams(
  context: BrowserContext,
  baseUrl: string,
  tabPath: string,
  options: {
    mintToken: () => string;
    authenticate?: (url: string) => [boolean, string];
    frameContext?: string;
    /** Run in the host page before the tab loads (e.g. to set sessionStorage on the tab's origin). */
    beforeTab?: string;
  },
): Promise<{ page: Page; host: FakeTeamsHost }> {
  const hostPath = `/fake-teams-host-${Math.random().toString(36).slice(2)}`;
  const html = hostPage(tabPath, options.frameContext ?? 'content').replace('<script>', `<script>${options.beforeTab ?? ''}\n`);
  await context.route(`${baseUrl}${hostPath}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  await page.exposeFunction('mintTeamsToken', options.mintToken);
  await page.exposeFunction('answerAuthenticate', (url: string) => (options.authenticate ?? (() => [false, 'CancelledByUser']))(url));
  await page.goto(`${baseUrl}${hostPath}`);
  const host: FakeTeamsHost = {
    calls: () => page.evaluate(() => (window as unknown as { hostCalls: { func: string; args: unknown[] }[] }).hostCalls),
    frame: () => {
      const found = page.frames().find((f) => f !== page.mainFrame());
      if (!found) throw new Error('The fake Teams host has no tab frame.');
      return found;
    },
  };
  return { page, host };
}

/** The address the tab is served at in the browser: Teams only opens https pages (teams-js checks). */
export const HTTPS_ORIGIN = 'https://los.test';

/**
 * Serves the app (plain http on a local port) to the browser as https://los.test: Playwright answers each
 * request to that origin by fetching it from the app, so no certificate is needed and the page is a
 * secure context at an https origin, as in Teams. Routes added later (a fake answer, the fake host page)
 * take precedence; they pass a request on here with `route.fallback()`.
 */
export async function serveOverHttps(context: BrowserContext, appUrl: string): Promise<string> {
  await context.route(`${HTTPS_ORIGIN}/**`, async (route) => {
    const response = await route.fetch({ url: route.request().url().replace(HTTPS_ORIGIN, appUrl), maxRedirects: 0 });
    await route.fulfill({ response });
  });
  return HTTPS_ORIGIN;
}
