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

/** How many matching pages a broad query ranks: its most recent ones (see search()). */
export const RANK_BUDGET = 2000;

/** A meeting's document is dated by the meeting (as a UK calendar day), any other by its own date. */
const EFFECTIVE_DATE = sql`coalesce((m.starts_at at time zone 'Europe/London')::date, d.document_date)`;

/**
 * Full-text search over the extracted pages of a partnership's documents. Only the current version of
 * a document is searched, never a deleted one, never another partnership's.
 */
export class SearchRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly rankBudget: number = RANK_BUDGET,
  ) {}

  async search(partnershipId: string, filter: SearchFilter): Promise<SearchRows> {
    // Written out where used (not a CTE column) so the planner sees a plain `@@` on the GIN-indexed column.
    const tsq = sql`websearch_to_tsquery('english', ${filter.query})`;
    const documentConditions = this.documentConditions(filter);

    /*
     * Four steps, each as narrow as it can be:
     *  1. matches: the matching pages of this partnership, from the GIN index, ids only (no tsvector read).
     *  2. filtered: current versions of live documents within the filters, with their date; counted.
     *  3. ranked: the rank needs each page's tsvector, the costly read. A broad query (one that matches
     *     most pages) is ranked within its RANK_BUDGET most recent matching pages: recent papers matter
     *     most to scrutiny, the count stays exact, and date filters reach older papers.
     *  4. snippets (ts_headline parses the whole page) for one page of results only.
     */
    const result = await sql<RawHit>`
      with matches as materialized (
        select p.document_version_id, p.page_number
        from document_pages p
        where p.partnership_id = ${partnershipId} and p.search_vector @@ ${tsq}
      ),
      filtered as materialized (
        select matches.*, d.id as document_id, ${EFFECTIVE_DATE} as sort_date
        from matches
        join documents d on d.partnership_id = ${partnershipId} and d.current_version_id = matches.document_version_id
        left join meetings m on m.partnership_id = d.partnership_id and m.id = d.meeting_id
        where ${sql.join(documentConditions, sql` and `)}
      ),
      candidates as (
        select * from filtered order by sort_date desc nulls last, document_id, page_number limit ${this.rankBudget}
      ),
      slice as (
        select c.*, ts_rank_cd(p.search_vector, ${tsq}) as rank, (select count(*) from filtered) as total
        from candidates c
        join document_pages p on p.document_version_id = c.document_version_id and p.page_number = c.page_number
        order by rank desc, sort_date desc nulls last, document_id, page_number
        limit ${filter.limit} offset ${filter.offset}
      )
      select s.document_id, d.title, d.kind, d.forum_id, f.name as forum_name, d.meeting_id,
             (m.starts_at at time zone 'Europe/London')::date as meeting_date, d.document_date,
             s.page_number, s.rank, s.total, v.file_name,
             ts_headline('english', translate(p.text, chr(2) || chr(3), ''), ${tsq}, ${HEADLINE_OPTIONS}) as snippet
      from slice s
      join documents d on d.id = s.document_id
      join document_pages p on p.document_version_id = s.document_version_id and p.page_number = s.page_number
      join document_versions v on v.id = s.document_version_id
      left join meetings m on m.partnership_id = d.partnership_id and m.id = d.meeting_id
      left join forums f on f.partnership_id = d.partnership_id and f.id = d.forum_id
      order by s.rank desc, s.sort_date desc nulls last, s.document_id, s.page_number
    `.execute(this.db);

    const rows = result.rows;
    // The window count rides on the rows; past the last match there are none to carry it.
    const total = rows.length > 0 ? Number(rows[0]!.total) : filter.offset > 0 ? await this.count(partnershipId, tsq, documentConditions) : 0;
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

  /** Conditions on the document (alias d) and its meeting (alias m): live, and within the filters. */
  private documentConditions(filter: SearchFilter): RawBuilder<unknown>[] {
    const conditions: RawBuilder<unknown>[] = [sql`d.deleted_at is null`];
    if (filter.forumId) conditions.push(sql`d.forum_id = ${filter.forumId}`);
    if (filter.kind) conditions.push(sql`d.kind = ${filter.kind}`);
    if (filter.from) conditions.push(sql`${EFFECTIVE_DATE} >= ${filter.from}::date`);
    if (filter.to) conditions.push(sql`${EFFECTIVE_DATE} <= ${filter.to}::date`);
    return conditions;
  }

  private async count(partnershipId: string, tsq: RawBuilder<unknown>, documentConditions: RawBuilder<unknown>[]): Promise<number> {
    const r = await sql<{ n: number }>`
      select count(*) as n
      from document_pages p
      join documents d on d.partnership_id = p.partnership_id and d.current_version_id = p.document_version_id
      left join meetings m on m.partnership_id = d.partnership_id and m.id = d.meeting_id
      where p.partnership_id = ${partnershipId} and p.search_vector @@ ${tsq} and ${sql.join(documentConditions, sql` and `)}
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
