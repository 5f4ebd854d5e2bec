/**
 * Builds the tab from the current sources into a directory of the bench's own, with Vite's manifest on:
 * the figures then describe these sources, and a rebuild of dist/tab during the run cannot disturb them.
 * Beside the manifest it records which modules each chunk holds (.vite/chunk-modules.json), since a lazy
 * part of the tab may be built into a chunk named after something else (tab/chunk-groups.ts).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Plugin } from 'vite';
import { PROJECT_ROOT } from '../../src/paths.js';

function recordChunkModules(): Plugin {
  return {
    name: 'los-bench-chunk-modules',
    writeBundle(options, bundle) {
      const modules: Record<string, string[]> = {};
      for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') modules[chunk.fileName] = chunk.moduleIds;
      mkdirSync(path.join(options.dir!, '.vite'), { recursive: true });
      writeFileSync(path.join(options.dir!, '.vite', 'chunk-modules.json'), JSON.stringify(modules));
    },
  };
}

export async function buildTabInto(outDir: string = mkdtempSync(path.join(tmpdir(), 'los-bench-tab-'))): Promise<string> {
  await build({
    configFile: path.join(PROJECT_ROOT, 'tab', 'vite.config.ts'),
    logLevel: 'error',
    plugins: [recordChunkModules()],
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  return outDir;
}
