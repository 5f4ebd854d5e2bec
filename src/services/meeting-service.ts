import type { ResolveMeeting } from '../contract/endpoints/meetings.js';
import type { MeetingDetail, MeetingSummary } from '../contract/resources.js';
import { can } from '../domain/permissions.js';
import type { MeetingRow } from '../storage/repositories/forums-repository.js';
import type { Repositories } from '../storage/repositories/index.js';
import { type Actor, authorize } from './actor.js';
import { notFound, ServiceError } from './errors.js';
import { teamsMeetingKeys } from './meeting-teams-ids.js';
import { toMeetingSummary } from './partnership-service.js';


/** One meeting for the side panel, and finding the meeting a Teams side panel is open in. */
export class MeetingService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async detail(actor: Actor, meetingId: string): Promise<MeetingDetail> {
    authorize(actor, 'meeting.read');
    const meeting = await this.repos.meetings.find(actor.partnershipId, meetingId);
    // Another partnership's meeting is reported as absent, never as forbidden.
    if (!meeting) throw notFound('The meeting');
    const [agendaItems, documents] = await Promise.all([
      this.repos.meetings.agendaItems(actor.partnershipId, meetingId),
      // Agenda titles are part of the meeting; the papers themselves need document.read.
      can(actor.role, 'document.read') ? this.repos.documents.listForMeeting(actor.partnershipId, meetingId) : Promise.resolve([]),
    ]);
    return { ...toMeetingSummary(meeting), location: meeting.location, agendaItems, documents };
  }

  /**
   * The meeting of this partnership that a Teams meeting is, or 404 so the panel offers the manual pick.
   *
   * meetings.teams_meeting_id is filled by the bot (issue 5), which records it from the meetingStart
   * event and TeamsInfo.getMeetingInfo() when it is added to a meeting, and by reading the forum's
   * calendar through Graph (onlineMeeting.chatInfo.threadId). Either form of the id matches
   * (see meeting-teams-ids.ts).
   */
  async resolve(actor: Actor, input: ResolveMeeting): Promise<MeetingSummary> {
    authorize(actor, 'meeting.read');
    const keys = teamsMeetingKeys(input);
    const matches = await this.repos.meetings.list(actor.partnershipId, { teamsMeetingIds: keys });
    // A recurring Teams meeting keeps one chat for the whole series: take the occurrence nearest now.
    const now = this.now().getTime();
    const distance = (m: MeetingRow) =>
      m.startsAt.getTime() <= now && now < m.endsAt.getTime() ? 0 : Math.min(Math.abs(m.startsAt.getTime() - now), Math.abs(m.endsAt.getTime() - now));
    const nearest = [...matches].sort((a, b) => distance(a) - distance(b))[0];
    if (!nearest) {
      throw new ServiceError('not_found', 'This Teams meeting is not linked to a meeting of this partnership. Choose the meeting from the list.');
    }
    return toMeetingSummary(nearest);
  }
}
