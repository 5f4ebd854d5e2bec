import { z } from 'zod';
import type { Operation } from '../domain/permissions.js';
import {
  Checklist,
  DevPerson,
  DocumentSummary,
  ForumSummary,
  Me,
  MeetingSummary,
  NewObservation,
  Observation,
  PartnershipOverview,
} from './resources.js';
import { IsoDate, Uuid } from './values.js';

/**
 * Who may call an endpoint: `public` needs no sign-in (and exists only where said),
 * `signed_in` needs any identity, otherwise an operation from the permission table.
 * Every endpoint declares one; a test fails if one does not.
 */
export type Access = 'public' | 'signed_in' | Operation;

export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  access: Access;
  params: P;
  query: Q;
  body: B;
  response: R;
  /** Answered only when AUTH_MODE=dev. */
  devOnly?: boolean;
  /** HTTP status of a success; 200 unless said. */
  status?: number;
}

const none = z.strictObject({});
const partnershipParams = z.strictObject({ partnershipId: Uuid });

function endpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  e: Endpoint<P, Q, B, R>,
): Endpoint<P, Q, B, R> {
  return e;
}

export const endpoints = {
  devPeople: endpoint({
    name: 'devPeople',
    method: 'GET',
    path: '/api/v1/dev/people',
    access: 'public',
    devOnly: true,
    params: none,
    query: none,
    body: none,
    response: z.object({ people: z.array(DevPerson) }),
  }),
  me: endpoint({
    name: 'me',
    method: 'GET',
    path: '/api/v1/me',
    access: 'signed_in',
    params: none,
    query: none,
    body: none,
    response: z.object({ memberships: z.array(Me) }),
  }),
  partnershipOverview: endpoint({
    name: 'partnershipOverview',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId',
    access: 'partnership.read',
    params: partnershipParams,
    query: none,
    body: none,
    response: PartnershipOverview,
  }),
  listForums: endpoint({
    name: 'listForums',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/forums',
    access: 'forum.read',
    params: partnershipParams,
    query: none,
    body: none,
    response: z.object({ forums: z.array(ForumSummary) }),
  }),
  listMeetings: endpoint({
    name: 'listMeetings',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/meetings',
    access: 'meeting.read',
    params: partnershipParams,
    query: z.strictObject({ forumId: Uuid.optional(), from: IsoDate.optional(), to: IsoDate.optional() }),
    body: none,
    response: z.object({ meetings: z.array(MeetingSummary) }),
  }),
  listMeetingDocuments: endpoint({
    name: 'listMeetingDocuments',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/meetings/:meetingId/documents',
    access: 'document.read',
    params: z.strictObject({ partnershipId: Uuid, meetingId: Uuid }),
    query: none,
    body: none,
    response: z.object({ documents: z.array(DocumentSummary) }),
  }),
  checklist: endpoint({
    name: 'checklist',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/checklist',
    access: 'checklist.read',
    params: partnershipParams,
    query: none,
    body: none,
    response: Checklist,
  }),
  listObservations: endpoint({
    name: 'listObservations',
    method: 'GET',
    path: '/api/v1/partnerships/:partnershipId/observations',
    // Authors always see their own; shared ones need observation.read_shared (checked in the service).
    access: 'signed_in',
    params: partnershipParams,
    query: z.strictObject({ meetingId: Uuid.optional() }),
    body: none,
    response: z.object({ observations: z.array(Observation) }),
  }),
  createObservation: endpoint({
    name: 'createObservation',
    method: 'POST',
    path: '/api/v1/partnerships/:partnershipId/observations',
    access: 'observation.create',
    params: partnershipParams,
    query: none,
    body: NewObservation,
    response: Observation,
    status: 201,
  }),
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
export type ResponseOf<E extends Endpoint> = z.infer<E['response']>;
export type BodyOf<E extends Endpoint> = z.input<E['body']>;
export type ParamsOf<E extends Endpoint> = z.input<E['params']>;
export type QueryOf<E extends Endpoint> = z.input<E['query']>;
