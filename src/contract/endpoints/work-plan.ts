import { z } from 'zod';
import { endpoint, none, partnershipParams } from '../endpoint.js';
import { apiRoutes } from '../routes.js';
import { Uuid } from '../values.js';
import { NewWorkPlanActivity, WorkPlan, WorkPlanActivity, WorkPlanActivityPatch, WorkPlanQuery } from '../work-plan.js';

const activityParams = z.strictObject({ partnershipId: Uuid, activityId: Uuid });

/** The scrutineer's work plan for a scrutiny year: activities with planned and used days per quarter. */
export const workPlanEndpoints = {
  getWorkPlan: endpoint({
    ...apiRoutes.getWorkPlan,
    params: partnershipParams,
    query: WorkPlanQuery,
    body: none,
    response: WorkPlan,
  }),
  createWorkPlanActivity: endpoint({
    ...apiRoutes.createWorkPlanActivity,
    params: partnershipParams,
    query: none,
    body: NewWorkPlanActivity,
    response: WorkPlanActivity,
  }),
  updateWorkPlanActivity: endpoint({
    ...apiRoutes.updateWorkPlanActivity,
    params: activityParams,
    query: none,
    body: WorkPlanActivityPatch,
    response: WorkPlanActivity,
  }),
  deleteWorkPlanActivity: endpoint({
    ...apiRoutes.deleteWorkPlanActivity,
    params: activityParams,
    query: none,
    body: none,
    response: z.object({ id: Uuid }),
  }),
} as const;
