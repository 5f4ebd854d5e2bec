import { hashWith, useHashParams } from '../router/hash-params.js';
import { meetingIdIn } from './meeting-id.js';

/** The address of the side panel for a meeting (`#/meeting?meetingId=…`), so a reload keeps it. */
export function meetingHash(meetingId: string | null): string {
  return hashWith('#/meeting', { meetingId });
}

/** The meeting named in the address, if it is an id at all. */
export function useMeetingIdFromHash(): string | null {
  return meetingIdIn(useHashParams());
}

/** Opens a meeting (or the pick list with null), replacing the address so Back leaves the panel. */
export function showMeeting(meetingId: string | null, replace = false): void {
  const hash = meetingHash(meetingId);
  if (replace) {
    window.history.replaceState(window.history.state, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}
