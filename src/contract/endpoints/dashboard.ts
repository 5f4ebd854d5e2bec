import { Dashboard, DashboardQuery } from '../dashboard.js';
import { endpoint, none, partnershipParams } from '../endpoint.js';
import { apiRoutes } from '../routes.js';

/** The assurance dashboard: areas × RAG, evidence and blind spots, challenge statistics, days used. */
export const dashboardEndpoints = {
  dashboard: endpoint({
    ...apiRoutes.dashboard,
    params: partnershipParams,
    query: DashboardQuery,
    body: none,
    response: Dashboard,
  }),
} as const;
