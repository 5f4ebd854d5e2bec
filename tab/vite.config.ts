import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { buildTimeStyles } from './build-time-styles.js';
import { tabChunkGroups } from './chunk-groups.js';
import { precompress } from './precompress.js';
import { preloadInHtml } from './preload-in-html.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiServer = 'http://127.0.0.1:3978';

/**
 * The tab: built into <repo>/dist/tab, which the app's restify server serves
 * (index.html for any unknown non-/api path). In `vite` dev mode the API and
 * health checks are proxied to a server started with `npm start`.
 */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [
    react(),
    buildTimeStyles(),
    // Fetched with the entry: the app's root, with React, Fluent UI and the side panel's parts (chunk-groups.ts).
    preloadInHtml(['src/render-app.tsx']),
    precompress(),
  ],
  build: {
    outDir: path.resolve(here, '../dist/tab'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { output: { codeSplitting: { groups: tabChunkGroups(here) } } },
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
      '/readyz': apiServer,
    },
  },
});
