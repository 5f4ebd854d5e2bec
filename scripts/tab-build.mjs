import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = path.join(ROOT, 'dist', 'tab', 'index.html');
// The tab bundles these: a change in any of them makes the build stale.
const INPUTS = ['tab', 'src/contract', 'src/domain', 'src/server/compressed-copies.ts', 'package-lock.json'];

function newestMtime(p) {
  const full = path.join(ROOT, p);
  if (!existsSync(full)) return 0;
  const s = statSync(full);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

export function tabIsStale() {
  if (!existsSync(OUTPUT)) return true;
  const built = statSync(OUTPUT).mtimeMs;
  return INPUTS.some((p) => newestMtime(p) > built);
}

/** Builds the tab with Vite when its sources are newer than the build (or when forced). */
export function buildTab({ force = false, quiet = false } = {}) {
  if (!force && !tabIsStale()) return false;
  if (!quiet) process.stdout.write('Building the tab (Vite)…\n');
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'tab/vite.config.ts', '--logLevel', quiet ? 'error' : 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('The tab build failed (see the output above).');
  return true;
}
