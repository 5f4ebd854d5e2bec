import { endpoints } from '../contract/endpoints.js';
import type { WorkPlanService } from '../services/work-plan-service.js';
import { type ApiRoutes, requireActor } from './api-routes.js';

/** The work plan: a year's activities and days, and changes to them. */
export function registerWorkPlanHandlers(routes: ApiRoutes, workPlan: WorkPlanService): void {
  routes.add(endpoints.getWorkPlan, async ({ actor, query }) => workPlan.get(requireActor(actor), query));
  routes.add(endpoints.createWorkPlanActivity, async ({ actor, body }) => workPlan.create(requireActor(actor), body));
  routes.add(endpoints.updateWorkPlanActivity, async ({ actor, params, body }) => workPlan.update(requireActor(actor), params.activityId, body));
  routes.add(endpoints.deleteWorkPlanActivity, async ({ actor, params }) => workPlan.remove(requireActor(actor), params.activityId));
}
