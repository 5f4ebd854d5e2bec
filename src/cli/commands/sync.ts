import type { Config } from '../../config/config.js';
import { openDocumentServices } from '../cli-documents.js';
import { choosePartnership } from '../cli-partnership.js';
import type { CliIo } from '../cli-io.js';

/** Syncs a partnership's libraries now, in this process, and says what happened. */
export async function syncCommand(config: Config, args: string[], io: CliIo): Promise<number> {
  const ctx = await openDocumentServices(config);
  try {
    const partnership = await choosePartnership(ctx.db, args);
    io.out(`Syncing the libraries of ${partnership.name}…`);
    const reports = await ctx.pipeline.runner.syncPartnership(partnership.id);
    if (reports.length === 0) {
      io.out('No forum has a library yet: set one with npx los sources set.');
      return 0;
    }
    let failed = false;
    for (const r of reports) {
      if (r.status === 'failed') {
        failed = true;
        io.err(`The sync failed: ${r.error}`);
      } else if (r.status === 'skipped') {
        io.out('Another sync of this library is running; try again when it ends.');
      } else {
        io.out(`${r.itemsSeen} change(s) read in ${r.pages} page(s); ${r.processed} file(s) applied, ${r.downloaded} downloaded${r.failedItems > 0 ? `, ${r.failedItems} could not be read` : ''}.`);
      }
    }
    return failed ? 1 : 0;
  } finally {
    await ctx.close();
  }
}
