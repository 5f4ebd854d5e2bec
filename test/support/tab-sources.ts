import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.js';

/** The tab's source, and what each file imports: for guards on what reaches the browser's code. */
export const TAB_SOURCE = path.join(PROJECT_ROOT, 'tab', 'src');

const IMPORT = /^\s*(import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

export function sourceFiles(dir: string = TAB_SOURCE): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The file a relative specifier names (`./x.js` is written for `./x.ts` or `./x.tsx`). */
function resolve(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * Each import of a file that survives compilation: a package name, or the file it resolves to. Static
 * imports only, or with `dynamic` the import() calls as well.
 */
export function valueImports(file: string, { dynamic = true }: { dynamic?: boolean } = {}): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    // `import { type A, type B } from` binds only types: compiled away like `import type`.
    const names = /^\s*import\s*\{([^}]*)\}\s*from/.exec(m[0])?.[1];
    if (names?.split(',').every((n) => !n.trim() || n.trim().startsWith('type '))) continue;
    found.push(m[2]!);
  }
  if (dynamic) for (const m of text.matchAll(DYNAMIC)) found.push(m[1]!);
  return found.map((s) => (s.startsWith('.') ? (resolve(file, s) ?? s) : s));
}

/** Whether `target` is one of our own files (not a package). */
export const isOwnFile = (target: string) => path.isAbsolute(target) && !target.includes(`${path.sep}node_modules${path.sep}`);
