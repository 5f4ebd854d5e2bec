import path from 'node:path';
import type { Rolldown } from 'vite';

type Group = Rolldown.CodeSplittingGroup;
type Context = Rolldown.ChunkingContext;

/** React DOM: only the app root renders with it, but a page may use a part of it (a portal). */
const REACT_DOM = /[\\/]node_modules[\\/](react-dom|scheduler)[\\/]/;

/** Fluent's form controls: a meeting's workspace uses them all, as do several other pages. */
const FORM_CONTROLS = /[\\/]node_modules[\\/]@fluentui[\\/]react-(field|input|textarea|select|radio|checkbox|switch)[\\/]/;

/** The tab's own source (tab/src and the shared src/), as opposed to packages. */
const isSource = (id: string) => !id.includes(`${path.sep}node_modules${path.sep}`) && /\.tsx?$/.test(id);

/** The modules `from` reaches through static imports; `follow` says which modules to go through. */
function staticClosure(ctx: Context, from: readonly string[], follow: (id: string) => boolean): Set<string> {
  const seen = new Set<string>();
  const walk = (id: string) => {
    if (seen.has(id) || !follow(id)) return;
    seen.add(id);
    for (const imported of ctx.getModuleInfo(id)?.importedIds ?? []) walk(imported);
  };
  from.forEach(walk);
  return seen;
}

/**
 * How the tab's code is cut into files. Left to itself, the bundler made one file per set of pages sharing
 * some code: over thirty files on the way to the meeting side panel, each a request queued behind the
 * others (a browser opens six at a time to one server) — bench/first-render.ts. Three groups instead:
 * - boot: what the entry (src/main.tsx) imports, apart and small, so the session's requests start at once;
 * - app-core: the app root, the signed-in shell and the meeting page (the side panel Teams opens in a
 *   meeting, which must be usable first: issue 4), the tab's own code they import, and every package
 *   module that uses (React, React DOM, Fluent UI), in one file. The root, the shell and the meeting page
 *   are still loaded with import() in the source; here they simply come with the core.
 * - form-controls: Fluent's form controls, shared by a meeting's workspace and other pages, in one file
 *   rather than one per set of pages using them.
 * Other pages, and the code only they share, are still split automatically.
 */
export function tabChunkGroups(tabRoot: string): Group[] {
  const main = path.join(tabRoot, 'src', 'main.tsx');
  const roots = ['render-app.tsx', 'app-shell.tsx', 'pages/meeting-page.tsx'].map((file) => path.join(tabRoot, 'src', file));
  // Worked out once per bundling pass: rolldown hands every call the same context.
  const boot = new WeakMap<Context, Set<string>>();
  const core = new WeakMap<Context, Set<string>>();
  const once = (cache: WeakMap<Context, Set<string>>, ctx: Context, make: () => Set<string>) => {
    if (!cache.has(ctx)) cache.set(ctx, make());
    return cache.get(ctx)!;
  };
  // A module loaded with import() (a page) is a chunk of its own, except these, which are the core.
  const eager = new Set(roots);
  const lazy = (ctx: Context, id: string) => !eager.has(id) && (ctx.getModuleInfo(id)?.dynamicImporters.length ?? 0) > 0;
  return [
    {
      debugName: 'boot',
      name: (id, ctx) => (id !== main && once(boot, ctx, () => staticClosure(ctx, [main], () => true)).has(id) ? 'boot' : null),
      priority: 2,
    },
    {
      debugName: 'app-core',
      name: (id, ctx) => (REACT_DOM.test(id) || (!lazy(ctx, id) && once(core, ctx, () => staticClosure(ctx, roots, isSource)).has(id)) ? 'app-core' : null),
      priority: 1,
    },
    {
      debugName: 'form-controls',
      name: (id) => (FORM_CONTROLS.test(id) ? 'form-controls' : null),
      priority: 0,
    },
  ];
}
