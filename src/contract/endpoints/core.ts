import { z } from 'zod';
import { endpoint, none, partnershipParams } from '../endpoint.js';
import { apiRoutes } from '../routes.js';
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
} from '../resources.js';
import { IsoDate, Uuid } from '../values.js';

/** Sign-in, the partnership's shape, and observations. */
export const coreEndpoints = {
  devPeople: endpoint({
    ...apiRoutes.devPeople,
    params: none,
    query: none,
    body: none,
    response: z.object({ people: z.array(DevPerson) }),
  }),
  me: endpoint({
    ...apiRoutes.me,
    params: none,
    query: none,
    body: none,
    response: z.object({ memberships: z.array(Me) }),
  }),
  partnershipOverview: endpoint({
    ...apiRoutes.partnershipOverview,
    params: partnershipParams,
    query: none,
    body: none,
    response: PartnershipOverview,
  }),
  listForums: endpoint({
    ...apiRoutes.listForums,
    params: partnershipParams,
    query: none,
    body: none,
    response: z.object({ forums: z.array(ForumSummary) }),
  }),
  listMeetings: endpoint({
    ...apiRoutes.listMeetings,
    params: partnershipParams,
    query: z.strictObject({ forumId: Uuid.optional(), from: IsoDate.optional(), to: IsoDate.optional() }),
    body: none,
    response: z.object({ meetings: z.array(MeetingSummary) }),
  }),
  listMeetingDocuments: endpoint({
    ...apiRoutes.listMeetingDocuments,
    params: z.strictObject({ partnershipId: Uuid, meetingId: Uuid }),
    query: none,
    body: none,
    response: z.object({ documents: z.array(DocumentSummary) }),
  }),
  checklist: endpoint({
    ...apiRoutes.checklist,
    params: partnershipParams,
    query: none,
    body: none,
    response: Checklist,
  }),
  listObservations: endpoint({
    ...apiRoutes.listObservations,
    params: partnershipParams,
    query: z.strictObject({ meetingId: Uuid.optional() }),
    body: none,
    response: z.object({ observations: z.array(Observation) }),
  }),
  createObservation: endpoint({
    ...apiRoutes.createObservation,
    params: partnershipParams,
    query: none,
    body: NewObservation,
    response: Observation,
  }),
} as const;
