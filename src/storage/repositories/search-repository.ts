import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DocumentKind } from '../../domain/vocabulary.js';
import type { Database } from '../schema.js';

export interface SearchFilter {
  /** Websearch syntax: words, "a phrase", -excluded, or. */
  query: string;
  forumId?: string;
  kind?: DocumentKind;
  /** Inclusive UK dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface SearchHitRow {
  documentId: string;
  title: string;
  kind: DocumentKind;
  forumId: string | null;
  forumName: string | null;
  meetingId: string | null;
  meetingDate: string | null;
  documentDate: string | null;
  pageNumber: number;
  /** Plain text, matched words between \u0002 and \u0003. */
  snippet: string;
  rank: number;
  fileName: string | null;
}

export interface SearchRows {
  total: number;
  hits: SearchHitRow[];
}

interface RawHit {
  document_id: string;
  title: string;
  kind: DocumentKind;
  forum_id: string | null;
  forum_name: string | null;
  meeting_id: string | null;
  meeting_date: string | null;
  document_date: string | null;
  page_number: number;
  snippet: string | null;
  rank: number;
  file_name: string | null;
  total: number;
}

/*
 * ts_headline options. The markers are control characters rather than HTML, so a snippet is plain text
 * whatever the paper contains; chr() keeps them out of the SQL text. FragmentDelimiter is quoted
 * because it holds spaces.
 */
const HEADLINE_OPTIONS = sql`'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "'`;

/** A meeting's document is dated by the meeting (as a UK calendar day), any other by its own date. */
const EFFECTIVE_DATE = sql`coalesce((m.starts_at at time zone 'Europe/London')::date, d.document_date)`;

/**
 * Full-text search over the extracted pages of a partnership's documents. Only the current version of
 * a document is searched, never a deleted one, never another partnership's.
 */
export class SearchRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async search(partnershipId: string, filter: SearchFilter): Promise<SearchRows> {
    // Written out where used (not a CTE) so the planner sees a plain `@@` on the GIN-indexed column.
    const tsq = sql`websearch_to_tsquery('english', ${filter.query})`;
    const conditions: RawBuilder<unknown>[] = [
      sql`p.partnership_id = ${partnershipId}`,
      sql`p.search_vector @@ ${tsq}`,
      sql`d.deleted_at is null`,
    ];
    if (filter.forumId) conditions.push(sql`d.forum_id = ${filter.forumId}`);
    if (filter.kind) conditions.push(sql`d.kind = ${filter.kind}`);
    if (filter.from) conditions.push(sql`${EFFECTIVE_DATE} >= ${filter.from}::date`);
    if (filter.to) conditions.push(sql`${EFFECTIVE_DATE} <= ${filter.to}::date`);

    // Rank and count every match, but make snippets (the costly part) only for the slice returned.
    const result = await sql<RawHit>`
      with matches as (
        select p.document_version_id, p.page_number,
               d.id as document_id, d.title, d.kind, d.forum_id, d.meeting_id, d.document_date,
               (m.starts_at at time zone 'Europe/London')::date as meeting_date,
               ts_rank_cd(p.search_vector, ${tsq}) as rank
        from document_pages p
        join documents d on d.partnership_id = p.partnership_id and d.current_version_id = p.document_version_id
        left join meetings m on m.partnership_id = d.partnership_id and m.id = d.meeting_id
        where ${sql.join(conditions, sql` and `)}
      ),
      slice as (
        select matches.*, count(*) over () as total
        from matches
        order by rank desc, coalesce(meeting_date, document_date) desc nulls last, title, document_id, page_number
        limit ${filter.limit} offset ${filter.offset}
      )
      select s.document_id, s.title, s.kind, s.forum_id, f.name as forum_name, s.meeting_id, s.meeting_date,
             s.document_date, s.page_number, s.rank, s.total, v.file_name,
             ts_headline('english', translate(p.text, chr(2) || chr(3), ''), ${tsq}, ${HEADLINE_OPTIONS}) as snippet
      from slice s
      join document_pages p on p.document_version_id = s.document_version_id and p.page_number = s.page_number
      join document_versions v on v.id = s.document_version_id
      left join forums f on f.partnership_id = ${partnershipId} and f.id = s.forum_id
      order by s.rank desc, coalesce(s.meeting_date, s.document_date) desc nulls last, s.title, s.document_id, s.page_number
    `.execute(this.db);

    const rows = result.rows;
    // The window count rides on the rows; past the last match there are none to carry it.
    const total = rows.length > 0 ? Number(rows[0]!.total) : filter.offset > 0 ? await this.count(conditions) : 0;
    return {
      total,
      hits: rows.map((r) => ({
        documentId: r.document_id,
        title: r.title,
        kind: r.kind,
        forumId: r.forum_id,
        forumName: r.forum_name,
        meetingId: r.meeting_id,
        meetingDate: r.meeting_date,
        documentDate: r.document_date,
        pageNumber: r.page_number,
        // Removed markup and line breaks leave runs of spaces behind.
        snippet: (r.snippet ?? '').replace(/\s+/g, ' ').trim(),
        rank: Number(r.rank),
        fileName: r.file_name,
      })),
    };
  }

  private async count(conditions: RawBuilder<unknown>[]): Promise<number> {
    const r = await sql<{ n: number }>`
      select count(*) as n
      from document_pages p
      join documents d on d.partnership_id = p.partnership_id and d.current_version_id = p.document_version_id
      left join meetings m on m.partnership_id = d.partnership_id and m.id = d.meeting_id
      where ${sql.join(conditions, sql` and `)}
    `.execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }

  /**
   * The benchmark's baseline only: what search would cost without the text-search index.
   * A plain substring scan with the same scope, order, count and limit as search().
   */
  async ilikeScan(partnershipId: string, query: string, limit: number): Promise<{ total: number; hits: { documentId: string; pageNumber: number }[] }> {
    const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const result = await sql<{ document_id: string; page_number: number; total: number }>`
      select d.id as document_id, p.page_number, count(*) over () as total
      from document_pages p
      join documents d on d.partnership_id = p.partnership_id and d.current_version_id = p.document_version_id
      left join meetings m on m.partnership_id = d.partnership_id and m.id = d.meeting_id
      where p.partnership_id = ${partnershipId} and d.deleted_at is null and p.text ilike ${pattern} escape '\\'
      order by ${EFFECTIVE_DATE} desc nulls last, d.title, d.id, p.page_number
      limit ${limit}
    `.execute(this.db);
    return {
      total: result.rows.length > 0 ? Number(result.rows[0]!.total) : 0,
      hits: result.rows.map((r) => ({ documentId: r.document_id, pageNumber: r.page_number })),
    };
  }

  /** Every partnership, so the admin CLI can say which ones there are to search. */
  async partnerships(): Promise<{ id: string; name: string }[]> {
    return this.db.selectFrom('partnerships').select(['id', 'name']).orderBy('name').execute();
  }
}
