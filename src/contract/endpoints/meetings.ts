import { z } from 'zod';
import { endpoint, none, partnershipParams } from '../endpoint.js';
import { apiRoutes } from '../routes.js';
import { MeetingDetail, MeetingSummary } from '../resources.js';
import { Uuid } from '../values.js';

/** An id Teams gave us: opaque text, bounded. */
const TeamsId = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(1000, { error: 'must be at most 1000 characters' });

/** What the tab knows of the Teams meeting it runs in (app.getContext(): meeting.id and chat.id). */
export const ResolveMeeting = z
  .strictObject({ teamsMeetingId: TeamsId.optional(), chatId: TeamsId.optional() })
  .refine((b) => b.teamsMeetingId !== undefined || b.chatId !== undefined, { error: 'must name teamsMeetingId or chatId' });
export type ResolveMeeting = z.infer<typeof ResolveMeeting>;

/** The meeting side panel: one meeting with its agenda and papers, and finding the meeting Teams is in. */
export const meetingEndpoints = {
  getMeeting: endpoint({
    ...apiRoutes.getMeeting,
    params: z.strictObject({ partnershipId: Uuid, meetingId: Uuid }),
    query: none,
    body: none,
    response: MeetingDetail,
  }),
  resolveMeeting: endpoint({
    ...apiRoutes.resolveMeeting,
    params: partnershipParams,
    query: none,
    body: ResolveMeeting,
    response: MeetingSummary,
  }),
} as const;
