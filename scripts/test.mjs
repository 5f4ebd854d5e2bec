// npm test: builds the tab if stale (the browser tests need it), type-checks, then runs
// every vitest project: unit, repository (PGlite, and PostgreSQL with TEST_DATABASE_URL),
// integration and the Chromium tests. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildTab, ROOT } from './tab-build.mjs';

if (process.env.CI === 'true' && !process.env.TEST_DATABASE_URL) {
  process.stderr.write('TEST_DATABASE_URL is not set: on CI the repository tests must run on PostgreSQL too.\n');
  process.exit(1);
}

const run = (args, label) => {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`${label} failed.\n`);
    process.exit(r.status ?? 1);
  }
};

buildTab();
process.stdout.write('Type-checking…\n');
run([path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit'], 'The type check');

mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
const report = path.join(ROOT, 'test-results', 'vitest.json');
const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const r = spawnSync(
  process.execPath,
  [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: ROOT, stdio: 'inherit' },
);
try {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, 'utf8'));
  // A plain closing line that any CI reader understands.
  process.stdout.write(`\ntests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped\n`);
} catch {
  /* vitest printed its own summary */
}
process.exit(r.status ?? 1);
