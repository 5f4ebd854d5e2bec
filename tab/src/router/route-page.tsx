import type { Me } from '../../../src/contract/index.js';
import { ChunkView } from '../components/chunk-view.js';
import type { SurfaceKey } from '../pages/surface-copy.js';
import { PAGES } from './page-chunks.js';
import type { RouteKey } from './routes.js';

const LOADING = 'Loading this page…';

/** The page a route shows, from its own chunk (already loading since start-up: preload-route.ts). */
export function RoutePage({ route, membership }: { route: RouteKey | 'not_found'; membership: Me }) {
  switch (route) {
    case 'home':
      return <ChunkView part={PAGES.home} loadingLabel={LOADING}>{(HomePage) => <HomePage membership={membership} />}</ChunkView>;
    case 'meeting':
      return <ChunkView part={PAGES.meeting} loadingLabel={LOADING}>{(MeetingPage) => <MeetingPage membership={membership} />}</ChunkView>;
    case 'search':
      return <ChunkView part={PAGES.search} loadingLabel={LOADING}>{(SearchPage) => <SearchPage membership={membership} />}</ChunkView>;
    case 'libraries':
      return <ChunkView part={PAGES.libraries} loadingLabel={LOADING}>{(LibrariesPage) => <LibrariesPage membership={membership} />}</ChunkView>;
    case 'papers':
      return <ChunkView part={PAGES.papers} loadingLabel={LOADING}>{(PapersPage) => <PapersPage membership={membership} />}</ChunkView>;
    case 'tracker':
      return <ChunkView part={PAGES.tracker} loadingLabel={LOADING}>{(TrackerPage) => <TrackerPage membership={membership} />}</ChunkView>;
    case 'dashboard':
      return <ChunkView part={PAGES.dashboard} loadingLabel={LOADING}>{(DashboardPage) => <DashboardPage membership={membership} />}</ChunkView>;
    case 'work-plan':
      return <ChunkView part={PAGES.workPlan} loadingLabel={LOADING}>{(WorkPlanPage) => <WorkPlanPage membership={membership} />}</ChunkView>;
    case 'escalations':
      return <ChunkView part={PAGES.escalations} loadingLabel={LOADING}>{(EscalationsPage) => <EscalationsPage membership={membership} />}</ChunkView>;
    case 'reports':
      return <ChunkView part={PAGES.reports} loadingLabel={LOADING}>{(ReportsPage) => <ReportsPage membership={membership} />}</ChunkView>;
    case 'data-protection':
      return <ChunkView part={PAGES.dataProtection} loadingLabel={LOADING}>{(DataProtectionPage) => <DataProtectionPage membership={membership} />}</ChunkView>;
    case 'not_found':
      return <ChunkView part={PAGES.notFound} loadingLabel={LOADING}>{(NotFoundPage) => <NotFoundPage />}</ChunkView>;
    default:
      return <ChunkView part={PAGES.surface} loadingLabel={LOADING}>{(SurfacePage) => <SurfacePage surface={route satisfies SurfaceKey} />}</ChunkView>;
  }
}
