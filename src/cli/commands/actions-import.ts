import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { errorText } from '../../action-import/error-text.js';
import { IMPORT_LIMITS } from '../../action-import/import-limits.js';
import { parseSource } from '../../action-import/parse-values.js';
import type { ColumnMapping } from '../../action-import/suggest-mapping.js';
import type { Config } from '../../config/config.js';
import type { ImportRead } from '../../contract/action-import.js';
import { IMPORT_FIELD_INFO, IMPORT_FIELDS, type ImportField, normaliseHeader } from '../../domain/action-import-fields.js';
import { ActionImportService, type ImportFileInput } from '../../services/action-import-service.js';
import { cliActor } from '../../services/actor.js';
import { ServiceError } from '../../services/errors.js';
import { openDatabase } from '../../storage/connect.js';
import { migrateToLatest } from '../../storage/migrate.js';
import { columnIndex } from '../../tabular/table.js';
import type { CliIo } from '../cli-io.js';
import { lastValue, parseOptions } from '../cli-options.js';
import { choosePartnership, CliUsageError } from '../cli-partnership.js';
import { ACTIONS_USAGE } from './actions-usage.js';

/** `npx los actions import FILE …`: read, preview (errors listed, exit 1), then commit unless --dry-run. */
export async function actionsImportCommand(config: Config, args: string[], io: CliIo): Promise<number> {
  const o = parseOptions(args, { flags: ['dry-run', 'update-existing'], values: ['partnership', 'sheet', 'map', 'header-row', 'default-source'] });
  if (o.positional.length !== 1) throw new CliUsageError(`Say which file to import.\n\n${ACTIONS_USAGE}`);
  const filePath = path.resolve(io.cwd, o.positional[0]!);
  const size = await stat(filePath).then((s) => s.size, () => undefined);
  if (size === undefined) throw new CliUsageError(`There is no file ${filePath}.`);
  if (size > IMPORT_LIMITS.maxFileBytes) {
    io.err(`${filePath} is ${(size / 1024 / 1024).toFixed(1)} MB: at most ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB can be imported.`);
    return 1;
  }
  const headerRowText = lastValue(o, 'header-row');
  const headerRow = headerRowText === undefined ? undefined : Number(headerRowText);
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) throw new CliUsageError('--header-row must be a row number (1 or more).');
  const sourceText = lastValue(o, 'default-source');
  const source = sourceText === undefined ? undefined : parseSource({ kind: 'text', text: sourceText });
  if (source && (!source.ok || source.value === null)) throw new CliUsageError(`--default-source ${source.ok ? 'needs a value' : source.message}`);
  const file: ImportFileInput = { fileName: path.basename(filePath), bytes: await readFile(filePath), sheet: lastValue(o, 'sheet'), headerRow };

  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const partnership = await choosePartnership(database.db, o.values.has('partnership') ? ['--partnership', lastValue(o, 'partnership')!] : []);
    const actor = cliActor(partnership.id, os.userInfo().username);
    const service = new ActionImportService(database.db);

    const read = await service.read(actor, file);
    const mapping = applyMapOverrides(read, o.values.get('map') ?? []);
    io.out(`${file.fileName}: ${read.format === 'xlsx' ? `sheet "${read.sheet}"${read.sheets.length > 1 ? ` (of ${read.sheets.map((s) => `"${s}"`).join(', ')})` : ''}` : 'CSV'}, headers on row ${read.headerRow}, ${read.dataRows} row(s) below them. Importing into ${partnership.name}.`);
    for (const line of describeMapping(read, mapping)) io.out(line);

    const choices = { mapping, updateExisting: o.flags.has('update-existing'), defaultSource: source?.ok ? (source.value ?? undefined) : undefined };
    const preview = await service.preview(actor, file, choices);
    io.out(`${preview.dataRows} row(s): ${preview.creates} to create, ${preview.updates} to update, ${preview.unchanged} unchanged.`);
    if (!preview.ready) {
      for (const e of preview.errors) io.err(e.text);
      if (preview.errorCount > preview.errors.length) io.err(`… and ${preview.errorCount - preview.errors.length} more.`);
      io.err(`${preview.errorCount} error(s): nothing was imported. Correct the file (or the mapping with --map) and run the import again.`);
      return 1;
    }
    if (o.flags.has('dry-run')) {
      io.out('Dry run: every row can be imported; nothing was written.');
      return 0;
    }
    const done = await service.commit(actor, file, choices);
    io.out(`Imported ${file.fileName}: ${done.created} created, ${done.updated} updated, ${done.unchanged} unchanged.`);
    return 0;
  } catch (error) {
    if (error instanceof ServiceError && error.kind === 'validation_failed') {
      for (const d of error.details ?? [{ path: '', message: error.message }]) io.err(d.message);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

const FIELD_BY_NAME = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((f) => [
    [f.toLowerCase(), f],
    [normaliseHeader(IMPORT_FIELD_INFO[f].label), f],
  ]),
);
FIELD_BY_NAME.set('action', 'title');
FIELD_BY_NAME.set('due', 'dueDate');
FIELD_BY_NAME.set('percent', 'percentComplete');

/** The suggested mapping with each `--map FIELD=HEADER` applied (a header by its text, or a column letter). */
export function applyMapOverrides(read: Pick<ImportRead, 'columns' | 'suggestedMapping'>, overrides: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = { ...read.suggestedMapping };
  for (const o of overrides) {
    const eq = o.indexOf('=');
    if (eq < 1) throw new CliUsageError(`--map needs FIELD=HEADER, e.g. --map owner="Lead officer" (not "${o}").`);
    const name = o.slice(0, eq).trim();
    const field = FIELD_BY_NAME.get(name.toLowerCase().replace(/[-_ ]/g, '')) ?? FIELD_BY_NAME.get(normaliseHeader(name));
    if (!field) throw new CliUsageError(`--map: there is no field "${name}". Fields: ${IMPORT_FIELDS.join(', ')}.`);
    const header = o.slice(eq + 1).trim();
    if (!header) {
      delete mapping[field];
      continue;
    }
    const byHeader = read.columns.filter((c) => c.header.toLowerCase() === header.toLowerCase());
    if (byHeader.length > 1) throw new CliUsageError(`--map ${name}: ${byHeader.length} columns are headed "${header}": name the column by its letter (${byHeader.map((c) => c.letter).join(' or ')}).`);
    const index = byHeader[0]?.index ?? columnIndex(header);
    if (index === undefined || index >= read.columns.length) {
      throw new CliUsageError(`--map ${name}: no column is headed "${header}". The headers are: ${read.columns.map((c) => `${c.letter} "${c.header}"`).join(', ')}.`);
    }
    // A column fills one field: taking it for this one frees it from any other.
    for (const f of IMPORT_FIELDS) if (mapping[f] === index) delete mapping[f];
    mapping[field] = index;
  }
  return mapping;
}

function describeMapping(read: ImportRead, mapping: ColumnMapping): string[] {
  const lines: string[] = [];
  for (const f of IMPORT_FIELDS) {
    const col = mapping[f];
    if (col === undefined) continue;
    const c = read.columns[col]!;
    lines.push(`  ${IMPORT_FIELD_INFO[f].label.padEnd(17)} ← ${c.letter} "${c.header}"`);
  }
  const used = new Set(Object.values(mapping));
  for (const c of read.columns) {
    if (used.has(c.index) || !c.header) continue;
    lines.push(`  (not imported)    ${c.letter} "${c.header}"${c.ignored ? `: ${c.ignored}` : ''}`);
  }
  const missing = IMPORT_FIELDS.filter((f) => IMPORT_FIELD_INFO[f].required && mapping[f] === undefined);
  if (missing.length) lines.push(`  No column found for: ${missing.map((f) => IMPORT_FIELD_INFO[f].label).join(', ')} (use --map).`);
  return lines;
}
