import type { TabSurface } from '../../../src/domain/deep-links.js';
import type { HostInfo } from '../teams/teams-host.js';

/**
 * What a new tab opens unless the person chooses otherwise: the meeting side panel in a meeting (its side
 * panel, stage, chat or details), the action tracker in a channel, else the partnership overview.
 */
export function defaultSurfaceFor(host: Pick<HostInfo, 'frameContext' | 'meetingId' | 'channelId'>): TabSurface {
  if (host.frameContext === 'sidePanel' || host.frameContext === 'meetingStage' || host.meetingId) return 'meeting';
  if (host.channelId) return 'tracker';
  return 'home';
}
