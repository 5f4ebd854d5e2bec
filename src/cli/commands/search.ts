import type { Config } from '../../config/config.js';
import { type SearchHit, SearchQuery, type SearchResponse, splitHighlights } from '../../contract/search.js';
import type { Actor } from '../../services/actor.js';
import { ServiceError } from '../../services/errors.js';
import { SearchService } from '../../services/search-service.js';
import { openDatabase } from '../../storage/connect.js';
import { migrationStatus } from '../../storage/migrate.js';
import { ForumsRepository } from '../../storage/repositories/forums-repository.js';
import { SearchRepository } from '../../storage/repositories/search-repository.js';
import type { CliIo } from '../cli-io.js';

export const SEARCH_USAGE = `Usage: npx los search QUERY [options]

Searches the text of every agenda, paper and set of minutes of a partnership.
QUERY uses web-search syntax: words (all must match, any form: "audits" finds "audited"),
"an exact phrase", -word to leave a word out, or between alternatives.

Options:
  --forum NAME          Only this forum's documents (its name, as listed by the tab).
  --type TYPE           agenda, paper, minutes, report or other.
  --from YYYY-MM-DD     On or after this date (the meeting's date, else the document's).
  --to YYYY-MM-DD       On or before this date.
  --limit N             At most N results (1–100, default 20).
  --partnership ID      Which partnership, when the database holds more than one.
  --json                Print the API's SearchResponse as JSON. Its snippets are plain text with each
                        matched word between the characters U+0002 and U+0003 (the human output shows «word»).`;

const VALUE_FLAGS = ['forum', 'type', 'from', 'to', 'limit', 'partnership'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

interface ParsedArgs {
  words: string[];
  json: boolean;
  help: boolean;
  values: Partial<Record<ValueFlag, string>>;
}

/** `--name value` or `--name=value`; anything else not starting with -- is part of the query. */
function parseArgs(args: string[]): ParsedArgs | { error: string } {
  const out: ParsedArgs = { words: [], json: false, help: false, values: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.words.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      out.words.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (name === 'json' && inline === undefined) out.json = true;
    else if (name === 'help' && inline === undefined) out.help = true;
    else if ((VALUE_FLAGS as readonly string[]).includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) return { error: `--${name} needs a value.` };
      out.values[name as ValueFlag] = value;
    } else return { error: `Unknown option ${arg}.` };
  }
  return out;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "2026-01-14" → "14 January 2026". */
export const formatIsoDate = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));

/** The snippet with its matched words in «guillemets», which survive any terminal. */
export const markSnippet = (snippet: string) =>
  splitHighlights(snippet)
    .map((p) => (p.highlighted ? `«${p.text}»` : p.text))
    .join('');

function describeHit(hit: SearchHit, n: number): string[] {
  const date = hit.meetingDate ?? hit.documentDate;
  const facts = [hit.forumName, date ? formatIsoDate(date) : null, `page ${hit.pageNumber}`, hit.fileName].filter(Boolean);
  return [`${n}. ${hit.title} (${hit.kind})`, `   ${facts.join(' · ')}`, `   ${markSnippet(hit.snippet)}`];
}

function printHuman(io: CliIo, r: SearchResponse, partnershipName: string): void {
  if (r.total === 0) {
    io.out(`Nothing in ${partnershipName} matches "${r.query}".`);
    io.out('Try fewer or other words, check the spelling, or remove filters. Papers appear here once their text has been read.');
    return;
  }
  const last = r.offset + r.hits.length;
  const pages = r.total === 1 ? '1 page matches' : `${r.total} pages match`;
  io.out(`${pages} "${r.query}" in ${partnershipName}${r.hits.length < r.total ? ` (showing ${r.offset + 1}–${last})` : ''}:`);
  r.hits.forEach((hit, i) => {
    io.out('');
    for (const line of describeHit(hit, r.offset + i + 1)) io.out(line);
  });
}

/** `npx los search`: the same search as the tab's, from the command line, as a read-only actor. */
export async function searchCommand(config: Config, args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if ('error' in parsed) {
    io.err(`${parsed.error}\n\n${SEARCH_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.out(SEARCH_USAGE);
    return 0;
  }
  if (parsed.words.length === 0) {
    io.err(`Say what to search for.\n\n${SEARCH_USAGE}`);
    return 2;
  }
  // The contract's own checks, so the CLI refuses exactly what the API refuses.
  const checked = SearchQuery.safeParse({
    q: parsed.words.join(' '),
    type: parsed.values.type,
    from: parsed.values.from,
    to: parsed.values.to,
    limit: parsed.values.limit,
  });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const field = String(issue.path[0] ?? 'q');
    io.err(`${field === 'q' ? 'QUERY' : `--${field}`} ${issue.message}.\n\n${SEARCH_USAGE}`);
    return 2;
  }
  const query = checked.data;

  const database = await openDatabase(config.database);
  try {
    if (!(await migrationStatus(database.db)).current) {
      io.err('The database schema is not current. Run npx los migrate first.');
      return 1;
    }
    const searchRepo = new SearchRepository(database.db);
    const partnerships = await searchRepo.partnerships();
    const list = () => partnerships.map((p) => `  ${p.id}  ${p.name}`).join('\n');
    if (partnerships.length === 0) {
      io.err('The database holds no partnership yet. Add the demo one with: npx los seed --demo');
      return 1;
    }
    const wanted = parsed.values.partnership;
    const partnership = wanted ? partnerships.find((p) => p.id === wanted.toLowerCase()) : partnerships.length === 1 ? partnerships[0] : undefined;
    if (!partnership) {
      io.err(`${wanted ? `There is no partnership ${wanted}.` : 'The database holds more than one partnership: say which with --partnership ID.'}\n${list()}`);
      return 2;
    }

    let forumId: string | undefined;
    if (parsed.values.forum !== undefined) {
      const forums = await new ForumsRepository(database.db).list(partnership.id);
      const name = parsed.values.forum.trim().toLowerCase();
      const forum = forums.find((f) => f.name.toLowerCase() === name || f.id === name);
      if (!forum) {
        io.err(`${partnership.name} has no forum called "${parsed.values.forum}". Its forums are:\n${forums.map((f) => `  ${f.name}`).join('\n')}`);
        return 2;
      }
      forumId = forum.id;
    }

    // Whoever runs the CLI holds the database itself; it searches as a read-only member would.
    const actor: Actor = { personId: '00000000-0000-0000-0000-000000000000', partnershipId: partnership.id, role: 'read_only', displayName: 'Admin CLI', surface: 'cli' };
    const result = await new SearchService({ search: searchRepo }).search(actor, { ...query, forumId });
    if (parsed.json) io.out(JSON.stringify(result, null, 2));
    else printHuman(io, result, partnership.name);
    return 0;
  } catch (error) {
    if (error instanceof ServiceError && error.kind === 'validation_failed') {
      io.err(error.message);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}
