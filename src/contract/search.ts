import { z } from 'zod';
import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX, SEARCH_OFFSET_MAX, SEARCH_QUERY_MAX } from './search-text.js';
import { DocumentKindSchema, IsoDate, Uuid } from './values.js';

export * from './search-text.js';

/** One page of one document that matches the query. */
export const SearchHit = z.object({
  documentId: Uuid,
  title: z.string(),
  kind: DocumentKindSchema,
  forumId: Uuid.nullable(),
  forumName: z.string().nullable(),
  meetingId: Uuid.nullable(),
  /** The meeting's date in UK time, when the document belongs to a meeting. */
  meetingDate: IsoDate.nullable(),
  /** The document's own date (from its name or properties), when known. */
  documentDate: IsoDate.nullable(),
  pageNumber: z.number().int().positive(),
  /** Plain text; matched words between HIGHLIGHT_START and HIGHLIGHT_END. */
  snippet: z.string(),
  /** Relevance (ts_rank_cd): only meaningful relative to the other hits of the same query. */
  rank: z.number(),
  fileName: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z.object({
  /** The query as searched (trimmed). */
  query: z.string(),
  /** Every matching page, not only this slice. */
  total: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
  hits: z.array(SearchHit),
  /** Time the database took, in milliseconds. */
  tookMs: z.number().nonnegative().optional(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

const whole = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

/** The query string of a search: `q` in websearch syntax ("exact phrase", -not, or). */
export const SearchQuery = z
  .strictObject({
    q: z
      .string({ error: (issue) => (issue.input === undefined ? 'is required: say what to search for' : 'must be text') })
      .trim()
      .min(1, { error: 'must not be empty: say what to search for' })
      .max(SEARCH_QUERY_MAX, { error: `must be at most ${SEARCH_QUERY_MAX} characters` }),
    forumId: Uuid.optional(),
    type: z.enum(DocumentKindSchema.options, { error: 'must be agenda, paper, minutes, report or other' }).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    limit: whole(1, SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT),
    offset: whole(0, SEARCH_OFFSET_MAX).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'must be on or after from' });
export type SearchQuery = z.infer<typeof SearchQuery>;
