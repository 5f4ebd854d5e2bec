import type { Config } from '../../config/config.js';
import type { CliIo } from '../cli-io.js';
import { actionsExportCommand } from './actions-export.js';
import { actionsImportCommand } from './actions-import.js';
import { ACTIONS_USAGE } from './actions-usage.js';

/** `npx los actions import|export`. */
export async function actionsCommand(config: Config, args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import') return actionsImportCommand(config, rest, io);
  if (sub === 'export') return actionsExportCommand(config, rest, io);
  if (sub === 'help' || sub === '--help') {
    io.out(ACTIONS_USAGE);
    return 0;
  }
  io.err(ACTIONS_USAGE);
  return 2;
}
