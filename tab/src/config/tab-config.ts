import {
  tabContentUrl,
  tabDisplayName,
  tabEntityId,
  type PaperPage,
  type TabSurface,
} from '../../../src/domain/deep-links.js';

/** What Teams saves for a configured tab (teams-js `pages.config.setConfig`). */
export interface TabConfig {
  contentUrl: string;
  websiteUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

export interface TabChoice {
  surface: TabSurface;
  /** Only for the Papers surface: the paper (and page) the tab opens at. */
  paper?: PaperPage & { title: string };
  /** Only for the tracker and the dashboard: the view (view-choice.ts). */
  view?: { hash: string; id: string; name: string } | null;
}

/** The configuration for a choice, with addresses under `base` (the tab's own origin). */
export function buildTabConfig(base: string, choice: TabChoice): TabConfig {
  const paper = choice.surface === 'papers' ? choice.paper : undefined;
  const view = choice.surface === 'papers' ? null : choice.view;
  if (view) {
    const url = tabContentUrl(base, choice.surface) + view.hash;
    return { contentUrl: url, websiteUrl: url, entityId: `los-${view.id}`.slice(0, 64), suggestedDisplayName: view.name };
  }
  const url = tabContentUrl(base, choice.surface, paper);
  return {
    contentUrl: url,
    // The same address opens the same surface in a browser.
    websiteUrl: url,
    entityId: tabEntityId(choice.surface, paper),
    suggestedDisplayName: tabDisplayName(choice.surface, paper?.title),
  };
}
