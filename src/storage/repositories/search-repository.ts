import { type Kysely, sql } from 'kysely';
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

/** How many matching pages a broad query ranks: its most recent ones (see los_search_pages). */
export const RANK_BUDGET = 500;

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
    // The query lives in the database (migration 0004, los_search_pages) so its plan is cached.
    const f = this.filterArguments(filter);
    const result = await sql<RawHit>`
      select * from los_search_pages(${partnershipId}::uuid, ${filter.query}, ${f.forumId}::uuid, ${f.kind}::text,
        ${f.from}::date, ${f.to}::date, ${this.rankBudget}::integer, ${filter.limit}::integer, ${filter.offset}::integer)
    `.execute(this.db);

    const rows = result.rows;
    // The window count rides on the rows; past the last match there are none to carry it.
    const total = rows.length > 0 ? Number(rows[0]!.total) : filter.offset > 0 ? await this.count(partnershipId, filter) : 0;
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

  private filterArguments(filter: SearchFilter) {
    return { forumId: filter.forumId ?? null, kind: filter.kind ?? null, from: filter.from ?? null, to: filter.to ?? null };
  }

  private async count(partnershipId: string, filter: SearchFilter): Promise<number> {
    const f = this.filterArguments(filter);
    const r = await sql<{ n: number }>`
      select los_count_search_pages(${partnershipId}::uuid, ${filter.query}, ${f.forumId}::uuid, ${f.kind}::text, ${f.from}::date, ${f.to}::date) as n
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
      select p.document_id, p.page_number, count(*) over () as total
      from document_pages p
      where p.partnership_id = ${partnershipId} and p.searchable and p.text ilike ${pattern} escape '\\'
      order by p.sort_date desc nulls last, p.document_id, p.page_number
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
