import type { ActionStatus } from './vocabulary.js';

/**
 * What a subgroup chair may do to an action from an evidence request, and which links count
 * as evidence. Pure.
 */

/** A chair reports progress and proposes completion; sign-off ('complete') is the scrutineer's or business manager's. */
export const CHAIR_SETTABLE_STATUSES = ['not_started', 'in_progress', 'proposed_complete'] as const satisfies readonly ActionStatus[];
export type ChairSettableStatus = (typeof CHAIR_SETTABLE_STATUSES)[number];
export const isChairSettable = (s: string): s is ChairSettableStatus => (CHAIR_SETTABLE_STATUSES as readonly string[]).includes(s);

/** Actions still to report on: not signed off, not withdrawn. */
export const OPEN_ACTION_STATUSES = ['not_started', 'in_progress', 'proposed_complete'] as const satisfies readonly ActionStatus[];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: 'not started',
  in_progress: 'in progress',
  proposed_complete: 'proposed complete',
  complete: 'complete',
  withdrawn: 'withdrawn',
};

export type EvidenceLinkCheck = { ok: true; url: string; title: string } | { ok: false; reason: string };

const MAX_URL = 2000;
// A tenant's SharePoint and OneDrive hosts: contoso.sharepoint.com, contoso-my.sharepoint.com.
const SHAREPOINT_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.sharepoint\.com$/;

/**
 * Evidence is a link to a file or page in the partnership's SharePoint: https, on a
 * *.sharepoint.com host, with no credentials in it. The reason says what to do instead.
 */
export function checkEvidenceLink(text: string): EvidenceLinkCheck {
  const raw = text.trim();
  if (raw.length > MAX_URL) return { ok: false, reason: `is too long (at most ${MAX_URL} characters).` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'is not a web address. In SharePoint, choose Share, then Copy link, and paste it here.' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'must start with https://.' };
  if (url.username || url.password) return { ok: false, reason: 'must not contain a user name or password.' };
  if (url.port) return { ok: false, reason: 'must not name a port.' };
  const host = url.hostname.toLowerCase();
  if (!SHAREPOINT_HOST.test(host)) return { ok: false, reason: `must be on SharePoint (an address ending in .sharepoint.com), not ${host}.` };
  return { ok: true, url: url.toString(), title: titleOf(url) };
}

/** The file or page name, for the tracker's list of evidence. */
function titleOf(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).at(-1);
  let name = last ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    /* keep it encoded */
  }
  name = name.replace(/\s+/g, ' ').trim();
  return (name || url.hostname).slice(0, 200);
}
