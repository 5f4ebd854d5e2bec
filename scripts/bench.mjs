// npm run bench: runs every benchmark under bench/ (or those named), one after another.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { buildTab, ROOT } from './tab-build.mjs';

buildTab();
const wanted = process.argv.slice(2);
const files = readdirSync(path.join(ROOT, 'bench'))
  .filter((f) => f.endsWith('.mjs') || f.endsWith('.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
let failed = 0;
for (const f of files) {
  process.stdout.write(`\n== bench/${f}\n`);
  const args = f.endsWith('.ts') ? ['--import', 'tsx', path.join('bench', f)] : [path.join('bench', f)];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
