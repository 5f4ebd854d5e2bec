import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config/config.js';
import { cliActor } from '../../services/actor.js';
import { PartnershipExportService } from '../../services/partnership-export-service.js';
import { openDatabase } from '../../storage/connect.js';
import { migrateToLatest } from '../../storage/migrate.js';
import type { CliIo } from '../cli-io.js';
import { lastValue, parseOptions } from '../cli-options.js';
import { choosePartnership, CliUsageError } from '../cli-partnership.js';

export const PARTNERSHIP_USAGE = `Usage: npx los partnership export [--partnership NAME|ID] --out FILE.zip

  export   Everything the partnership holds, as JSON lines in a zip (one file per table, and manifest.json).
           Written as it is read, so a large partnership needs little memory. Recorded in the audit log.`;

/** `npx los partnership export`. */
export async function partnershipCommand(config: Config, args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'help' || sub === '--help') {
    io.out(PARTNERSHIP_USAGE);
    return 0;
  }
  if (sub !== 'export') {
    io.err(PARTNERSHIP_USAGE);
    return 2;
  }
  const o = parseOptions(rest, { flags: [], values: ['partnership', 'out'] });
  if (o.positional.length > 0) throw new CliUsageError(`Unexpected "${o.positional[0]}".\n\n${PARTNERSHIP_USAGE}`);
  const out = lastValue(o, 'out');
  if (!out) throw new CliUsageError(`Say where to write the zip with --out.\n\n${PARTNERSHIP_USAGE}`);
  const outPath = path.resolve(io.cwd, out);

  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const partnership = await choosePartnership(database.db, o.values.has('partnership') ? ['--partnership', lastValue(o, 'partnership')!] : []);
    const actor = cliActor(partnership.id, os.userInfo().username);
    // Written beside the target and renamed at the end: a failed export leaves no half a zip under its name.
    const tmp = `${outPath}.${process.pid}.tmp`;
    const file = createWriteStream(tmp);
    try {
      const summary = await new PartnershipExportService(database.db).export(actor, (chunk) =>
        new Promise<void>((resolve, reject) => (file.write(chunk, (error) => (error ? reject(error) : resolve())))),
      );
      await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
      await rename(tmp, outPath);
      io.out(`Wrote ${summary.rows} row(s) from ${Object.keys(summary.tables).length} table(s) of ${partnership.name} to ${outPath}.`);
      return 0;
    } catch (error) {
      file.destroy();
      await rm(tmp, { force: true });
      throw error;
    }
  } finally {
    await database.close();
  }
}
