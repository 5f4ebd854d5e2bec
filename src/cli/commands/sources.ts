import os from 'node:os';
import type { Config } from '../../config/config.js';
import type { LocationInput } from '../../documents/document-source.js';
import { openDocumentServices } from '../cli-documents.js';
import { cliActor } from '../../services/actor.js';
import { choosePartnership, CliUsageError, findForum, flag } from '../cli-partnership.js';
import type { CliIo } from '../cli-io.js';

const USAGE = `npx los sources list
npx los sources set --forum NAME --site URL|ID [--library NAME] [--folder PATH]
npx los sources set --forum NAME --team TEAM_ID --channel CHANNEL_ID
npx los sources set --forum NAME --local-folder PATH
npx los sources remove --forum NAME
npx los sources conventions [--agenda WORDS] [--minutes WORDS] [--paper WORDS] [--report WORDS] [--meeting-date-field COLUMN]
  (WORDS: comma-separated; with no options, shows the conventions in force)
(add --partnership ID when the database holds more than one)`;

/** Where each forum's papers come from: the same settings the business manager makes in the tab. */
export async function sourcesCommand(config: Config, args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (!action || !['list', 'set', 'remove', 'conventions'].includes(action)) {
    io.err(`Usage:\n${USAGE}`);
    return 2;
  }
  const ctx = await openDocumentServices(config);
  try {
    const partnership = await choosePartnership(ctx.db, rest);
    const actor = cliActor(partnership.id, os.userInfo().username);
    if (action === 'list') {
      for (const f of await ctx.sources.list(actor)) {
        const s = f.source;
        const where = !s ? 'not configured' : s.kind === 'local' ? `local folder "${s.folderPath}"` : `${s.siteUrl ?? s.driveId} › ${s.driveName ?? 'library'} › ${s.folderPath || '(root)'}`;
        io.out(`${f.forumName}: ${where}${s ? ` (${s.documentCount} documents)` : ''}`);
      }
      return 0;
    }
    if (action === 'conventions') {
      const words = (name: string) => flag(rest, name)?.split(',').map((w) => w.trim()).filter(Boolean);
      const changes = Object.fromEntries(
        Object.entries({ agenda: words('agenda'), minutes: words('minutes'), paper: words('paper'), report: words('report'), meetingDateField: flag(rest, 'meeting-date-field') }).filter(([, v]) => v !== undefined),
      );
      const c = Object.keys(changes).length > 0 ? await ctx.sources.setConventions(actor, changes) : await ctx.sources.conventions(actor);
      io.out(`Agenda:  ${c.agenda.join(', ')}\nMinutes: ${c.minutes.join(', ')}\nReport:  ${c.report.join(', ')}\nPaper:   ${c.paper.join(', ')}\nMeeting date column: ${c.meetingDateField ?? '(none: dates come from file and folder names)'}`);
      if (Object.keys(changes).length > 0) io.out('Every file will be looked at again at the next sync.');
      return 0;
    }
    const forumName = flag(rest, 'forum');
    if (!forumName) throw new CliUsageError(`Say which forum with --forum.\n${USAGE}`);
    const forum = await findForum(ctx.db, partnership.id, forumName);
    if (action === 'remove') {
      await ctx.sources.removeForumSource(actor, forum.id);
      io.out(`${forum.name} no longer takes papers from a library.`);
      return 0;
    }
    const input = locationFrom(rest);
    const result = await ctx.sources.setForumSource(actor, forum.id, input);
    io.out(`${forum.name} now takes its papers from ${result.source?.kind === 'local' ? `the local folder "${result.source.folderPath}"` : `${result.source?.siteUrl ?? ''} › ${result.source?.driveName ?? ''} › ${result.source?.folderPath || '(root)'}`}.`);
    io.out('Run npx los sync to bring them in now.');
    return 0;
  } finally {
    await ctx.close();
  }
}

function locationFrom(args: string[]): LocationInput {
  const site = flag(args, 'site');
  const team = flag(args, 'team');
  const channel = flag(args, 'channel');
  const localFolder = flag(args, 'local-folder');
  if (site) return { site, library: flag(args, 'library'), folder: flag(args, 'folder') };
  if (team || channel) {
    if (!team || !channel) throw new CliUsageError('A Teams channel needs both --team and --channel.');
    return { teamId: team, channelId: channel };
  }
  if (localFolder !== undefined) return { localFolder };
  throw new CliUsageError(`Say where the papers are.\n${USAGE}`);
}
