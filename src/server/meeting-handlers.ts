import { endpoints } from '../contract/endpoints.js';
import type { MeetingService } from '../services/meeting-service.js';
import { type ApiRoutes, requireActor } from './api-routes.js';

/** The meeting side panel: one meeting, and the meeting Teams is in. */
export function registerMeetingHandlers(routes: ApiRoutes, meetings: MeetingService): void {
  routes.add(endpoints.getMeeting, async ({ actor, params }) => meetings.detail(requireActor(actor), params.meetingId));
  routes.add(endpoints.resolveMeeting, async ({ actor, body }) => meetings.resolve(requireActor(actor), body));
}
