import { type Kysely, sql } from 'kysely';
import type { ForumKind } from '../../domain/vocabulary.js';
import type { Database } from '../schema.js';

export interface ForumRow {
  id: string;
  name: string;
  kind: ForumKind;
  description: string;
  chairName: string | null;
  meetingCount: number;
}

export class ForumsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(partnershipId: string): Promise<ForumRow[]> {
    const rows = await this.db
      .selectFrom('forums as f')
      .leftJoin('people as c', (j) => j.onRef('c.id', '=', 'f.chair_person_id').onRef('c.partnership_id', '=', 'f.partnership_id'))
      .where('f.partnership_id', '=', partnershipId)
      .select([
        'f.id',
        'f.name',
        'f.kind',
        'f.description',
        'c.display_name as chair_name',
        (eb) =>
          eb
            .selectFrom('meetings as m')
            .whereRef('m.forum_id', '=', 'f.id')
            .select(eb.fn.countAll<number>().as('n'))
            .as('meeting_count'),
      ])
      .orderBy('f.position')
      .orderBy('f.name')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      description: r.description,
      chairName: r.chair_name,
      meetingCount: Number(r.meeting_count ?? 0),
    }));
  }

  async count(partnershipId: string): Promise<number> {
    const r = await this.db
      .selectFrom('forums')
      .where('partnership_id', '=', partnershipId)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

export interface MeetingRow {
  id: string;
  forumId: string;
  forumName: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  documentCount: number;
}

export interface MeetingFilter {
  forumId?: string;
  /** Inclusive, as instants. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  limit?: number;
  /** Only these meetings. */
  ids?: string[];
  /** Only meetings recorded with one of these Teams ids (meetings.teams_meeting_id). */
  teamsMeetingIds?: string[];
}

export interface AgendaItemRow {
  id: string;
  position: number;
  title: string;
  presenter: string | null;
  documentId: string | null;
}

export class MeetingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(partnershipId: string, filter: MeetingFilter = {}): Promise<MeetingRow[]> {
    let q = this.db
      .selectFrom('meetings as m')
      .innerJoin('forums as f', 'f.id', 'm.forum_id')
      .where('m.partnership_id', '=', partnershipId)
      .select([
        'm.id',
        'm.forum_id',
        'f.name as forum_name',
        'm.title',
        'm.starts_at',
        'm.ends_at',
        (eb) =>
          eb
            .selectFrom('documents as d')
            .whereRef('d.meeting_id', '=', 'm.id')
            .where('d.deleted_at', 'is', null)
            .select(eb.fn.countAll<number>().as('n'))
            .as('document_count'),
      ])
      .orderBy('m.starts_at');
    if (filter.forumId) q = q.where('m.forum_id', '=', filter.forumId);
    if (filter.from) q = q.where('m.starts_at', '>=', filter.from);
    if (filter.to) q = q.where('m.starts_at', '<', filter.to);
    if (filter.ids) q = filter.ids.length ? q.where('m.id', 'in', filter.ids) : q.where(sql<boolean>`false`);
    if (filter.teamsMeetingIds) {
      q = filter.teamsMeetingIds.length ? q.where('m.teams_meeting_id', 'in', filter.teamsMeetingIds) : q.where(sql<boolean>`false`);
    }
    if (filter.limit) q = q.limit(filter.limit);
    const rows = await q.execute();
    return rows.map((r) => ({
      id: r.id,
      forumId: r.forum_id,
      forumName: r.forum_name,
      title: r.title,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      documentCount: Number(r.document_count ?? 0),
    }));
  }

  /** The next meeting of each forum from `now`. */
  async nextPerForum(partnershipId: string, now: Date): Promise<Map<string, MeetingRow>> {
    const upcoming = await this.list(partnershipId, { from: now });
    const next = new Map<string, MeetingRow>();
    for (const m of upcoming) if (!next.has(m.forumId)) next.set(m.forumId, m);
    return next;
  }

  /** One meeting of the partnership with where it is held; undefined for another partnership's. */
  async find(partnershipId: string, meetingId: string): Promise<(MeetingRow & { location: string | null }) | undefined> {
    const [row] = await this.list(partnershipId, { ids: [meetingId] });
    if (!row) return undefined;
    const place = await this.db
      .selectFrom('meetings')
      .select('location')
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', meetingId)
      .executeTakeFirst();
    return { ...row, location: place?.location ?? null };
  }

  /** A meeting's agenda, in the order it is taken. */
  async agendaItems(partnershipId: string, meetingId: string): Promise<AgendaItemRow[]> {
    const rows = await this.db
      .selectFrom('agenda_items')
      .select(['id', 'position', 'title', 'presenter', 'document_id'])
      .where('partnership_id', '=', partnershipId)
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute();
    return rows.map((r) => ({ id: r.id, position: r.position, title: r.title, presenter: r.presenter, documentId: r.document_id }));
  }

  async exists(partnershipId: string, meetingId: string): Promise<boolean> {
    const r = await this.db
      .selectFrom('meetings')
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', meetingId)
      .select(sql<number>`1`.as('one'))
      .executeTakeFirst();
    return r !== undefined;
  }

  async count(partnershipId: string): Promise<number> {
    const r = await this.db
      .selectFrom('meetings')
      .where('partnership_id', '=', partnershipId)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
