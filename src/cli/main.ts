import { DEFAULT_TAB_DIR } from '../paths.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { DataDirInUseError } from '../storage/data-dir-lock.js';
import { type CliIo, processIo } from './cli-io.js';
import { doctorCommand } from './commands/doctor.js';
import { migrateCommand } from './commands/migrate.js';
import { seedCommand } from './commands/seed.js';
import { sourcesCommand } from './commands/sources.js';
import { syncCommand } from './commands/sync.js';
import { searchCommand } from './commands/search.js';
import { actionsCommand } from './commands/actions.js';
import { packageCommand } from './commands/package.js';
import { reportCommand } from './commands/report.js';
import { partnershipCommand } from './commands/partnership.js';
import { CliUsageError } from './cli-partnership.js';
import { ServiceError } from '../services/errors.js';

const USAGE = `Line of Sight admin CLI

Usage: npx los <command> [options]

Commands:
  migrate        Apply pending database migrations.
  seed --demo    Add the synthetic "Demo Borough" partnership and its document library.
  doctor         Check configuration, database, document source, bot credentials and the tab build.
  sources ...    Where each forum's papers are: list, set, remove (npx los sources for help).
  sync           Bring in the papers of every configured library now.
  search QUERY   Search the text of every paper (--json, --forum, --type, --from, --to, --limit).
  actions ...    Import a tracker from Excel or CSV, or export the tracker (npx los actions help).
  report KIND --period P  The annual statement or a quarterly report as a Word document (npx los report --help).
  package --env NAME  Build the Teams app package from manifest/ and env/.env.NAME (npx los package --help).
  partnership export --out FILE.zip  Export everything a partnership holds (npx los partnership help).
  help           Show this help.

Configuration comes from the environment, as for the server (see README.md).`;

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  try {
    if (command === 'doctor') return await doctorCommand(io, { tabDir: DEFAULT_TAB_DIR });
    if (command === 'package') return await packageCommand(args, io);
    const config = loadConfig(io.env, io.cwd);
    if (command === 'migrate') return await migrateCommand(config, io);
    if (command === 'seed') return await seedCommand(config, args, io);
    if (command === 'sources') return await sourcesCommand(config, args, io);
    if (command === 'sync') return await syncCommand(config, args, io);
    if (command === 'search') return await searchCommand(config, args, io);
    if (command === 'actions') return await actionsCommand(config, args, io);
    if (command === 'report') return await reportCommand(config, args, io);
    if (command === 'partnership') return await partnershipCommand(config, args, io);
    io.err(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.err(error.message);
      return 2;
    }
    if (error instanceof ServiceError) {
      io.err(error.message);
      return 1;
    }
    if (error instanceof ConfigError || error instanceof DataDirInUseError) {
      io.err(error.message);
      return error instanceof ConfigError ? 78 : 1;
    }
    io.err(`The command failed: ${(error as Error)?.message ?? String(error)}`);
    return 1;
  }
}
