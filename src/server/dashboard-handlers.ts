import { endpoints } from '../contract/endpoints.js';
import type { DashboardService } from '../services/dashboard-service.js';
import { type ApiRoutes, requireActor } from './api-routes.js';

/** The assurance dashboard. */
export function registerDashboardHandlers(routes: ApiRoutes, dashboard: DashboardService): void {
  routes.add(endpoints.dashboard, async ({ actor, query }) => dashboard.dashboard(requireActor(actor), query));
}
