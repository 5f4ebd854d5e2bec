import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config/config.js';
import { OpenReportDraft, REPORT_KINDS, type ReportKind } from '../../contract/reports.js';
import { ReportStoreError, reportLibraryFor } from '../../reports/report-library.js';
import { ReportService } from '../../reports/report-service.js';
import type { Actor } from '../../services/actor.js';
import { ServiceError } from '../../services/errors.js';
import { DashboardService } from '../../services/dashboard-service.js';
import { openDatabase } from '../../storage/connect.js';
import { migrationStatus } from '../../storage/migrate.js';
import { DashboardRepository } from '../../storage/repositories/dashboard-repository.js';
import type { CliIo } from '../cli-io.js';
import { lastValue, parseOptions } from '../cli-options.js';
import { choosePartnership, CliUsageError } from '../cli-partnership.js';

export const REPORT_USAGE = `Usage: npx los report annual|quarterly --period PERIOD [options]

Generates the annual statement of assurance or a quarterly progress report from the evidence, as the
tab does: the scrutineer's draft (their narratives and evidence choices) becomes a Word document, saved
to the partnership's reports folder as a new version (SharePoint with DOCUMENT_SOURCE=graph, else
REPORTS_LOCAL_DIR). Private observations never go into it.

Options:
  --period PERIOD       A scrutiny year for annual (2026/27), a calendar quarter for quarterly (2026-Q3).
  --out FILE            Also write the document to FILE (.docx).
  --as PERSON           The scrutineer whose draft it is (email, name or id); needed when there are several.
  --partnership ID      Which partnership, when the database holds more than one.
  --identifiers-confirmed  Generate although the narratives have text the child-identifier guard flags
                        (it lists each passage when it refuses).`;

/** `npx los report`: generate a report from the command line, as its scrutineer. */
export async function reportCommand(config: Config, args: string[], io: CliIo): Promise<number> {
  const o = parseOptions(args, { flags: ['help', 'identifiers-confirmed'], values: ['period', 'out', 'as', 'partnership'] });
  if (o.flags.has('help')) {
    io.out(REPORT_USAGE);
    return 0;
  }
  const kind = o.positional[0];
  if (!kind || !(REPORT_KINDS as readonly string[]).includes(kind) || o.positional.length > 1) {
    throw new CliUsageError(`Say which report: annual or quarterly.\n\n${REPORT_USAGE}`);
  }
  // The contract's own check, so the CLI refuses exactly what the API refuses.
  const checked = OpenReportDraft.safeParse({ kind, period: lastValue(o, 'period') ?? '' });
  if (!checked.success) throw new CliUsageError(`--period ${checked.error.issues[0]!.message}.\n\n${REPORT_USAGE}`);
  const out = lastValue(o, 'out');

  const database = await openDatabase(config.database);
  try {
    if (!(await migrationStatus(database.db)).current) {
      io.err('The database schema is not current. Run npx los migrate first.');
      return 1;
    }
    const partnership = await choosePartnership(database.db, args);
    const actor = await scrutineerActor(database.db, partnership.id, lastValue(o, 'as'));
    const service = new ReportService({
      db: database.db,
      dashboard: new DashboardService(new DashboardRepository(database.db), undefined, config.actionRag),
      library: reportLibraryFor(config, database.db),
      publicUrl: config.publicUrl,
      teamsAppId: config.teamsAppId,
      ragThresholds: config.actionRag,
    });
    const draft = await service.open(actor, { kind: kind as ReportKind, period: checked.data.period });
    let generated;
    try {
      generated = await service.generate(actor, draft.id, { identifiersConfirmed: o.flags.has('identifiers-confirmed') });
    } catch (error) {
      if (error instanceof ServiceError && error.kind === 'child_identifiers_flagged') {
        io.err([error.message, ...(error.details ?? []).map((d) => `  ${d.path.replace('body.narrative.', 'section ')}: ${d.message}`), 'Edit the narrative in the tab, or run again with --identifiers-confirmed.'].join('\n'));
        return 1;
      }
      if (!(error instanceof ReportStoreError)) throw error;
      io.err(`${error.message}\n${error.advice}`);
      return 1;
    }
    const d = generated.document;
    io.out(`${draft.title} for ${partnership.name}${draft.empty ? ' (no evidence in this period)' : ''}.`);
    io.out(`Saved ${d.fileName}, version ${d.version}, to ${d.webUrl ?? d.localPath}.`);
    if (out) {
      const file = await service.download(actor, d.id);
      const target = path.resolve(io.cwd, out);
      await writeFile(target, file.bytes);
      io.out(`Written to ${target}.`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

/** The scrutineer the CLI acts as: --as, or the partnership's only one. */
async function scrutineerActor(db: Awaited<ReturnType<typeof openDatabase>>['db'], partnershipId: string, wanted: string | undefined): Promise<Actor> {
  const people = await db
    .selectFrom('people')
    .select(['id', 'display_name', 'email'])
    .where('partnership_id', '=', partnershipId)
    .where('role', '=', 'scrutineer')
    .where('is_active', '=', true)
    .orderBy('display_name')
    .execute();
  const w = wanted?.trim().toLowerCase();
  const matches = w ? people.filter((p) => p.id === w || p.email?.toLowerCase() === w || p.display_name.toLowerCase() === w) : people;
  const names = people.map((p) => `${p.display_name}${p.email ? ` <${p.email}>` : ''}`).join('; ') || 'none';
  if (matches.length !== 1) {
    throw new CliUsageError(
      w ? `No scrutineer of this partnership is "${wanted}". Scrutineers: ${names}.` : `Say whose draft with --as: the scrutineers are ${names}.`,
    );
  }
  const person = matches[0]!;
  return { personId: person.id, partnershipId, role: 'scrutineer', displayName: `${person.display_name} (CLI)`, surface: 'cli' };
}
