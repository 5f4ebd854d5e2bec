/**
 * The benchmarks' baseline page: a bare Fluent UI v9 app (FluentProvider + one Button), built by Vite with
 * the same React plugin, target and compressed copies as the tab. It lives under node_modules/.cache so that its imports
 * resolve to the project's own React and Fluent UI.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { PROJECT_ROOT } from '../../src/paths.js';
import { precompress } from '../../tab/precompress.js';

const MAIN = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme}>
      <main>
        <h1>Bare Fluent UI page</h1>
        <Button appearance="primary">Save</Button>
      </main>
    </FluentProvider>
  </StrictMode>,
);
`;

const INDEX = `<!doctype html>
<html lang="en-GB">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Baseline</title></head>
  <body><div id="root"></div><script type="module" src="/main.tsx"></script></body>
</html>
`;

/** Builds the baseline page; returns the directory holding its index.html and assets (and a Vite manifest). */
export async function buildBareFluentPage(): Promise<string> {
  const root = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'los-bench-bare-fluent');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'main.tsx'), MAIN);
  writeFileSync(path.join(root, 'index.html'), INDEX);
  const outDir = path.join(root, 'dist');
  await build({
    configFile: false,
    root,
    base: '/',
    logLevel: 'error',
    // Compressed copies as the tab's build writes them, so that both are sent alike.
    plugins: [react(), precompress()],
    build: { outDir, emptyOutDir: true, target: 'es2022', manifest: true },
  });
  return outDir;
}
