import { z } from 'zod';
import {
  ActionHistory,
  ActionList,
  ActionPatch,
  DeclineSignOff,
  NewAction,
  NewActionEvidence,
  ProposeCompletion,
  SignOff,
  TrackerAction,
} from '../actions.js';
import { endpoint, none, partnershipParams } from '../endpoint.js';
import { apiRoutes } from '../routes.js';
import { Uuid } from '../values.js';

const actionParams = z.strictObject({ partnershipId: Uuid, actionId: Uuid });

/** The composite action tracker: the list, inline edits, history, evidence and sign-off. */
export const actionEndpoints = {
  listActions: endpoint({ ...apiRoutes.listActions, params: partnershipParams, query: none, body: none, response: ActionList }),
  createAction: endpoint({ ...apiRoutes.createAction, params: partnershipParams, query: none, body: NewAction, response: TrackerAction }),
  updateAction: endpoint({ ...apiRoutes.updateAction, params: actionParams, query: none, body: ActionPatch, response: TrackerAction }),
  actionHistory: endpoint({ ...apiRoutes.actionHistory, params: actionParams, query: none, body: none, response: ActionHistory }),
  addActionEvidence: endpoint({ ...apiRoutes.addActionEvidence, params: actionParams, query: none, body: NewActionEvidence, response: TrackerAction }),
  proposeActionComplete: endpoint({ ...apiRoutes.proposeActionComplete, params: actionParams, query: none, body: ProposeCompletion, response: TrackerAction }),
  signOffAction: endpoint({ ...apiRoutes.signOffAction, params: actionParams, query: none, body: SignOff, response: TrackerAction }),
  declineActionSignOff: endpoint({ ...apiRoutes.declineActionSignOff, params: actionParams, query: none, body: DeclineSignOff, response: TrackerAction }),
} as const;
