/**
 * The reliability suite's server: a real child process (test/reliability/support/server-process.ts) on a
 * fresh database of its own, which can be stopped, killed with SIGKILL and started again on the same data.
 * PGlite is file-backed (DATA_DIR), so a kill leaves on disk whatever PostgreSQL-in-WebAssembly wrote;
 * PostgreSQL is a new database on TEST_DATABASE_URL's server, dropped at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, createWriteStream, mkdtempSync, readFileSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/paths.js';
import { openDatabase, type DatabaseHandle } from '../../../src/storage/connect.js';
import pg from 'pg';

export type DatabaseKind = 'pglite' | 'postgres';

/** The databases this run covers: both, unless RELIABILITY_DATABASES names one (development only). */
export function reliabilityDatabases(): DatabaseKind[] {
  const only = process.env.RELIABILITY_DATABASES;
  const kinds: DatabaseKind[] = only ? (only.split(',').map((s) => s.trim()) as DatabaseKind[]) : ['pglite', 'postgres'];
  if (kinds.includes('postgres') && !process.env.TEST_DATABASE_URL) {
    throw new Error('TEST_DATABASE_URL is not set: the reliability suite runs on PostgreSQL too (scripts/reliability.mjs sets it).');
  }
  return kinds;
}

/** One database, and a data directory (PGlite's files, the demo library, document content). */
export interface Target {
  kind: DatabaseKind;
  dataDir: string;
  env: Record<string, string>;
  /** Opens the database from this process. For PGlite, only while no server runs on it. */
  inspect(): Promise<DatabaseHandle>;
  dispose(): Promise<void>;
}

/**
 * A seeded database and data directory that each part copies instead of seeding its own (the demo seed is
 * the slowest part of a start): scripts/reliability.mjs makes one per database before the parts and passes
 * it in RELIABILITY_TEMPLATES. Without it, each target seeds on its first start.
 */
export interface Templates {
  pglite?: { dataDir: string };
  postgres?: { dataDir: string; database: string };
}

const templates = (): Templates => (process.env.RELIABILITY_TEMPLATES ? (JSON.parse(process.env.RELIABILITY_TEMPLATES) as Templates) : {});

const adminUrl = () => {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: the reliability suite runs on PostgreSQL too (scripts/reliability.mjs sets it).');
  return url;
};

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function freshTarget(kind: DatabaseKind): Promise<Target> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `los-reliability-${kind}-`));
  const template = templates()[kind];
  if (template) cpSync(template.dataDir, dataDir, { recursive: true });
  if (kind === 'pglite') {
    return {
      kind,
      dataDir,
      env: { DATA_DIR: dataDir },
      inspect: () => openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') }),
      async dispose() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  // An empty database (the server migrates it at start-up, as in production), or a copy of the template.
  const name = `los_reliability_${process.pid}_${randomBytes(4).toString('hex')}`;
  const from = (template as Templates['postgres'])?.database;
  await admin(`CREATE DATABASE ${name}${from ? ` TEMPLATE ${from}` : ''}`);
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  const url = u.toString();
  return {
    kind,
    dataDir,
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    inspect: () => openDatabase({ kind: 'postgres', url }),
    async dispose() {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Makes sure the target holds the demo partnership (a copy of the template has it already), with no server left running. */
export async function ensureSeeded(target: Target): Promise<void> {
  if (templates()[target.kind]) return;
  const server = await startServer(target, {}, 'seed');
  await server.stop();
}

/** Seeds a target once and keeps it (not disposed) as the template the parts copy. */
export async function makeTemplate(kind: DatabaseKind): Promise<NonNullable<Templates[DatabaseKind]>> {
  const target = await freshTarget(kind);
  const server = await startServer(target, {}, 'template');
  await server.stop();
  if (kind === 'pglite') return { dataDir: target.dataDir };
  return { dataDir: target.dataDir, database: new URL(target.env.DATABASE_URL!).pathname.slice(1) };
}

export async function disposeTemplates(t: Templates): Promise<void> {
  if (t.postgres) await admin(`DROP DATABASE IF EXISTS ${t.postgres.database} WITH (FORCE)`);
  for (const x of [t.pglite, t.postgres]) if (x) rmSync(x.dataDir, { recursive: true, force: true });
}

export interface ServerProcess {
  pid: number;
  url: string;
  /** True when this start seeded the demo partnership. */
  seeded: boolean;
  /** Peak resident memory so far (VmHWM), in bytes; undefined where /proc is not available. */
  peakMemoryBytes(): number | undefined;
  /** Lines the server logged at level error since it started. */
  loggedErrors(): string[];
  /** The event-loop stalls over a second it logged, in ms. */
  stalls(): number[];
  /** SIGKILL: no shutdown code runs. Resolves when the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM: the server's own orderly stop. */
  stop(): Promise<void>;
}

const ENTRY = path.join(PROJECT_ROOT, 'test', 'reliability', 'support', 'server-process.ts');

/** Starts the server on the target and waits until it listens (first start: migrations and the demo seed). */
export async function startServer(target: Target, env: Record<string, string> = {}, logName = 'server'): Promise<ServerProcess> {
  // RELIABILITY_SERVER_NODE_ARGS: options for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = process.env.RELIABILITY_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ENTRY], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH!,
      HOME: process.env.HOME!,
      NODE_ENV: 'test',
      AUTH_MODE: 'dev',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      // No scheduled document sync while measuring; many users share a few demo people, so the per-person
      // request budget is lifted: the suite measures doing, not refusing.
      SYNC_INTERVAL_MINUTES: '0',
      RATE_LIMIT_PER_MINUTE: '100000',
      ...target.env,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: WriteStream = createWriteStream(path.join(target.dataDir, `${logName}.log`), { flags: 'a' });
  const errors: string[] = [];
  const stalls: number[] = [];
  let stdout = '';
  let stderrTail = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr!.on('data', (d: Buffer) => {
    const text = d.toString();
    log.write(text);
    stderrTail = (stderrTail + text).slice(-4000);
    for (const line of text.split('\n')) {
      if (line.includes('"level":"error"')) errors.push(line.slice(0, 2000));
      const stall = /"msg":"event loop stalled","ms":(\d+)/.exec(line);
      if (stall) stalls.push(Number(stall[1]));
    }
  });
  const ready = await new Promise<{ port: number; seeded: boolean }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start within 180 s.\n${stderrTail}`));
    }, 180_000);
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      log.write(d);
      const m = /RELIABILITY READY (\d+)( seeded)?/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), seeded: Boolean(m[2]) });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before it was ready.\n${stderrTail}`));
    });
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    await new Promise<void>((r) => log.end(r));
  };
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${ready.port}`,
    seeded: ready.seeded,
    peakMemoryBytes: () => peakMemory(child.pid!),
    loggedErrors: () => [...errors],
    stalls: () => [...stalls],
    kill9: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}

function peakMemory(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Opens the target's database from this process for `read`, and closes it. For PGlite, only while no server runs. */
export async function readDatabase<T>(target: Target, read: (db: DatabaseHandle) => Promise<T>): Promise<T> {
  const db = await target.inspect();
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

/** What a part collects over the databases: table rows, sections, missed goals, summary lines. */
export interface Collected {
  rows: (string | number)[][];
  sections: string[];
  failures: string[];
  summary: string[];
}

export const databaseLabel = (kind: DatabaseKind) => (kind === 'pglite' ? 'PGlite (file-backed)' : 'PostgreSQL');

/** Runs `body` on a fresh target of each database in turn, removing each afterwards. */
export async function onEachDatabase(body: (target: Target, label: string, out: Collected) => Promise<void>): Promise<Collected> {
  const out: Collected = { rows: [], sections: [], failures: [], summary: [] };
  for (const kind of reliabilityDatabases()) {
    const target = await freshTarget(kind);
    try {
      await body(target, databaseLabel(kind), out);
    } finally {
      await target.dispose();
    }
  }
  return out;
}
