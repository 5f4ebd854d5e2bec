import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { isOwnFile, sourceFiles, valueImports } from '../support/tab-sources.js';

/*
 * The tab takes the API's types from the zod schemas (import type) and calls it through the zod-free
 * route table (src/contract/routes.ts): zod is ~25 kB gzip the meeting side panel must not load.
 * This follows every import that survives compilation (not `import type`) from tab/src.
 */
describe('the tab', () => {
  it('loads no zod: it imports the contract only as types, or from its zod-free modules', () => {
    const seen = new Set<string>();
    const reachesZod: string[] = [];
    const walk = (file: string, chain: string[]) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const target of valueImports(file)) {
        if (target === 'zod' || target.startsWith('zod/')) reachesZod.push([...chain, file].map((f) => path.relative(PROJECT_ROOT, f)).join(' → '));
        else if (isOwnFile(target)) walk(target, [...chain, file]);
      }
    };
    for (const file of sourceFiles()) walk(file, []);
    expect(reachesZod).toEqual([]);
    // The walk did reach the contract (so it would have seen zod there).
    expect([...seen].some((f) => f.endsWith(path.join('src', 'contract', 'routes.ts')))).toBe(true);
  });
});
