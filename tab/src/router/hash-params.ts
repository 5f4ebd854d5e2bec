import { useMemo, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

/** The parameters after `?` in the hash (`#/search?q=neglect` → q=neglect), kept in step with the address. */
export function useHashParams(): URLSearchParams {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '');
  return useMemo(() => new URLSearchParams(hash.split('?')[1] ?? ''), [hash]);
}

/** A hash for `route` (e.g. '#/search') with the given parameters; empty and undefined ones are left out. */
export function hashWith(route: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${route}?${text}` : route;
}
