import type { AgencySummary } from '../contract/agencies.js';
import type { Checklist, DocumentSummary, ForumSummary, MeetingSummary, PartnershipOverview } from '../contract/resources.js';
import type { Repositories } from '../storage/repositories/index.js';
import type { MeetingRow } from '../storage/repositories/forums-repository.js';
import { type Actor, authorize } from './actor.js';
import { notFound } from './errors.js';

export const toMeetingSummary = (m: MeetingRow): MeetingSummary => ({
  id: m.id,
  forumId: m.forumId,
  forumName: m.forumName,
  title: m.title,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  documentCount: m.documentCount,
});

/** Reading the shape of a partnership: its forums, meetings, papers and checklist. */
export class PartnershipService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async overview(actor: Actor): Promise<PartnershipOverview> {
    authorize(actor, 'partnership.read');
    const p = await this.repos.partnerships.findById(actor.partnershipId);
    if (!p) throw notFound('The partnership');
    const [frameworkTitle, forums, meetings, documents, people, upcoming] = await Promise.all([
      this.repos.partnerships.frameworkTitle(p.id),
      this.repos.forums.count(p.id),
      this.repos.meetings.count(p.id),
      this.repos.documents.count(p.id),
      this.repos.people.countInPartnership(p.id),
      this.repos.meetings.list(p.id, { from: this.now(), limit: 5 }),
    ]);
    return {
      partnership: {
        id: p.id,
        name: p.name,
        shortName: p.short_name,
        isSynthetic: p.is_synthetic,
        scrutinyDaysBudget: p.scrutiny_days_budget,
        frameworkTitle,
      },
      counts: { forums, meetings, documents, people },
      upcomingMeetings: upcoming.map(toMeetingSummary),
    };
  }

  async forums(actor: Actor): Promise<ForumSummary[]> {
    authorize(actor, 'forum.read');
    const [forums, next] = await Promise.all([
      this.repos.forums.list(actor.partnershipId),
      this.repos.meetings.nextPerForum(actor.partnershipId, this.now()),
    ]);
    return forums.map((f) => {
      const n = next.get(f.id);
      return { ...f, nextMeeting: n ? toMeetingSummary(n) : null };
    });
  }

  async agencies(actor: Actor): Promise<AgencySummary[]> {
    authorize(actor, 'partnership.read');
    return this.repos.partnerships.agencies(actor.partnershipId);
  }

  async meetings(actor: Actor, filter: { forumId?: string; from?: string; to?: string }): Promise<MeetingSummary[]> {
    authorize(actor, 'meeting.read');
    // Dates are whole days in UK time; a day's meetings are those starting on it.
    const rows = await this.repos.meetings.list(actor.partnershipId, {
      forumId: filter.forumId,
      from: filter.from ? ukDayStart(filter.from) : undefined,
      to: filter.to ? ukDayStart(filter.to, 1) : undefined,
    });
    return rows.map(toMeetingSummary);
  }

  async meetingDocuments(actor: Actor, meetingId: string): Promise<DocumentSummary[]> {
    authorize(actor, 'document.read');
    if (!(await this.repos.meetings.exists(actor.partnershipId, meetingId))) throw notFound('The meeting');
    return this.repos.documents.listForMeeting(actor.partnershipId, meetingId);
  }

  async checklist(actor: Actor): Promise<Checklist> {
    authorize(actor, 'checklist.read');
    const c = await this.repos.checklists.current(actor.partnershipId);
    if (!c) throw notFound('The partnership\'s checklist framework');
    return c;
  }
}

/** Midnight at the start of a calendar day in Europe/London, plus `addDays`. */
export function ukDayStart(isoDate: string, addDays = 0): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d + addDays);
  // London is UTC+0 or UTC+1: find the offset in force at that moment.
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hour12: false }).formatToParts(
    new Date(utcMidnight),
  );
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? '0') % 24;
  return new Date(utcMidnight - hour * 3600_000);
}
