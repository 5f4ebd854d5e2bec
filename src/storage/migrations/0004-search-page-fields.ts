import { type Kysely, sql } from 'kysely';

/*
 * Search reads only document_pages. Each page carries what search filters and orders by: whether it is
 * searchable (its document's current version, not deleted), the document's effective date (the
 * meeting's UK calendar day, else the document's own date), forum and kind. Without these, a broad query
 * joined and dated tens of thousands of matching pages before it could pick any (bench/search.ts).
 *
 * Triggers keep the copies true whatever writes documents, versions or meetings, so no code path can
 * forget. The vector also moves out of line (toast_tuple_target), leaving a heap of narrow rows that a
 * bitmap scan of the GIN index reads quickly.
 */

const EFFECTIVE_DATE_OF_DOCUMENT = `coalesce(
  (SELECT (m.starts_at AT TIME ZONE 'Europe/London')::date FROM meetings m WHERE m.partnership_id = d.partnership_id AND m.id = d.meeting_id),
  d.document_date)`;

const up: string[] = [
  `ALTER TABLE document_pages
     ADD COLUMN document_id uuid,
     ADD COLUMN searchable boolean NOT NULL DEFAULT false,
     ADD COLUMN sort_date date,
     ADD COLUMN forum_id uuid,
     ADD COLUMN kind text`,
  `ALTER TABLE document_pages SET (toast_tuple_target = 128)`,

  // A new page takes its document's fields.
  `CREATE FUNCTION los_page_search_fields() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     SELECT d.id, (d.current_version_id = NEW.document_version_id AND d.deleted_at IS NULL),
            ${EFFECTIVE_DATE_OF_DOCUMENT}, d.forum_id, d.kind
       INTO NEW.document_id, NEW.searchable, NEW.sort_date, NEW.forum_id, NEW.kind
       FROM document_versions v JOIN documents d ON d.id = v.document_id
      WHERE v.id = NEW.document_version_id;
     NEW.searchable := coalesce(NEW.searchable, false);
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER document_pages_search_fields BEFORE INSERT ON document_pages
     FOR EACH ROW EXECUTE FUNCTION los_page_search_fields()`,

  // A document that changes version, is deleted or restored, or moves meeting, forum, kind or date.
  `CREATE FUNCTION los_document_search_fields() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE effective date;
   BEGIN
     SELECT ${EFFECTIVE_DATE_OF_DOCUMENT} INTO effective FROM (SELECT NEW.*) d;
     UPDATE document_pages p
        SET document_id = NEW.id,
            searchable = (p.document_version_id = NEW.current_version_id AND NEW.deleted_at IS NULL),
            sort_date = effective, forum_id = NEW.forum_id, kind = NEW.kind
      WHERE p.document_version_id IN (SELECT v.id FROM document_versions v WHERE v.document_id = NEW.id)
        AND (p.document_id, p.searchable, p.sort_date, p.forum_id, p.kind) IS DISTINCT FROM
            (NEW.id, (p.document_version_id = NEW.current_version_id AND NEW.deleted_at IS NULL), effective, NEW.forum_id, NEW.kind);
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER documents_search_fields AFTER UPDATE ON documents
     FOR EACH ROW
     WHEN ((OLD.current_version_id, OLD.deleted_at IS NULL, OLD.meeting_id, OLD.document_date, OLD.forum_id, OLD.kind)
           IS DISTINCT FROM (NEW.current_version_id, NEW.deleted_at IS NULL, NEW.meeting_id, NEW.document_date, NEW.forum_id, NEW.kind))
     EXECUTE FUNCTION los_document_search_fields()`,

  // A meeting that moves day re-dates its papers.
  `CREATE FUNCTION los_meeting_search_fields() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE document_pages p
        SET sort_date = (NEW.starts_at AT TIME ZONE 'Europe/London')::date
       FROM document_versions v JOIN documents d ON d.id = v.document_id
      WHERE p.document_version_id = v.id AND d.partnership_id = NEW.partnership_id AND d.meeting_id = NEW.id
        AND p.sort_date IS DISTINCT FROM (NEW.starts_at AT TIME ZONE 'Europe/London')::date;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER meetings_search_fields AFTER UPDATE ON meetings
     FOR EACH ROW WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at)
     EXECUTE FUNCTION los_meeting_search_fields()`,

  /*
   * The search itself, as a function so that its plans are cached per connection (planning the
   * statement cost as much as running it for a narrow query) and so that it runs with sequential scans
   * priced out: the vectors sit out of line, which the planner does not cost, and for a broad query it
   * would pick a sequential scan that fetches every page's vector where the GIN index reads none.
   *
   * Three steps, each as narrow as it can be:
   *  1. matches: the searchable pages within the filters, from the GIN index and the page rows alone; counted.
   *  2. ranked: the rank needs each page's vector, the costly read. A broad query is ranked within its
   *     p_budget most recent matching pages: recent papers matter most to scrutiny, the count stays exact,
   *     and date filters reach older papers.
   *  3. snippets (ts_headline parses the whole page) for one page of results only. The markers are
   *     control characters, not HTML, so a snippet is plain text whatever the paper contains.
   */
  `CREATE FUNCTION los_search_pages(
     p_partnership uuid, p_query text, p_forum uuid, p_kind text, p_from date, p_to date,
     p_budget integer, p_limit integer, p_offset integer)
   RETURNS TABLE (document_id uuid, title text, kind text, forum_id uuid, forum_name text, meeting_id uuid,
     meeting_date date, document_date date, page_number integer, snippet text, rank real, file_name text, total bigint)
   LANGUAGE plpgsql STABLE
   SET enable_seqscan = off
   AS $$
   #variable_conflict use_column
   DECLARE
     tsq tsquery := websearch_to_tsquery('english', p_query);
     options text := 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "';
     compound record;
   BEGIN
     /*
      * A hyphenated word ("multi-agency") becomes a phrase of the whole word and its parts, and a phrase
      * makes the index recheck every candidate page's vector. The whole word's lexeme alone matches the
      * same pages, since the parser always follows it with its parts, and needs no recheck. Not inside
      * quotes, where the word sits within a longer phrase.
      */
     IF position('"' IN p_query) = 0 THEN
       FOR compound IN
         SELECT d.token, d.lexemes[1] AS lexeme FROM ts_debug('english', p_query) d
          WHERE d.alias IN ('asciihword', 'hword', 'numhword') AND cardinality(d.lexemes) > 0
       LOOP
         tsq := ts_rewrite(tsq, phraseto_tsquery('english', compound.token), quote_literal(compound.lexeme)::tsquery);
       END LOOP;
     END IF;

     RETURN QUERY
     WITH matches AS MATERIALIZED (
       SELECT p.document_id, p.document_version_id, p.page_number, p.sort_date
         FROM document_pages p
        WHERE p.partnership_id = p_partnership AND p.searchable AND p.search_vector @@ tsq
          AND (p_forum IS NULL OR p.forum_id = p_forum) AND (p_kind IS NULL OR p.kind = p_kind)
          AND (p_from IS NULL OR p.sort_date >= p_from) AND (p_to IS NULL OR p.sort_date <= p_to)
     ),
     candidates AS (
       SELECT * FROM matches ORDER BY sort_date DESC NULLS LAST, document_id, page_number LIMIT p_budget
     ),
     slice AS (
       SELECT c.*, ts_rank_cd(p.search_vector, tsq) AS rank, (SELECT count(*) FROM matches) AS total
         FROM candidates c
         JOIN document_pages p ON p.document_version_id = c.document_version_id AND p.page_number = c.page_number
        ORDER BY rank DESC, sort_date DESC NULLS LAST, document_id, page_number
        LIMIT p_limit OFFSET p_offset
     )
     SELECT s.document_id, d.title, d.kind, d.forum_id, f.name, d.meeting_id,
            (m.starts_at AT TIME ZONE 'Europe/London')::date, d.document_date, s.page_number,
            ts_headline('english', translate(p.text, chr(2) || chr(3), ''), tsq, options), s.rank, v.file_name, s.total
       FROM slice s
       JOIN documents d ON d.id = s.document_id
       JOIN document_pages p ON p.document_version_id = s.document_version_id AND p.page_number = s.page_number
       JOIN document_versions v ON v.id = s.document_version_id
       LEFT JOIN meetings m ON m.partnership_id = d.partnership_id AND m.id = d.meeting_id
       LEFT JOIN forums f ON f.partnership_id = d.partnership_id AND f.id = d.forum_id
      ORDER BY s.rank DESC, s.sort_date DESC NULLS LAST, s.document_id, s.page_number;
   END $$`,

  // How many pages match, for a request that pages past the last hit (and so gets no row to carry it).
  `CREATE FUNCTION los_count_search_pages(
     p_partnership uuid, p_query text, p_forum uuid, p_kind text, p_from date, p_to date)
   RETURNS bigint LANGUAGE sql STABLE
   SET enable_seqscan = off
   AS $$
     SELECT count(*) FROM document_pages p
      WHERE p.partnership_id = p_partnership AND p.searchable AND p.search_vector @@ websearch_to_tsquery('english', p_query)
        AND (p_forum IS NULL OR p.forum_id = p_forum) AND (p_kind IS NULL OR p.kind = p_kind)
        AND (p_from IS NULL OR p.sort_date >= p_from) AND (p_to IS NULL OR p.sort_date <= p_to)
   $$`,

  // Pages already stored. Rewriting them also moves their vectors out of line.
  `UPDATE document_pages p
      SET document_id = d.id,
          searchable = (d.current_version_id = p.document_version_id AND d.deleted_at IS NULL),
          sort_date = ${EFFECTIVE_DATE_OF_DOCUMENT}, forum_id = d.forum_id, kind = d.kind
     FROM document_versions v JOIN documents d ON d.id = v.document_id
    WHERE v.id = p.document_version_id`,
];

const down: string[] = [
  'DROP FUNCTION IF EXISTS los_count_search_pages(uuid, text, uuid, text, date, date)',
  'DROP FUNCTION IF EXISTS los_search_pages(uuid, text, uuid, text, date, date, integer, integer, integer)',
  'DROP TRIGGER IF EXISTS meetings_search_fields ON meetings',
  'DROP FUNCTION IF EXISTS los_meeting_search_fields()',
  'DROP TRIGGER IF EXISTS documents_search_fields ON documents',
  'DROP FUNCTION IF EXISTS los_document_search_fields()',
  'DROP TRIGGER IF EXISTS document_pages_search_fields ON document_pages',
  'DROP FUNCTION IF EXISTS los_page_search_fields()',
  'ALTER TABLE document_pages RESET (toast_tuple_target)',
  `ALTER TABLE document_pages DROP COLUMN IF EXISTS kind, DROP COLUMN IF EXISTS forum_id,
     DROP COLUMN IF EXISTS sort_date, DROP COLUMN IF EXISTS searchable, DROP COLUMN IF EXISTS document_id`,
];

export const migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const statement of down) await sql.raw(statement).execute(db);
  },
};
