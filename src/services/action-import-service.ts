import type { Kysely } from 'kysely';
import type { ImportCommitted, ImportPreview, ImportRead, ImportRowError } from '../contract/action-import.js';
import { errorText } from '../action-import/error-text.js';
import { IMPORT_LIMITS, type ImportLimits, MAX_LISTED_ERRORS, ROWS_ABOVE_HEADER } from '../action-import/import-limits.js';
import { type ImportPlan, planImport, type RowError } from '../action-import/plan-rows.js';
import { type ColumnMapping, findHeaderRow, headerTexts, suggestMapping } from '../action-import/suggest-mapping.js';
import { IMPORT_FIELD_INFO, IMPORT_FIELDS } from '../domain/action-import-fields.js';
import type { ActionSource } from '../domain/vocabulary.js';
import { readWorkbook, type ReadResult, UnreadableFileError } from '../tabular/read-workbook.js';
import { cellText, columnLetter, isBlankRow } from '../tabular/table.js';
import { ActionImportRepository } from '../storage/repositories/action-import-repository.js';
import { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import type { Database } from '../storage/schema.js';
import { historyActorId } from './action-view.js';
import { type Actor, auditActor, authorize } from './actor.js';
import { conflict, ServiceError } from './errors.js';

export interface ImportFileInput {
  fileName: string;
  bytes: Uint8Array;
  sheet?: string;
  /** Counting from 1. */
  headerRow?: number;
}

export interface ImportChoices {
  mapping: ColumnMapping;
  updateExisting: boolean;
  defaultSource?: ActionSource;
}

const SAMPLE_ROWS = 5;
const PREVIEW_ROWS = 20;

/**
 * Brings an existing tracker in, in three steps: read (what the file holds, and a suggested mapping),
 * preview (every row checked, each error in words) and commit (all rows in one transaction, or none).
 * Every step reads the file again, so nothing is kept between them.
 */
export class ActionImportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
    private readonly limits: ImportLimits = IMPORT_LIMITS,
  ) {}

  async read(actor: Actor, file: ImportFileInput): Promise<ImportRead> {
    authorize(actor, 'action.create');
    const { read, headerRow, headers } = await this.open(file);
    const suggestion = suggestMapping(headers);
    const fieldOf = new Map(Object.entries(suggestion.mapping).map(([f, c]) => [c, f]));
    const ignored = new Map(suggestion.ignored.map((i) => [i.column, i.reason]));
    const below = read.sheet.rows.slice(headerRow + 1).map((cells, i) => ({ cells, row: headerRow + i + 2 })).filter((r) => !isBlankRow(r.cells));
    return {
      fileName: file.fileName,
      format: read.format,
      sheets: read.sheetNames,
      sheet: read.sheet.name,
      headerRow: headerRow + 1,
      columns: headers.map((header, index) => ({
        index,
        letter: columnLetter(index),
        header,
        field: (fieldOf.get(index) as ImportRead['columns'][number]['field']) ?? null,
        ignored: ignored.get(index) ?? null,
      })),
      suggestedMapping: suggestion.mapping,
      sampleRows: below.slice(0, SAMPLE_ROWS).map((r) => ({ row: r.row, cells: headers.map((_, i) => cellText(r.cells[i])) })),
      dataRows: below.length,
      fields: IMPORT_FIELDS.map((field) => ({ field, ...IMPORT_FIELD_INFO[field] })),
    };
  }

  async preview(actor: Actor, file: ImportFileInput, choices: ImportChoices): Promise<ImportPreview> {
    authorize(actor, 'action.create');
    const opened = await this.open(file);
    const lookups = await new ActionImportRepository(this.db).lookups(actor.partnershipId);
    const plan = this.plan(actor, opened, lookups, choices);
    const count = (k: string) => plan.rows.filter((r) => r.kind === k).length;
    return {
      sheet: opened.read.sheet.name,
      headerRow: opened.headerRow + 1,
      dataRows: plan.dataRows,
      creates: count('create'),
      updates: count('update'),
      unchanged: count('unchanged'),
      ready: plan.errors.length === 0,
      errorCount: plan.errors.length,
      errors: sortErrors(plan.errors).slice(0, MAX_LISTED_ERRORS).map(toContractError),
      rows: plan.rows.slice(0, PREVIEW_ROWS).map((r) => ({
        row: r.row,
        reference: r.kind === 'create' ? r.values.reference : r.reference,
        kind: r.kind,
        fields: r.kind === 'update' ? Object.keys(r.changes).concat(r.evidence.length ? ['evidence'] : [], r.update ? ['update'] : []) : [],
      })),
    };
  }

  /** All rows or none: the plan is made again inside the transaction, and any error leaves nothing written. */
  async commit(actor: Actor, file: ImportFileInput, choices: ImportChoices): Promise<ImportCommitted> {
    authorize(actor, 'action.create');
    const opened = await this.open(file);
    const at = this.now();
    try {
      return await this.db.transaction().execute(async (trx) => {
        const repo = new ActionImportRepository(trx);
        await repo.lockPartnership(actor.partnershipId);
        const lookups = await repo.lookups(actor.partnershipId);
        const plan = this.plan(actor, opened, lookups, choices);
        if (plan.errors.length > 0) throw rejected(plan);
        if (plan.rows.some((r) => (r.kind === 'create' && r.values.status === 'complete') || (r.kind === 'update' && r.signOff))) authorize(actor, 'action.sign_off');
        const names = new Map<string, string>([
          ...lookups.people.map((p) => [p.id, p.displayName] as const),
          ...lookups.agencies.map((a) => [a.id, a.name] as const),
          ...lookups.areas.map((a) => [a.id, a.title] as const),
          ...lookups.forums.map((f) => [f.id, f.name] as const),
        ]);
        const counts = await repo.write(plan.rows, {
          partnershipId: actor.partnershipId,
          actorId: historyActorId(actor),
          surface: actor.surface,
          at,
          source: { fileName: file.fileName, sheet: opened.read.sheet.name },
          names,
        });
        const result = { ...counts, unchanged: plan.rows.filter((r) => r.kind === 'unchanged').length, dataRows: plan.dataRows };
        await new AuditLogRepository(trx).append({
          ...auditActor(actor),
          action: 'action.import',
          entityType: 'action',
          entityId: null,
          detail: { fileName: file.fileName, format: opened.read.format, sheet: opened.read.sheet.name, updateExisting: choices.updateExisting, ...result },
        });
        return result;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('An action with one of these references was added while the file was being imported. Nothing was imported: preview the file again.');
      throw error;
    }
  }

  private async open(file: ImportFileInput): Promise<{ read: ReadResult; headerRow: number; headers: string[] }> {
    let read: ReadResult;
    try {
      read = await readWorkbook(file.bytes, file.fileName, { ...this.limits, maxRows: this.limits.maxRows + ROWS_ABOVE_HEADER }, file.sheet);
    } catch (error) {
      if (error instanceof UnreadableFileError) throw new ServiceError('validation_failed', error.message, [{ path: 'file', message: error.message }]);
      throw error;
    }
    const rows = read.sheet.rows;
    if (rows.every((r) => isBlankRow(r))) throw new ServiceError('validation_failed', `The sheet "${read.sheet.name}" is empty.`, [{ path: 'file', message: 'is empty' }]);
    const headerRow = file.headerRow !== undefined ? file.headerRow - 1 : findHeaderRow(rows);
    if (headerRow >= rows.length) throw new ServiceError('validation_failed', `The sheet has ${rows.length} rows: there is no row ${headerRow + 1} to take the headers from.`, [{ path: 'headerRow', message: 'is past the last row' }]);
    return { read, headerRow, headers: headerTexts(rows, headerRow) };
  }

  private plan(actor: Actor, opened: { read: ReadResult; headerRow: number; headers: string[] }, lookups: Awaited<ReturnType<ActionImportRepository['lookups']>>, choices: ImportChoices): ImportPlan {
    return planImport(opened.read.sheet.rows, lookups, {
      mapping: choices.mapping,
      headerRow: opened.headerRow,
      headers: opened.headers,
      updateExisting: choices.updateExisting,
      defaultSource: choices.defaultSource,
      maxRows: this.limits.maxRows,
      actorPersonId: actor.personId,
    });
  }
}

const sortErrors = (errors: RowError[]) => [...errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));

const toContractError = (e: RowError): ImportRowError => ({ ...e, text: errorText(e) });

/** The refusal of a commit: every error is in the details (up to the listed maximum). */
function rejected(plan: ImportPlan): ServiceError {
  const errors = sortErrors(plan.errors);
  const rows = new Set(errors.map((e) => e.row).filter((r) => r !== null)).size;
  const head = rows > 0 ? `${rows} row${rows === 1 ? ' has' : 's have'} errors` : 'The mapping is not complete';
  return new ServiceError(
    'validation_failed',
    `${head}: nothing was imported. ${errorText(errors[0]!)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
    errors.slice(0, MAX_LISTED_ERRORS).map((e) => ({ path: e.row === null ? 'mapping' : `rows.${e.row}${e.field ? `.${e.field}` : ''}`, message: errorText(e) })),
  );
}

/** A UNIQUE constraint refused a row (PostgreSQL and PGlite both report SQLSTATE 23505). */
const isUniqueViolation = (error: unknown): boolean => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
