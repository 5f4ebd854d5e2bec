/** Where the tab runs, and the theme its host asks for. */
export type ThemeName = 'light' | 'dark' | 'contrast';

export interface HostInfo {
  mode: 'teams' | 'browser';
  /** The Teams theme, when inside Teams. */
  theme: ThemeName | null;
  /** Where in Teams the tab is shown (e.g. 'sidePanel', 'meetingStage', 'content', 'settings'). */
  frameContext: string | null;
  /** The meeting, channel or chat the tab is in, when Teams says (the configuration page picks its default from these). */
  meetingId?: string | null;
  channelId?: string | null;
  chatId?: string | null;
  /** The sub-page a deep link asked for (`context.subEntityId` in the link), e.g. 'paper:<id>:<page>'. */
  subPageId?: string | null;
  /** Subscribes to Teams theme changes; a no-op in a browser. Returns an unsubscribe. */
  onThemeChange(listener: (theme: ThemeName) => void): () => void;
}

/** Outside Teams. */
export const BROWSER_HOST: HostInfo = {
  mode: 'browser',
  theme: null,
  frameContext: null,
  onThemeChange: () => () => undefined,
};

/** Teams says 'default' | 'dark' | 'contrast' (newer hosts also 'glass', a light look). */
export function themeFromTeams(theme: string | undefined): ThemeName {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`No Teams host answered within ${ms} ms.`)), ms));
}

/**
 * Whether any Teams host could be talking to this page: teams-js looks for a parent
 * frame, an opener, or (Teams mobile) a native interface, and rejects without one.
 * Checking first spares a plain browser from loading teams-js at all, which would
 * also fetch its list of valid origins from a CDN as soon as it is imported.
 */
export function mightBeHosted(win: Window = window): boolean {
  return win.parent !== win || Boolean(win.opener) || 'nativeInterface' in win;
}

/**
 * Connects to Teams when the page runs inside it. Outside Teams `app.initialize()`
 * rejects at once; the timeout guards hosts that never answer. Either way the tab
 * falls back to browser mode and keeps working.
 */
export async function connectToHost(timeoutMs = 1500): Promise<HostInfo> {
  if (!mightBeHosted()) return BROWSER_HOST;
  try {
    const { app } = await import('@microsoft/teams-js');
    await Promise.race([app.initialize(), timeout(timeoutMs)]);
    const context = await Promise.race([app.getContext(), timeout(timeoutMs)]);
    const listeners = new Set<(theme: ThemeName) => void>();
    app.registerOnThemeChangeHandler((theme) => {
      for (const listener of listeners) listener(themeFromTeams(theme));
    });
    app.notifySuccess().catch(() => undefined);
    return {
      mode: 'teams',
      theme: themeFromTeams(context.app.theme),
      frameContext: context.page.frameContext ?? null,
      meetingId: context.meeting?.id ?? null,
      channelId: context.channel?.id ?? null,
      chatId: context.chat?.id ?? null,
      subPageId: context.page.subPageId ?? null,
      onThemeChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  } catch {
    return BROWSER_HOST;
  }
}

let connection: Promise<HostInfo> | undefined;

/** One connection per page: started by the start-up preload (router/preload-route.ts), joined by useHost. */
export function hostConnection(): Promise<HostInfo> {
  connection ??= connectToHost();
  return connection;
}
