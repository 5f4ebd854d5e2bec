import { apiRoutes } from '../../../src/contract/routes.js';
import { prefetch } from '../api/prefetch.js';
import { getDevPersonId } from '../auth/dev-person-store.js';
import { knownSignInSettings, signInSettings } from '../auth/sign-in-settings.js';
import { meetingIdFromHash } from '../meeting/meeting-id.js';
import { prefetchMeetingPage } from '../meeting/meeting-prefetch.js';
import { hostConnection, mightBeHosted } from '../teams/teams-host.js';
import { APP_SHELL, MEETING_PANEL, PAGES, SIGN_IN_PAGE, pageFor } from './page-chunks.js';
import { parseHiddenLocation, parseLocation } from './routes.js';

/*
 * What the address will need, started before React is loaded (main.tsx). Without it each step waited
 * for the one before: React, then host, then sign-in, then shell, then page, then the page's data — a
 * waterfall before a meeting's side panel could be used (bench/first-render.ts).
 */

type Where = Pick<Location, 'hash' | 'pathname'>;

export interface SessionPrefetch {
  /** `me` has answered (or failed), and the page's own first calls are on their way. */
  known: Promise<void>;
  /** Those calls have answered too (or failed). */
  answered: Promise<void>;
}

/**
 * Who the user is (`me`), then the page's own first calls. Neither promise rejects. A remembered demo
 * person starts at once (dev sign-in); otherwise the server says how it signs people in first, and
 * through Entra the calls start as soon as it has (the token is fetched on the way: auth/credentials.ts).
 */
export function prefetchSession(location: Where = window.location): SessionPrefetch {
  if (getDevPersonId()) return startSession(location);
  const session = signInSettings().then(
    (settings) => {
      if (settings.mode !== 'entra') return undefined;
      preloadMeetingWorkspace(location, true);
      return startSession(location);
    },
    () => undefined,
  );
  return { known: session.then((s) => s?.known), answered: session.then((s) => s?.answered) };
}

function startSession(location: Where): SessionPrefetch {
  const route = parseLocation(location.hash, location.pathname);
  const hidden = parseHiddenLocation(location.hash, location.pathname);
  // `pending` is wrapped so that `known` does not wait for the calls themselves.
  const started = prefetch(apiRoutes.me).then(
    ({ memberships }): { pending: Promise<unknown> } => {
      // With several partnerships the person chooses one first.
      if (memberships.length !== 1 || hidden) return { pending: Promise.resolve() };
      const partnershipId = memberships[0]!.partnership.id;
      if (route === 'meeting') return { pending: prefetchMeetingPage(memberships[0]!, location.hash) };
      // The tracker's one (large) call: every action, filtered in the page (tracker/use-tracker-actions.ts).
      if (route === 'tracker') return { pending: prefetch(apiRoutes.listActions, { params: { partnershipId } }).catch(() => undefined) };
      return { pending: Promise.resolve() };
    },
    () => ({ pending: Promise.resolve() }),
  );
  return { known: started.then(() => undefined), answered: started.then(({ pending }) => pending).then(() => undefined) };
}

/** In Teams, the handshake with the host (teams-js, ~18 kB gzip), while the rest loads. */
export function startHostHandshake(): void {
  if (mightBeHosted()) void hostConnection();
}

/**
 * A meeting's workspace (capture form, timeline), at once when the meeting is known (in the address, or
 * from Teams): its code is then on the side panel's way to being usable. Otherwise the pick list asks for
 * it once it is on screen (meeting-picker.tsx).
 */
export function preloadMeetingWorkspace(location: Where = window.location, signedIn = Boolean(getDevPersonId())): void {
  if (!signedIn || parseHiddenLocation(location.hash, location.pathname)) return;
  if (parseLocation(location.hash, location.pathname) !== 'meeting') return;
  if (meetingIdFromHash(location.hash) || mightBeHosted()) MEETING_PANEL.load().catch(() => undefined);
}

/** The code the address will show: the app shell and the page. */
export function preloadRouteCode(location: Where = window.location): void {
  // Signed out of dev sign-in in a browser, the sign-in page comes first; nothing else is worth fetching yet.
  if (!getDevPersonId() && !mightBeHosted() && knownSignInSettings()?.mode !== 'entra') {
    SIGN_IN_PAGE.load().catch(() => undefined);
    return;
  }
  const route = parseLocation(location.hash, location.pathname);
  const hidden = parseHiddenLocation(location.hash, location.pathname);
  APP_SHELL.load().catch(() => undefined);
  (hidden === 'config' ? PAGES.config : pageFor(route)).load().catch(() => undefined);
}
