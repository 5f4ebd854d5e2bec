import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../../config/config.js';
import { openDatabase } from '../../storage/connect.js';
import { DataDirInUseError } from '../../storage/data-dir-lock.js';
import { migrationStatus } from '../../storage/migrate.js';
import type { CliIo } from '../cli-io.js';

export type CheckResult = { status: 'ok' | 'warn' | 'fail'; title: string; detail: string };
export type Fetch = (url: string, init?: { headers?: Record<string, string>; signal?: AbortSignal }) => Promise<{ status: number }>;

/**
 * Checks configuration, database, document source, bot credentials and the tab build,
 * and says in words what is wrong and what to do. Exit code 1 when anything failed.
 */
export async function doctorCommand(io: CliIo, options: { fetch?: Fetch; tabDir: string }): Promise<number> {
  const results: CheckResult[] = [];
  let config: Config | undefined;
  try {
    config = loadConfig(io.env, io.cwd);
    results.push({ status: 'ok', title: 'Configuration', detail: `valid (AUTH_MODE=${config.authMode}, NODE_ENV=${config.nodeEnv})` });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const p of error.problems) results.push({ status: 'fail', title: `Configuration: ${p.variable}`, detail: p.problem });
  }
  if (config) {
    results.push(await checkDatabase(config));
    results.push(await checkDocumentSource(config, options.fetch ?? fetch));
    results.push(checkBot(config));
  }
  results.push(
    existsSync(path.join(options.tabDir, 'index.html'))
      ? { status: 'ok', title: 'Tab build', detail: `found in ${options.tabDir}` }
      : { status: 'warn', title: 'Tab build', detail: 'not built yet: npm start builds it, or run npm run build' },
  );

  const mark = { ok: 'OK  ', warn: 'WARN', fail: 'FAIL' } as const;
  for (const r of results) io.out(`${mark[r.status]}  ${r.title}: ${r.detail}`);
  const failed = results.filter((r) => r.status === 'fail').length;
  io.out(failed === 0 ? 'Nothing is wrong.' : `${failed} problem(s) need fixing before Line of Sight can run.`);
  return failed === 0 ? 0 : 1;
}

async function checkDatabase(config: Config): Promise<CheckResult> {
  const where = config.database.kind === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL at DATABASE_URL';
  let database;
  try {
    database = await openDatabase(config.database);
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      return { status: 'warn', title: 'Database', detail: `${where} is open in the running server (pid ${error.pid}); it cannot be checked from here while it runs. /readyz reports its state.` };
    }
    return { status: 'fail', title: 'Database', detail: `${where} could not be opened: ${(error as Error).message}` };
  }
  try {
    if (!(await database.ping())) {
      return { status: 'fail', title: 'Database', detail: `${where} does not answer. Check that the server is running and DATABASE_URL is right.` };
    }
    const s = await migrationStatus(database.db);
    if (s.unknown.length > 0) return { status: 'fail', title: 'Database', detail: `${where} has migrations this build does not know (${s.unknown.join(', ')}): deploy the newer build.` };
    if (s.pending.length > 0) return { status: 'warn', title: 'Database', detail: `${where} answers, but ${s.pending.length} migration(s) are pending: run npx los migrate (npm start also applies them).` };
    return { status: 'ok', title: 'Database', detail: `${where} answers; schema current (${s.applied.length} migration(s)).` };
  } finally {
    await database.close();
  }
}

async function checkDocumentSource(config: Config, fetchFn: Fetch): Promise<CheckResult> {
  if (config.documentSource === 'local') {
    const dir = config.documentLibraryDir;
    if (!existsSync(dir)) return { status: 'warn', title: 'Document source', detail: `local folder ${dir} does not exist yet; npm start creates it with the demo library, or create it and put the papers there.` };
    if (!statSync(dir).isDirectory()) return { status: 'fail', title: 'Document source', detail: `${dir} is not a folder: set DOCUMENT_LIBRARY_DIR to a folder.` };
    return { status: 'ok', title: 'Document source', detail: `local folder ${dir} (${readdirSync(dir).length} entries at the top).` };
  }
  if (!config.graphToken) {
    return { status: 'warn', title: 'Document source', detail: `Microsoft Graph at ${config.graphBaseUrl} with app credentials; the token is checked at the first sync.` };
  }
  try {
    const res = await fetchFn(`${config.graphBaseUrl}/sites/root`, { headers: { authorization: `Bearer ${config.graphToken}` }, signal: AbortSignal.timeout(5000) });
    if (res.status === 401 || res.status === 403) return { status: 'fail', title: 'Document source', detail: `Microsoft Graph at ${config.graphBaseUrl} refused GRAPH_TOKEN (HTTP ${res.status}): the token is expired or lacks Sites.Selected.` };
    if (res.status >= 500) return { status: 'fail', title: 'Document source', detail: `Microsoft Graph at ${config.graphBaseUrl} answered HTTP ${res.status}: try again later.` };
    return { status: 'ok', title: 'Document source', detail: `Microsoft Graph at ${config.graphBaseUrl} answers (HTTP ${res.status}).` };
  } catch (error) {
    return { status: 'fail', title: 'Document source', detail: `Microsoft Graph at ${config.graphBaseUrl} cannot be reached: ${(error as Error).message}. Check GRAPH_BASE_URL and the network.` };
  }
}

function checkBot(config: Config): CheckResult {
  if (!config.bot) {
    return config.authMode === 'dev'
      ? { status: 'warn', title: 'Bot credentials', detail: 'none: the bot endpoint accepts unauthenticated activities, which is right for local tools (Agents Playground) only.' }
      : { status: 'fail', title: 'Bot credentials', detail: 'BOT_ID is not set: the bot cannot authenticate Teams or send messages.' };
  }
  const how = config.bot.type === 'UserAssignedMSI' ? 'a user-assigned managed identity' : 'a client secret (BOT_PASSWORD)';
  return { status: 'ok', title: 'Bot credentials', detail: `BOT_ID ${config.bot.appId}, ${config.bot.type} in tenant ${config.bot.tenantId}, with ${how}.` };
}
