import griffelPlugin from '@griffel/vite-plugin';
import type { Plugin } from 'vite';

/*
 * The package is CommonJS: depending on who loads this file (Vite's config bundler, or tsx in the
 * benchmarks) the default import is the plugin function or the module object holding it, and its types
 * describe the latter, hence the unwrapping.
 */
const griffel = ((griffelPlugin as unknown as { default?: unknown }).default ?? griffelPlugin) as (options: object) => Plugin;

/**
 * Our `makeStyles` calls (tab/src), resolved to CSS class tables at build time instead of in the browser,
 * as Fluent UI's own components ship. The side panel then no longer runs Griffel's CSS compiler (stylis,
 * rtl-css-js) before its first render, nor downloads it (bench/first-render.ts). The styles are evaluated
 * by wyw-in-js, which reads TypeScript through Babel's preset. Static styles live in index.html instead,
 * since `makeStaticStyles` has no build-time form and would bring the compiler back.
 */
export function buildTimeStyles(): Plugin {
  const plugin = griffel({
    include: [/[\\/]tab[\\/]src[\\/].*\.tsx?$/],
    babelOptions: { presets: ['@babel/preset-typescript'] },
  });
  // Production builds only: in `vite` dev the sources are served as they are, and Griffel works either way.
  return { ...plugin, apply: 'build' };
}
