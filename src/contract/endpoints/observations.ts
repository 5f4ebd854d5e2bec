import { z } from 'zod';
import { endpoint, none } from '../endpoint.js';
import { apiRoutes } from '../routes.js';
import { Observation, ObservationPatch } from '../resources.js';
import { Uuid } from '../values.js';

const observationParams = z.strictObject({ partnershipId: Uuid, observationId: Uuid });

/** Editing one's own observations: edit, delete (with undo) and share. */
export const observationEndpoints = {
  editObservation: endpoint({
    ...apiRoutes.editObservation,
    params: observationParams,
    query: none,
    body: ObservationPatch,
    response: Observation,
  }),
  deleteObservation: endpoint({
    ...apiRoutes.deleteObservation,
    params: observationParams,
    query: none,
    body: none,
    response: Observation,
  }),
  restoreObservation: endpoint({
    ...apiRoutes.restoreObservation,
    params: observationParams,
    query: none,
    body: none,
    response: Observation,
  }),
  shareObservation: endpoint({
    ...apiRoutes.shareObservation,
    params: observationParams,
    query: none,
    body: none,
    response: Observation,
  }),
} as const;
