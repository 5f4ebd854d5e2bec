import { z } from 'zod';
import { endpoint, none } from '../endpoint.js';
import { Observation, ObservationPatch } from '../resources.js';
import { Uuid } from '../values.js';

const observationParams = z.strictObject({ partnershipId: Uuid, observationId: Uuid });

/** Editing one's own observations: edit, delete (with undo) and share. */
export const observationEndpoints = {
  editObservation: endpoint({
    name: 'editObservation',
    method: 'PATCH',
    path: '/api/v1/partnerships/:partnershipId/observations/:observationId',
    access: 'observation.create',
    params: observationParams,
    query: none,
    body: ObservationPatch,
    response: Observation,
  }),
  deleteObservation: endpoint({
    name: 'deleteObservation',
    method: 'DELETE',
    path: '/api/v1/partnerships/:partnershipId/observations/:observationId',
    access: 'observation.create',
    params: observationParams,
    query: none,
    body: none,
    response: Observation,
  }),
  restoreObservation: endpoint({
    name: 'restoreObservation',
    method: 'POST',
    path: '/api/v1/partnerships/:partnershipId/observations/:observationId/restore',
    access: 'observation.create',
    params: observationParams,
    query: none,
    body: none,
    response: Observation,
  }),
  shareObservation: endpoint({
    name: 'shareObservation',
    method: 'POST',
    path: '/api/v1/partnerships/:partnershipId/observations/:observationId/share',
    access: 'observation.create',
    params: observationParams,
    query: none,
    body: none,
    response: Observation,
  }),
} as const;
