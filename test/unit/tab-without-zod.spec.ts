import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

/*
 * The tab takes the API's types from the zod schemas (import type) and calls it through the zod-free
 * route table (src/contract/routes.ts): zod is ~25 kB gzip the meeting side panel must not load.
 * This follows every import that survives compilation (not `import type`) from tab/src.
 */
const TAB = path.join(PROJECT_ROOT, 'tab', 'src');
const IMPORT = /^\s*(import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
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

/** Each value import of a file: a package name, or the file it resolves to. */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    // `import { type A, type B } from` binds only types: compiled away like `import type`.
    const names = /^\s*import\s*\{([^}]*)\}\s*from/.exec(m[0])?.[1];
    if (names?.split(',').every((n) => !n.trim() || n.trim().startsWith('type '))) continue;
    found.push(m[2]!);
  }
  for (const m of text.matchAll(DYNAMIC)) found.push(m[1]!);
  return found.map((s) => (s.startsWith('.') ? (resolve(file, s) ?? s) : s));
}

describe('the tab', () => {
  it('loads no zod: it imports the contract only as types, or from its zod-free modules', () => {
    const seen = new Set<string>();
    const reachesZod: string[] = [];
    const walk = (file: string, chain: string[]) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const target of valueImports(file)) {
        if (target === 'zod' || target.startsWith('zod/')) reachesZod.push([...chain, file].map((f) => path.relative(PROJECT_ROOT, f)).join(' → '));
        else if (path.isAbsolute(target) && !target.includes(`${path.sep}node_modules${path.sep}`)) walk(target, [...chain, file]);
      }
    };
    for (const file of sourceFiles(TAB)) walk(file, []);
    expect(reachesZod).toEqual([]);
    // The walk did reach the contract (so it would have seen zod there).
    expect([...seen].some((f) => f.endsWith(path.join('src', 'contract', 'routes.ts')))).toBe(true);
  });
});
