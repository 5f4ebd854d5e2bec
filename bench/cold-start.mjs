// Cold start of `npm start` (scripts/start.mjs): on an empty data directory (creates the
// embedded database, migrates, seeds the demo) and on an existing one, with each one's
// peak memory (VmHWM of the server process). Baseline in the same run: a bare Node process.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 3);

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

function startOnce(dataDir) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: '0', LOS_IGNORE_ENV_FILE: 'true' },
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no start in 120 s:\n${out}`));
    }, 120_000);
    child.stdout.on('data', (d) => {
      out += d;
      if (/Ready in \d+ ms/.test(out)) {
        const ms = performance.now() - t0;
        const mb = peakRssMb(child.pid);
        clearTimeout(timer);
        child.once('exit', () => resolve({ ms, mb }));
        child.kill('SIGTERM');
      }
    });
    child.on('exit', (code) => {
      if (code !== null && !/Ready in/.test(out)) reject(new Error(`exited ${code}:\n${out}`));
    });
  });
}

function bareNode() {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', 'console.log("up"); setTimeout(() => {}, 60000)']);
    child.stdout.once('data', () => {
      const ms = performance.now() - t0;
      const mb = peakRssMb(child.pid);
      child.once('exit', () => resolve({ ms, mb }));
      child.kill('SIGTERM');
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = { empty: [], existing: [], bare: [] };
for (let i = 0; i < runs; i += 1) {
  const dir = mkdtempSync(path.join(tmpdir(), 'los-bench-start-'));
  try {
    rows.empty.push(await startOnce(dir));
    rows.existing.push(await startOnce(dir));
    rows.bare.push(await bareNode());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const fmt = (k) => ({
  ms: Math.round(median(rows[k].map((r) => r.ms))),
  peakMb: Math.round(median(rows[k].map((r) => r.mb))),
});
const result = { empty: fmt('empty'), existing: fmt('existing'), bare: fmt('bare') };
console.log(`cold start, median of ${runs} (tab already built):`);
console.log(`  empty data dir    ${String(result.empty.ms).padStart(6)} ms  peak ${result.empty.peakMb} MB  (${(result.empty.ms / result.bare.ms).toFixed(0)}x bare node)`);
console.log(`  existing data dir ${String(result.existing.ms).padStart(6)} ms  peak ${result.existing.peakMb} MB  (${(result.existing.ms / result.bare.ms).toFixed(0)}x bare node)`);
console.log(`  bare node         ${String(result.bare.ms).padStart(6)} ms  peak ${result.bare.peakMb} MB  (baseline)`);
console.log(`  empty / existing  ${(result.empty.ms / result.existing.ms).toFixed(2)}x time, ${(result.empty.peakMb / result.existing.peakMb).toFixed(2)}x memory`);
