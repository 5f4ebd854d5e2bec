import { z } from 'zod';
import { DocumentKindSchema, IsoDate, IsoDateTime, Uuid } from './values.js';

export const DocumentVersionSummary = z.object({
  id: Uuid,
  versionNumber: z.number().int(),
  fileName: z.string(),
  pageCount: z.number().int().nullable(),
  createdAt: IsoDateTime,
  /** A PDF (the file itself or its rendition) exists to show page by page. */
  hasPdf: z.boolean(),
  extractionStatus: z.enum(['pending', 'extracted', 'failed', 'skipped']),
  extractionError: z.string().nullable(),
});

export const DocumentDetail = z.object({
  id: Uuid,
  title: z.string(),
  kind: DocumentKindSchema,
  forumId: Uuid.nullable(),
  forumName: z.string().nullable(),
  meetingId: Uuid.nullable(),
  meetingTitle: z.string().nullable(),
  meetingDate: IsoDate.nullable(),
  currentVersionId: Uuid.nullable(),
  versions: z.array(DocumentVersionSummary),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const PageText = z.object({ pageNumber: z.number().int(), text: z.string() });

export const Annotation = z.object({
  id: Uuid,
  documentVersionId: Uuid,
  pageNumber: z.number().int(),
  startOffset: z.number().int(),
  endOffset: z.number().int(),
  /** The text at the anchor in the version it is attached to. */
  quote: z.string(),
  /** What was selected when the annotation was made. */
  originalQuote: z.string(),
  status: z.enum(['anchored', 'orphaned']),
  confidence: z.number(),
  orphanReason: z.string().nullable(),
  observationId: Uuid.nullable(),
  challengeId: Uuid.nullable(),
  authorId: Uuid,
  createdAt: IsoDateTime,
});
export type Annotation = z.infer<typeof Annotation>;

/**
 * A passage selected in the viewer. The server finds it in its own page text (the
 * browser's text layer and the extracted text differ in spacing), so offsets are its own.
 */
export const NewAnnotation = z
  .strictObject({
    id: Uuid,
    documentVersionId: Uuid,
    pageNumber: z.number().int().min(1).max(100000),
    quote: z.string().trim().min(1, { error: 'must not be empty: select some text' }).max(5000, { error: 'must be at most 5000 characters' }),
    prefix: z.string().max(500).default(''),
    suffix: z.string().max(500).default(''),
    observationId: Uuid.nullable().optional(),
    challengeId: Uuid.nullable().optional(),
  })
  .refine((a) => Boolean(a.observationId) !== Boolean(a.challengeId), { error: 'must carry an observation or a challenge (one of them)' });
export type NewAnnotation = z.infer<typeof NewAnnotation>;
