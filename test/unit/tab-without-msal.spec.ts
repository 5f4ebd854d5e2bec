import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOwnFile, sourceFiles, TAB_SOURCE, valueImports } from '../support/tab-sources.js';

/*
 * MSAL (~75 kB gzip) is for a plain browser signed in through Entra only: Teams signs the tab in itself,
 * and dev sign-in needs nothing. It must never be on the meeting side panel's way (bench/side-panel-bundle.ts,
 * goal 200 kB): only import() may reach it, so the bundler gives it a chunk of its own, loaded on demand.
 */
const isMsal = (target: string) => target === '@azure/msal-browser' || target.startsWith('@azure/msal-browser/');

describe('the tab', () => {
  it('reaches MSAL from its entry and the side panel through import() only', () => {
    const roots = ['main.tsx', 'render-app.tsx', 'app-shell.tsx', 'pages/meeting-page.tsx', 'meeting/meeting-panel.tsx'].map((f) => path.join(TAB_SOURCE, f));
    const seen = new Set<string>();
    const reachesMsal: string[] = [];
    const walk = (file: string, chain: string[]) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const target of valueImports(file, { dynamic: false })) {
        if (isMsal(target)) reachesMsal.push([...chain, file].map((f) => path.relative(TAB_SOURCE, f)).join(' → '));
        else if (isOwnFile(target)) walk(target, [...chain, file]);
      }
    };
    roots.forEach((root) => walk(root, []));
    expect(reachesMsal).toEqual([]);
    // The walk did reach the code that signs calls in (so it would have seen MSAL there).
    expect(seen).toContain(path.join(TAB_SOURCE, 'auth', 'credentials.ts'));
  });

  it('imports MSAL in one module, and that module only with import()', () => {
    const files = sourceFiles();
    const msalImporters = files.filter((f) => valueImports(f, { dynamic: false }).some(isMsal));
    expect(msalImporters.map((f) => path.relative(TAB_SOURCE, f))).toEqual([path.join('auth', 'msal-auth.ts')]);
    const staticImporters = files.filter((f) => valueImports(f, { dynamic: false }).includes(msalImporters[0]!));
    expect(staticImporters).toEqual([]);
  });
});
