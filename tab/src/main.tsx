import { AUTH_PAGE_PATHS } from './auth/auth-paths.js';
import { prefetchSession, preloadMeetingWorkspace, preloadRouteCode, startHostHandshake } from './router/preload-route.js';

/*
 * The entry is kept small on purpose: it starts what the address needs before React runs (who the user
 * is, the Teams handshake, a known meeting's workspace). With React in the entry, none of it could start
 * before ~400 kB of script had been fetched and run (bench/first-render.ts). It is loaded `async`
 * (index.html), so it runs as soon as it arrives, even before the page is parsed: #root is awaited below.
 */

/*
 * React, Fluent UI and the side panel's code download meanwhile (index.html lists them), but are run once
 * `me` has answered and the page's own requests have gone: running them holds the main thread for tens of
 * milliseconds, and those requests would otherwise wait behind it. The first render then waits for those
 * answers too, so the page appears whole rather than as spinners replaced a moment later (index.html says
 * "Loading" meanwhile). Past WAIT_MS the app runs and renders regardless, and shows its own loading states.
 */
const WAIT_MS = 250;

/** #root, once the parser has reached it. */
function root(): Promise<HTMLElement> {
  const found = () => {
    const container = document.getElementById('root');
    if (!container) throw new Error('The page has no #root element to render into.');
    return container;
  };
  if (document.getElementById('root') || document.readyState !== 'loading') return Promise.resolve().then(found);
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(found()), { once: true }));
}

function startApp(): void {
  const session = prefetchSession();
  startHostHandshake();
  preloadMeetingWorkspace();

  const deadline = new Promise<void>((resolve) => setTimeout(resolve, WAIT_MS));
  const known = Promise.race([session.known, deadline]);
  const answered = Promise.race([session.answered, deadline]);

  known
    .then(() => {
      preloadRouteCode();
      return Promise.all([import('./render-app.js'), root(), answered]);
    })
    .then(
      ([{ renderApp }, container]) => renderApp(container),
      async () => {
        // Without the app's code there is no React to show an error with: plain words instead.
        (await root()).textContent = 'Line of Sight could not load. Check your connection, then reload the page.';
      },
    );
}

if (AUTH_PAGE_PATHS.includes(window.location.pathname)) {
  // A sign-in page in a popup window (auth/auth-pages.ts), not the app.
  void Promise.all([root(), import('./auth/auth-pages.js')]).then(([container, pages]) => pages.runAuthPage(container));
} else {
  startApp();
}
