import type { TabConfig } from './tab-config.js';

/** The Teams side of a configuration page: save what is chosen when the person selects Save. */
export interface TabConfigHost {
  /** Whether Teams is listening; in a browser nothing is saved, the page only shows what would be. */
  readonly connected: boolean;
  /** Tells Teams whether Save may be selected. */
  setValid(valid: boolean): void;
  /** Registers what to save: `current` is read when the person selects Save. */
  onSave(current: () => TabConfig | null): void;
}

const BROWSER: TabConfigHost = { connected: false, setValid: () => undefined, onSave: () => undefined };

/**
 * Connects the configuration page to Teams' `pages.config`. teams-js is loaded only inside Teams
 * (the host check in teams-host.ts has already initialised it there); a browser gets a stand-in.
 */
export async function connectTabConfig(mode: 'teams' | 'browser'): Promise<TabConfigHost> {
  if (mode !== 'teams') return BROWSER;
  const { pages } = await import('@microsoft/teams-js');
  if (!pages.config.isSupported()) return BROWSER;
  return {
    connected: true,
    setValid: (valid) => pages.config.setValidityState(valid),
    onSave(current) {
      pages.config.registerOnSaveHandler((saveEvent) => {
        const config = current();
        if (!config) {
          saveEvent.notifyFailure('Choose what the tab opens first.');
          return;
        }
        pages.config.setConfig(config).then(
          () => saveEvent.notifySuccess(),
          (error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)),
        );
      });
    },
  };
}
