// npm run test:reliability: the reliability suite (test/reliability/), each part in its own process against
// a server process of its own, on PGlite (file-backed) and PostgreSQL. Prints each part's table, writes them
// all with a summary to test-results/reliability/summary.md, and exits non-zero when a correctness goal is
// missed (errors under load, lost or partial writes, duplicates, 5xx). Timings are reported, never asserted.
// Parts to run may be named: npm run test:reliability -- crash restart
// Environment: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres, a database per part is
// created and dropped), RELIABILITY_LOAD_SECONDS (60), RELIABILITY_DATABASES=pglite (development only).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'test-results', 'reliability');
const PARTS = ['load', 'crash', 'faults', 'bad-input', 'restart'];

const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = chosen.filter((p) => !PARTS.includes(p));
if (unknown.length > 0) {
  process.stderr.write(`Unknown part(s): ${unknown.join(', ')}. The parts are: ${PARTS.join(', ')}.\n`);
  process.exit(2);
}
const parts = chosen.length > 0 ? chosen : PARTS;

process.env.TEST_DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/postgres';
const onlyPglite = process.env.RELIABILITY_DATABASES === 'pglite';
if (onlyPglite && process.env.CI === 'true') {
  process.stderr.write('RELIABILITY_DATABASES=pglite is for development: on CI the suite runs on PostgreSQL too.\n');
  process.exit(1);
}
if (!onlyPglite) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    process.stderr.write(
      `PostgreSQL does not answer at ${process.env.TEST_DATABASE_URL} (${error.message}).\n` +
        'The reliability suite runs on PostgreSQL and PGlite: start PostgreSQL, set TEST_DATABASE_URL, or (development only) RELIABILITY_DATABASES=pglite.\n',
    );
    process.exit(1);
  } finally {
    await client.end().catch(() => undefined);
  }
}

mkdirSync(RESULTS, { recursive: true });
const started = performance.now();
const tsx = (args, stdio) => spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio, env: process.env, encoding: 'utf8' });

// The demo seeded once per database; each part copies it rather than seeding its own.
process.stdout.write('== reliability: seeding the demo partnership once per database\n');
const made = tsx([path.join('test', 'reliability', 'templates.ts'), 'create'], ['ignore', 'pipe', 'inherit']);
if (made.status !== 0) {
  process.stderr.write(`Seeding the templates failed.\n${made.stdout ?? ''}`);
  process.exit(1);
}
const templateLines = made.stdout.trim().split('\n');
process.stdout.write(`${templateLines.slice(0, -1).join('\n')}\n`);
process.env.RELIABILITY_TEMPLATES = templateLines.at(-1);

const results = [];
for (const part of parts) {
  const file = path.join(RESULTS, `${part}.json`);
  rmSync(file, { force: true });
  process.stdout.write(`\n== reliability: ${part}\n`);
  const r = tsx([path.join('test', 'reliability', `${part}.ts`)], 'inherit');
  if (existsSync(file)) results.push(JSON.parse(readFileSync(file, 'utf8')));
  else results.push({ part, title: part, failures: [`the part exited (${r.status ?? r.signal}) without a result`], summary: [], markdown: '', seconds: 0 });
}
tsx([path.join('test', 'reliability', 'templates.ts'), 'dispose', process.env.RELIABILITY_TEMPLATES], 'inherit');
const minutes = (performance.now() - started) / 60_000;

const failed = results.filter((r) => r.failures.length > 0);
const lines = [
  '# Reliability suite',
  '',
  `Run ${new Date().toISOString()}; ${parts.join(', ')}; ${minutes.toFixed(1)} minutes; load ${process.env.RELIABILITY_LOAD_SECONDS ?? 60} s; databases: ${onlyPglite ? 'PGlite only' : 'PGlite and PostgreSQL'}.`,
  '',
  '## Summary',
  '',
  ...results.flatMap((r) => r.summary.map((s) => `- ${s}`)),
  '',
  failed.length === 0 ? 'Every correctness goal met.' : `Goals missed:\n\n${failed.flatMap((r) => r.failures.map((f) => `- ${r.part}: ${f}`)).join('\n')}`,
  '',
  ...results.flatMap((r) => [`## ${r.title}`, '', r.markdown, '', `(${r.seconds.toFixed(1)} s)`, '']),
];
writeFileSync(path.join(RESULTS, 'summary.md'), lines.join('\n'));
process.stdout.write(`\n== reliability summary (${minutes.toFixed(1)} min; test-results/reliability/summary.md)\n`);
for (const r of results) for (const s of r.summary) process.stdout.write(`  ${s}\n`);
if (failed.length > 0) {
  process.stdout.write(`\nGoals missed in: ${failed.map((r) => r.part).join(', ')}\n`);
  process.exit(1);
}
process.stdout.write('\nEvery correctness goal met.\n');
