import { z } from 'zod';
import { IMPORT_LIMITS } from '../action-import/import-limits.js';
import { IMPORT_FIELDS } from '../domain/action-import-fields.js';
import { ACTION_SOURCES, ACTION_STATUSES, RAG } from '../domain/vocabulary.js';
import { Uuid } from './values.js';

/**
 * Importing an existing tracker (.xlsx or CSV) in three steps — read, preview, commit — and exporting the
 * tracker. The file travels as base64 in JSON: one body reader, one size limit (MAX_BODY_BYTES), and the
 * tab needs no multipart. Each step sends the file again, so the server keeps nothing between steps.
 */

export const ImportFieldSchema = z.enum(IMPORT_FIELDS);

const MAX_FILE_BYTES = IMPORT_LIMITS.maxFileBytes;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const ImportFile = z.object({
  fileName: z.string({ error: 'must be the file\'s name' }).trim().min(1, { error: 'must not be empty' }).max(255, { error: 'must be at most 255 characters' }),
  contentBase64: z
    .string({ error: 'must be the file, base64-encoded' })
    .min(1, { error: 'must not be empty' })
    .max(Math.ceil(MAX_FILE_BYTES / 3) * 4 + 4, { error: 'is larger than the 10 MB an import may be' })
    .refine((s) => BASE64.test(s), { error: 'must be base64 (A–Z, a–z, 0–9, +, /)' }),
  /** The sheet to read (a workbook's first visible sheet with anything in it, if absent). */
  sheet: z.string().max(200).optional(),
  /** The header row, counting from 1 (found by looking for known headers, if absent). */
  headerRow: z.number().int().min(1).max(1000).optional(),
});

export const ImportReadBody = z.strictObject(ImportFile.shape);
export type ImportReadBody = z.infer<typeof ImportReadBody>;

/** field → column (0 = A). */
export const ColumnMappingSchema = z.partialRecord(ImportFieldSchema, z.number().int().min(0).max(199));

export const ImportPlanBody = z.strictObject({
  ...ImportFile.shape,
  mapping: ColumnMappingSchema,
  /** A reference already in the tracker updates that action; otherwise it is an error. */
  updateExisting: z.boolean().default(false),
  /** The source of rows with none in the file. */
  defaultSource: z.enum(ACTION_SOURCES).optional(),
});
export type ImportPlanBody = z.infer<typeof ImportPlanBody>;

export const ImportColumn = z.object({
  index: z.number().int(),
  letter: z.string(),
  header: z.string(),
  /** The field suggested for it, if any. */
  field: ImportFieldSchema.nullable(),
  /** Why it is left out, for a column recognised and not imported (the RAG). */
  ignored: z.string().nullable(),
});

export const ImportRead = z.object({
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  sheets: z.array(z.string()),
  sheet: z.string(),
  headerRow: z.number().int(),
  columns: z.array(ImportColumn),
  suggestedMapping: ColumnMappingSchema,
  /** The first rows below the header, as shown in the spreadsheet. */
  sampleRows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  dataRows: z.number().int(),
  fields: z.array(z.object({ field: ImportFieldSchema, label: z.string(), required: z.boolean(), hint: z.string() })),
});
export type ImportRead = z.infer<typeof ImportRead>;

export const ImportRowError = z.object({
  /** The spreadsheet's row number; null for a problem with the mapping or the file. */
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  field: ImportFieldSchema.nullable(),
  message: z.string(),
  /** The whole sentence: row, column and what is wrong. */
  text: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportPreview = z.object({
  sheet: z.string(),
  headerRow: z.number().int(),
  dataRows: z.number().int(),
  creates: z.number().int(),
  updates: z.number().int(),
  unchanged: z.number().int(),
  /** True when the file can be committed as it is. */
  ready: z.boolean(),
  errorCount: z.number().int(),
  /** The first errors, in row order (errorCount says how many there are). */
  errors: z.array(ImportRowError),
  /** What the first rows would do. */
  rows: z.array(z.object({ row: z.number().int(), reference: z.string(), kind: z.enum(['create', 'update', 'unchanged']), fields: z.array(z.string()) })),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportCommitted = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  dataRows: z.number().int(),
});
export type ImportCommitted = z.infer<typeof ImportCommitted>;

/** The tracker's filters, as the export takes them; each narrows the rows the caller may see. */
export const ActionExportQuery = z.strictObject({
  format: z.enum(['xlsx', 'csv'], { error: 'must be xlsx or csv' }).default('xlsx'),
  status: z.enum(ACTION_STATUSES).optional(),
  source: z.enum(ACTION_SOURCES).optional(),
  rag: z.enum(RAG).optional(),
  areaId: Uuid.optional(),
  agencyId: Uuid.optional(),
  ownerId: Uuid.optional(),
  /** Words found in the reference, action, description, source reference, owner, agency or last update. */
  q: z.string().trim().max(200).optional(),
});
export type ActionExportQuery = z.infer<typeof ActionExportQuery>;
