/** Reading a Vite build manifest (build.manifest: true): which chunks a page loads, and their gzip size. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type ViteManifest = Record<string, ManifestChunk>;

export function readViteManifest(outDir: string): ViteManifest {
  return JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as ViteManifest;
}

/** A chunk and everything it imports statically (what the browser fetches before the chunk runs). */
export function staticClosure(manifest: ViteManifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`The Vite manifest has no chunk ${key}.`);
  into.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

export function entryKey(manifest: ViteManifest): string {
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
  if (entries.length !== 1) throw new Error(`Expected one entry in the Vite manifest, found ${entries.length}.`);
  return entries[0]![0];
}

/** The key of the chunk built from a source path ending in `suffix`. */
export function chunkFor(manifest: ViteManifest, suffix: string): string {
  const keys = Object.keys(manifest).filter((k) => k.endsWith(suffix));
  if (keys.length !== 1) throw new Error(`Expected one chunk for ${suffix}, found ${keys.length}: ${keys.join(', ')}`);
  return keys[0]!;
}

/**
 * The key of the chunk that holds the module built from a source path ending in `suffix`: its own chunk,
 * or the one it was bundled into (needs .vite/chunk-modules.json, written by build-tab.ts).
 */
export function chunkHolding(manifest: ViteManifest, outDir: string, suffix: string): string {
  const modules = JSON.parse(readFileSync(path.join(outDir, '.vite', 'chunk-modules.json'), 'utf8')) as Record<string, string[]>;
  const files = Object.keys(modules).filter((file) => modules[file]!.some((id) => id.replaceAll('\\', '/').endsWith(`/${suffix}`)));
  if (files.length !== 1) throw new Error(`Expected one chunk holding ${suffix}, found ${files.length}: ${files.join(', ')}`);
  const key = Object.keys(manifest).find((k) => manifest[k]!.file === files[0]);
  if (!key) throw new Error(`The Vite manifest has no chunk for ${files[0]}.`);
  return key;
}

/** Raw and gzip bytes of the JavaScript files of these chunks (gzip at zlib's default level, as servers use). */
export function jsBytes(manifest: ViteManifest, outDir: string, keys: Iterable<string>): { raw: number; gzip: number; files: number } {
  let raw = 0;
  let gzip = 0;
  let files = 0;
  for (const key of keys) {
    const file = manifest[key]!.file;
    if (!file.endsWith('.js')) continue;
    const bytes = readFileSync(path.join(outDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
    files += 1;
  }
  return { raw, gzip, files };
}
