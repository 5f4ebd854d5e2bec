import type { Me } from '../../../src/contract/index.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { prefetch } from '../api/prefetch.js';
import { ukIsoDate } from '../format/dates.js';
import { mightBeHosted } from '../teams/teams-host.js';
import { meetingIdFromHash } from './meeting-id.js';
import { upcomingMeetings } from './meeting-queries.js';

/**
 * The meeting page's first calls, started as soon as the session is known (router/preload-route.ts),
 * while the page's code is still loading: the calls MeetingPanel and its workspace make for a meeting
 * in the address, else the pick list's. In Teams the meeting is found first (use-meeting-choice.ts),
 * so nothing is guessed there. Settles (never rejects) once every call started has answered.
 */
export function prefetchMeetingPage(membership: Me, hash: string): Promise<void> {
  const partnershipId = membership.partnership.id;
  const params = { partnershipId };
  const meetingId = meetingIdFromHash(hash);
  const calls: Promise<unknown>[] = [];
  if (meetingId) {
    calls.push(
      prefetch(apiRoutes.getMeeting, { params: { partnershipId, meetingId } }),
      prefetch(apiRoutes.checklist, { params }),
      prefetch(apiRoutes.listObservations, { params, query: { meetingId } }),
      prefetch(apiRoutes.listChallenges, { params }),
    );
  } else if (!mightBeHosted() && membership.permissions.includes('meeting.read')) {
    calls.push(prefetch(apiRoutes.listMeetings, { params, query: upcomingMeetings(ukIsoDate()) }));
  }
  return Promise.allSettled(calls).then(() => undefined);
}
