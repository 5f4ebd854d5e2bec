/**
 * A part of the tab built into its own file (a dynamic import), loaded once. Unlike React.lazy it can say
 * synchronously whether it is already here, so a component can render it at once instead of suspending:
 * React holds a revealed Suspense fallback on screen for at least 300 ms, which on the side panel's way
 * in (shell, then page) cost over half a second.
 */
export interface Chunk<T> {
  /** Starts loading (or joins the load under way); a failed load can be tried again. */
  load(): Promise<T>;
  /** The chunk's default export, once loaded. */
  loaded(): T | undefined;
}

export function chunk<T>(importer: () => Promise<{ default: T }>): Chunk<T> {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load() {
      loading ??= importer().then(
        (module) => (value = module.default),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => value,
  };
}
