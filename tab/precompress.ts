import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';
// Text only: images and fonts are compressed already.
import { COMPRESSIBLE, COPY_EXTENSIONS } from '../src/server/compressed-copies.js';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024;

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside each text file of the build, once, at build time, so
 * the server sends compressed bytes without compressing per request (src/server/static-tab.ts). The side
 * panel's JavaScript is about a third of its size compressed (bench/side-panel-bundle.ts).
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'los-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(dir, name);
          const content = await readFile(file);
          if (content.length < MIN_BYTES) return;
          const [br, gz] = await Promise.all([
            brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
            gzipped(content, { level: 9 }),
          ]);
          // A copy larger than the original (already-dense text) would only cost the client.
          if (br.length < content.length) await writeFile(`${file}.${COPY_EXTENSIONS.br}`, br);
          if (gz.length < content.length) await writeFile(`${file}.${COPY_EXTENSIONS.gzip}`, gz);
        }),
      );
    },
  };
}
