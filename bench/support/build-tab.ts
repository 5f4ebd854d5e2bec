/**
 * Builds the tab from the current sources into a directory of the bench's own, with Vite's manifest on:
 * the figures then describe these sources, and a rebuild of dist/tab during the run cannot disturb them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { PROJECT_ROOT } from '../../src/paths.js';

export async function buildTabInto(outDir: string = mkdtempSync(path.join(tmpdir(), 'los-bench-tab-'))): Promise<string> {
  await build({
    configFile: path.join(PROJECT_ROOT, 'tab', 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  return outDir;
}
