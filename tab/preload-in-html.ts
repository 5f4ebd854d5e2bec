import type { Plugin } from 'vite';

/**
 * Lists the chunks holding `sources`, with the chunks they import, as <link rel="modulepreload"> in
 * index.html, so the browser fetches them with the entry instead of after it. The entry is kept small so it
 * can start the session's requests at once (tab/src/main.tsx); without these links the app's root, then
 * the shell and the page, would each be requested only once the step before had arrived and run.
 */
export function preloadInHtml(sources: readonly string[]): Plugin {
  let base = '/';
  return {
    name: 'los-preload-in-html',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle) return;
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const closure = (fileName: string, into: Set<string>): Set<string> => {
          if (into.has(fileName)) return into;
          into.add(fileName);
          for (const imported of chunks.find((c) => c.fileName === fileName)?.imports ?? []) closure(imported, into);
          return into;
        };
        // The entry and its static imports are in the page already (its <script>, Vite's own preloads).
        const inPage = entry ? closure(entry.fileName, new Set()) : new Set<string>();
        const wanted = new Set<string>();
        for (const source of sources) {
          const chunk = chunks.find((c) => c.moduleIds.some((id) => id.replaceAll('\\', '/').endsWith(`/${source}`)));
          if (!chunk) throw new Error(`preloadInHtml: no chunk holds ${source}.`);
          closure(chunk.fileName, wanted);
        }
        return [...wanted]
          .filter((file) => !inPage.has(file))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}
