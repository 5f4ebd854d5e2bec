/**
 * Addresses into the tab, shared by the tab (its configuration page, its start-up), the server and the bot.
 * Pure: no browser or Node APIs beyond URL and URI encoding.
 *
 * - A configured tab's contentUrl is `${base}/tab/${surface}`: the tab reads the last path segment when the
 *   address has no hash (tab/src/router/routes.ts), so the address works before the app has routed itself.
 * - A link to a paper page inside Teams is an entity deep link whose context carries a sub-entity id
 *   `paper:<documentId>:<page>`; Teams hands it back to the tab as `page.subPageId`, which the tab turns
 *   into its own `#/papers?documentId=…&page=N`.
 */

/** The surfaces a configured tab can open, in the order the configuration page offers them. */
export const TAB_SURFACES = ['meeting', 'papers', 'tracker', 'dashboard', 'challenges', 'reports', 'search', 'home'] as const;
export type TabSurface = (typeof TAB_SURFACES)[number];

export const TAB_SURFACE_LABELS: Record<TabSurface, string> = {
  meeting: 'Meeting side panel',
  papers: 'Papers',
  tracker: 'Action tracker',
  dashboard: 'Assurance dashboard',
  challenges: 'Challenges',
  reports: 'Reports',
  search: 'Search',
  home: 'Partnership overview',
};

export function isTabSurface(value: string): value is TabSurface {
  return (TAB_SURFACES as readonly string[]).includes(value);
}

/** A page of a paper: what a deep link points at. Pages count from 1. */
export interface PaperPage {
  documentId: string;
  page: number;
}

/** Pages beyond this are not a real paper's; refusing them keeps a hostile link from asking for page 1e300. */
export const MAX_PAGE = 100_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isPaperPage(value: PaperPage): boolean {
  return UUID.test(value.documentId) && Number.isInteger(value.page) && value.page >= 1 && value.page <= MAX_PAGE;
}

function assertPaperPage(value: PaperPage): void {
  if (!isPaperPage(value)) {
    throw new RangeError(`A paper page needs a document id (a UUID) and a page from 1 to ${MAX_PAGE}; got ${JSON.stringify(value)}.`);
  }
}

/** The public address without trailing slashes (PUBLIC_URL on the server, the page's origin in the tab). */
function trimBase(base: string): string {
  return base.replace(/\/+$/, '');
}

/** The tab's own hash for a paper page, as the paper viewer reads it. */
export function paperHash({ documentId, page }: PaperPage): string {
  assertPaperPage({ documentId, page });
  return `#/papers?documentId=${encodeURIComponent(documentId.toLowerCase())}&page=${page}`;
}

/**
 * The address Teams loads for a configured tab. With a paper, the hash opens that page at once
 * (the hash wins over the path in the tab's router).
 */
export function tabContentUrl(base: string, surface: TabSurface, paper?: PaperPage): string {
  const url = `${trimBase(base)}/tab/${surface}`;
  if (paper && surface === 'papers') return url + paperHash(paper);
  return url;
}

/** The tab's configuration page: the manifest's configurationUrl. */
export function tabConfigurationUrl(base: string): string {
  return `${trimBase(base)}/tab/config`;
}

/**
 * A stable id for a configured tab: Teams uses it in deep links to the tab, so it names what the tab
 * shows, not when it was made. At most 64 characters (Teams' limit).
 */
export function tabEntityId(surface: TabSurface, paper?: PaperPage): string {
  if (paper && surface === 'papers') {
    assertPaperPage(paper);
    return `los-paper-${paper.documentId.toLowerCase()}`;
  }
  return `los-${surface}`;
}

/** The name Teams suggests for the tab. */
export function tabDisplayName(surface: TabSurface, paperTitle?: string): string {
  if (surface === 'papers' && paperTitle) return paperTitle.length > 40 ? `${paperTitle.slice(0, 39)}…` : paperTitle;
  return TAB_SURFACE_LABELS[surface];
}

// ---- sub-entity ids --------------------------------------------------------------------------------------

/** `paper:<documentId>:<page>`, the sub-entity id of a paper page. */
export function paperSubEntityId(paper: PaperPage): string {
  assertPaperPage(paper);
  return `paper:${paper.documentId.toLowerCase()}:${paper.page}`;
}

/**
 * Reads a sub-entity id back; anything malformed is `null`, never a guess. It comes from a link anyone can
 * write, so only the exact shape is accepted: no signs, no leading zeros, no extra parts.
 */
export function parsePaperSubEntityId(value: string | null | undefined): PaperPage | null {
  if (typeof value !== 'string') return null;
  const match = /^paper:([0-9a-fA-F-]{36}):([1-9][0-9]{0,5})$/.exec(value.trim());
  if (!match) return null;
  const paper = { documentId: match[1]!.toLowerCase(), page: Number(match[2]) };
  return isPaperPage(paper) ? paper : null;
}

/**
 * What the tab does with the `subPageId` (formerly `subEntityId`) Teams gives it on start: the hash to open,
 * or `null` to leave the address alone.
 */
export function hashForSubPageId(subPageId: string | null | undefined): string | null {
  const paper = parsePaperSubEntityId(subPageId);
  return paper ? paperHash(paper) : null;
}

// ---- Teams deep links ------------------------------------------------------------------------------------

const TEAMS_ENTITY_LINK = 'https://teams.microsoft.com/l/entity/';

export interface PaperDeepLinkInput {
  /** The Teams app id (the manifest's id). */
  appId: string;
  /** The tab to open: a configured tab's entity id, or a static tab's (e.g. 'home'). */
  entityId: string;
  /** The public address of the app (PUBLIC_URL), for the fallback web address. */
  base: string;
  /** What Teams shows for the link, e.g. the paper's title and page. */
  label: string;
  paper: PaperPage;
  /** A channel tab's channel id: Teams needs it to find a tab in a team. */
  channelId?: string;
}

/**
 * A Teams deep link to a page of a paper, in Microsoft's documented entity format:
 * `https://teams.microsoft.com/l/entity/<appId>/<entityId>?webUrl=…&label=…&context={"subEntityId":…}`,
 * every part URI-encoded. `webUrl` opens the same page in a browser when Teams cannot show the tab.
 */
export function paperDeepLink(input: PaperDeepLinkInput): string {
  const { appId, entityId, base, label, paper, channelId } = input;
  if (!appId.trim() || !entityId.trim()) throw new RangeError('A Teams deep link needs the app id and the tab’s entity id.');
  const context: { subEntityId: string; channelId?: string } = { subEntityId: paperSubEntityId(paper) };
  if (channelId) context.channelId = channelId;
  const query = [
    `webUrl=${encodeURIComponent(tabContentUrl(base, 'papers', paper))}`,
    `label=${encodeURIComponent(label)}`,
    `context=${encodeURIComponent(JSON.stringify(context))}`,
  ].join('&');
  return `${TEAMS_ENTITY_LINK}${encodeURIComponent(appId)}/${encodeURIComponent(entityId)}?${query}`;
}

export interface ParsedDeepLink {
  appId: string;
  entityId: string;
  webUrl: string | null;
  label: string | null;
  subEntityId: string | null;
  channelId: string | null;
}

/** Reads a Teams entity deep link (ours or one Teams made); `null` when it is not one. */
export function parseTeamsDeepLink(link: string): ParsedDeepLink | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.origin !== 'https://teams.microsoft.com') return null;
  const parts = /^\/l\/entity\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
  if (!parts) return null;
  let context: Record<string, unknown> = {};
  const rawContext = url.searchParams.get('context');
  if (rawContext) {
    try {
      const parsed: unknown = JSON.parse(rawContext);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) context = parsed as Record<string, unknown>;
      else return null;
    } catch {
      return null;
    }
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  let appId: string;
  let entityId: string;
  try {
    appId = decodeURIComponent(parts[1]!);
    entityId = decodeURIComponent(parts[2]!);
  } catch {
    return null; // a stray % in the path
  }
  return {
    appId,
    entityId,
    webUrl: url.searchParams.get('webUrl'),
    label: url.searchParams.get('label'),
    subEntityId: text(context.subEntityId),
    channelId: text(context.channelId),
  };
}
