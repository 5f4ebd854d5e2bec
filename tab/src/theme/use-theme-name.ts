import { useEffect, useState, useSyncExternalStore } from 'react';
import type { HostInfo, ThemeName } from '../teams/teams-host.js';

const DARK = '(prefers-color-scheme: dark)';
const CONTRAST = ['(forced-colors: active)', '(prefers-contrast: more)'];

function mediaMatches(query: string): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

function browserTheme(): ThemeName {
  if (CONTRAST.some(mediaMatches)) return 'contrast';
  return mediaMatches(DARK) ? 'dark' : 'light';
}

function subscribeBrowserTheme(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const lists = [DARK, ...CONTRAST].map((q) => window.matchMedia(q));
  for (const list of lists) list.addEventListener('change', onChange);
  return () => {
    for (const list of lists) list.removeEventListener('change', onChange);
  };
}

/** `?theme=light|dark|contrast` in the address wins over everything (tests and support use it). */
export function themeFromUrl(search: string = window.location.search): ThemeName | null {
  const value = new URLSearchParams(search).get('theme');
  return value === 'light' || value === 'dark' || value === 'contrast' ? value : null;
}

/**
 * The theme to draw: the URL override, else Teams' theme (following its changes),
 * else the browser's colour-scheme and contrast preferences.
 */
export function useThemeName(host: HostInfo | undefined): ThemeName {
  const fromBrowser = useSyncExternalStore(subscribeBrowserTheme, browserTheme, () => 'light' as const);
  const [fromTeams, setFromTeams] = useState<ThemeName | null>(null);

  useEffect(() => {
    if (!host || host.mode !== 'teams') return;
    setFromTeams(host.theme);
    return host.onThemeChange(setFromTeams);
  }, [host]);

  return themeFromUrl() ?? fromTeams ?? fromBrowser;
}
