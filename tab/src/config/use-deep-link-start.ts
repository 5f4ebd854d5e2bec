import { useEffect } from 'react';
import { hashForSubPageId } from '../../../src/domain/deep-links.js';
import type { HostInfo } from '../teams/teams-host.js';

// Once per page load: after that the address is the person's, not the link's.
let applied = false;

/**
 * When Teams opened the tab from a deep link to a paper page (`context.subEntityId` in the link, `subPageId`
 * in the tab's context), opens that page. A malformed sub-page id is ignored: the tab opens as configured.
 */
export function useDeepLinkStart(host: HostInfo): void {
  useEffect(() => {
    if (applied) return;
    applied = true;
    const hash = hashForSubPageId(host.subPageId);
    if (hash && window.location.hash !== hash) window.location.hash = hash;
  }, [host]);
}
