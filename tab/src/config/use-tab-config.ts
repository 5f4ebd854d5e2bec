import { useEffect, useMemo, useRef, useState } from 'react';
import { MAX_PAGE, type TabSurface } from '../../../src/domain/deep-links.js';
import type { HostInfo } from '../teams/teams-host.js';
import { defaultSurfaceFor } from './default-surface.js';
import { buildTabConfig, type TabConfig } from './tab-config.js';
import { connectTabConfig, type TabConfigHost } from './teams-config.js';
import { DEFAULT_TRACKER_VIEW, viewParts, type DashboardPage, type TrackerView } from './view-choice.js';

/** The paper a Papers tab opens at, as chosen on the page. */
export interface PaperChoice {
  documentId: string;
  title: string;
  pageCount: number | null;
}

export interface TabConfigState {
  surface: TabSurface;
  setSurface(surface: TabSurface): void;
  paper: PaperChoice | null;
  setPaper(paper: PaperChoice | null): void;
  /** The page as typed. */
  pageText: string;
  setPageText(text: string): void;
  /** Why the page number cannot be used, if it cannot. */
  pageError: string | null;
  /** What Teams will save, or null while the choice is incomplete. */
  config: TabConfig | null;
  /** Whether Teams is listening (false in a browser: the page only shows what would be saved). */
  connected: boolean;
  /** The tracker tab's grouping and forum. */
  trackerView: TrackerView;
  setTrackerView(view: TrackerView): void;
  /** The page a dashboard tab opens. */
  dashboardPage: DashboardPage;
  setDashboardPage(page: DashboardPage): void;
}

function pageProblem(text: string, pageCount: number | null): string | null {
  if (!/^[1-9][0-9]*$/.test(text.trim())) return 'Enter a page number: 1 or more.';
  const page = Number(text);
  const last = pageCount ?? MAX_PAGE;
  if (page > last) return `This paper has ${last} ${last === 1 ? 'page' : 'pages'}.`;
  return null;
}

/** The choices on the configuration page, the configuration they make, and the wiring to Teams' Save. */
export function useTabConfig(host: HostInfo, base: string = window.location.origin): TabConfigState {
  const [surface, setSurface] = useState<TabSurface>(() => defaultSurfaceFor(host));
  const [paper, setPaperState] = useState<PaperChoice | null>(null);
  const [pageText, setPageText] = useState('1');
  const [teams, setTeams] = useState<TabConfigHost | null>(null);
  const [trackerView, setTrackerView] = useState<TrackerView>(DEFAULT_TRACKER_VIEW);
  const [dashboardPage, setDashboardPage] = useState<DashboardPage>('dashboard');

  const setPaper = (next: PaperChoice | null) => {
    setPaperState(next);
    setPageText('1');
  };

  const pageError = surface === 'papers' && paper ? pageProblem(pageText, paper.pageCount) : null;
  const config = useMemo(() => {
    if (pageError) return null;
    const chosen = surface === 'papers' && paper ? { documentId: paper.documentId, title: paper.title, page: Number(pageText) } : undefined;
    return buildTabConfig(base, { surface, paper: chosen, view: viewParts(surface, trackerView, dashboardPage) });
  }, [base, surface, paper, pageText, pageError, trackerView, dashboardPage]);

  // Teams reads the configuration when Save is selected: keep the latest where the handler can see it.
  const latest = useRef<TabConfig | null>(config);
  latest.current = config;

  useEffect(() => {
    let live = true;
    void connectTabConfig(host.mode).then((connected) => {
      if (!live) return;
      connected.onSave(() => latest.current);
      setTeams(connected);
    });
    return () => {
      live = false;
    };
  }, [host.mode]);

  useEffect(() => {
    teams?.setValid(config !== null);
  }, [teams, config]);

  return {
    surface,
    setSurface,
    paper,
    setPaper,
    pageText,
    setPageText,
    pageError,
    config,
    connected: teams?.connected ?? false,
    trackerView,
    setTrackerView,
    dashboardPage,
    setDashboardPage,
  };
}
