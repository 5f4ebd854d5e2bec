import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NameIndex } from '../../action-import/match-names.js';
import { parseSource, parseStatus } from '../../action-import/parse-values.js';
import type { Config } from '../../config/config.js';
import { ActionExportQuery } from '../../contract/action-import.js';
import { ActionExportService } from '../../services/action-export-service.js';
import { cliActor } from '../../services/actor.js';
import { openDatabase } from '../../storage/connect.js';
import { migrateToLatest } from '../../storage/migrate.js';
import { ActionImportRepository } from '../../storage/repositories/action-import-repository.js';
import type { CliIo } from '../cli-io.js';
import { lastValue, parseOptions } from '../cli-options.js';
import { choosePartnership, CliUsageError } from '../cli-partnership.js';
import { ACTIONS_USAGE } from './actions-usage.js';

/** `npx los actions export --out FILE …`: the tracker, or the actions matching the filters, to .xlsx or CSV. */
export async function actionsExportCommand(config: Config, args: string[], io: CliIo): Promise<number> {
  const o = parseOptions(args, { flags: [], values: ['partnership', 'format', 'out', 'status', 'source', 'rag', 'area', 'agency', 'owner', 'search'] });
  if (o.positional.length > 0) throw new CliUsageError(`Unexpected "${o.positional[0]}".\n\n${ACTIONS_USAGE}`);
  const out = lastValue(o, 'out');
  if (!out) throw new CliUsageError(`Say where to write the file with --out.\n\n${ACTIONS_USAGE}`);
  const outPath = path.resolve(io.cwd, out);
  const format = lastValue(o, 'format') ?? (/\.csv$/i.test(out) ? 'csv' : 'xlsx');

  const status = optional(lastValue(o, 'status'), (v) => parseStatus({ kind: 'text', text: v }), 'status');
  const source = optional(lastValue(o, 'source'), (v) => parseSource({ kind: 'text', text: v }), 'source');

  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const partnership = await choosePartnership(database.db, o.values.has('partnership') ? ['--partnership', lastValue(o, 'partnership')!] : []);
    const actor = cliActor(partnership.id, os.userInfo().username);
    const lookups = await new ActionImportRepository(database.db).lookups(partnership.id);
    const find = (name: string | undefined, index: NameIndex<{ id: string; names: string[]; label: string }>, what: string) => {
      if (name === undefined) return undefined;
      const m = index.match(name);
      if ('found' in m) return m.found.id;
      if ('ambiguous' in m) throw new CliUsageError(`--${what} "${name}" matches more than one: ${m.ambiguous.map((x) => x.label).join('; ')}.`);
      throw new CliUsageError(`--${what}: there is no ${what} "${name}" in ${partnership.name}.${m.closest ? ` Did you mean "${m.closest.label}"?` : ''}`);
    };
    const checked = ActionExportQuery.safeParse({
      format,
      status,
      source,
      rag: lastValue(o, 'rag')?.toLowerCase(),
      q: lastValue(o, 'search'),
      areaId: find(lastValue(o, 'area'), new NameIndex(lookups.areas.map((a) => ({ id: a.id, names: [a.title, a.key, String(a.position)], label: a.title }))), 'area'),
      agencyId: find(lastValue(o, 'agency'), new NameIndex(lookups.agencies.map((a) => ({ id: a.id, names: [a.name], label: a.name }))), 'agency'),
      ownerId: find(lastValue(o, 'owner'), new NameIndex(lookups.people.map((p) => ({ id: p.id, names: [p.displayName, ...(p.email ? [p.email] : [])], label: p.displayName }))), 'owner'),
    });
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw new CliUsageError(`--${String(issue.path[0] ?? 'format')} ${issue.message}.`);
    }
    const file = await new ActionExportService(database.db, config.actionRag).export(actor, checked.data);
    await writeFile(outPath, file.bytes);
    io.out(`Wrote ${file.count} action(s) of ${partnership.name} to ${outPath}.`);
    return 0;
  } finally {
    await database.close();
  }
}

function optional<T>(value: string | undefined, parse: (v: string) => { ok: true; value: T | null } | { ok: false; message: string }, name: string): T | undefined {
  if (value === undefined) return undefined;
  const r = parse(value);
  if (!r.ok) throw new CliUsageError(`--${name}: ${r.message}`);
  return r.value ?? undefined;
}
