import { z } from 'zod';
import {
  DocumentKindSchema,
  EvidenceTypeSchema,
  ForumKindSchema,
  IsoDateTime,
  JudgementSchema,
  OperationSchema,
  RoleSchema,
  UserText,
  Uuid,
  VisibilitySchema,
} from './values.js';

export const PersonSummary = z.object({
  id: Uuid,
  displayName: z.string(),
  role: RoleSchema,
  jobTitle: z.string().nullable(),
  agencyName: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PartnershipSummary = z.object({
  id: Uuid,
  name: z.string(),
  shortName: z.string(),
  isSynthetic: z.boolean(),
});
export type PartnershipSummary = z.infer<typeof PartnershipSummary>;

export const DevPerson = PersonSummary.extend({ partnership: PartnershipSummary });
export type DevPerson = z.infer<typeof DevPerson>;

export const Me = z.object({
  person: PersonSummary,
  partnership: PartnershipSummary,
  permissions: z.array(OperationSchema),
  authMode: z.enum(['dev', 'entra']),
});
export type Me = z.infer<typeof Me>;

export const MeetingSummary = z.object({
  id: Uuid,
  forumId: Uuid,
  forumName: z.string(),
  title: z.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  documentCount: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const ForumSummary = z.object({
  id: Uuid,
  name: z.string(),
  kind: ForumKindSchema,
  description: z.string(),
  chairName: z.string().nullable(),
  meetingCount: z.number().int(),
  nextMeeting: MeetingSummary.nullable(),
});
export type ForumSummary = z.infer<typeof ForumSummary>;

export const PartnershipOverview = z.object({
  partnership: PartnershipSummary.extend({ scrutinyDaysBudget: z.number(), frameworkTitle: z.string().nullable() }),
  counts: z.object({
    forums: z.number().int(),
    meetings: z.number().int(),
    documents: z.number().int(),
    people: z.number().int(),
  }),
  upcomingMeetings: z.array(MeetingSummary),
});
export type PartnershipOverview = z.infer<typeof PartnershipOverview>;

export const ChecklistArea = z.object({
  id: Uuid,
  key: z.string(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  prompts: z.array(z.string()),
});
export type ChecklistArea = z.infer<typeof ChecklistArea>;

export const Checklist = z.object({
  frameworkId: Uuid,
  key: z.string(),
  version: z.number().int(),
  title: z.string(),
  areas: z.array(ChecklistArea),
});
export type Checklist = z.infer<typeof Checklist>;

export const DocumentSummary = z.object({
  id: Uuid,
  title: z.string(),
  kind: DocumentKindSchema,
  forumId: Uuid.nullable(),
  meetingId: Uuid.nullable(),
  fileName: z.string().nullable(),
  pageCount: z.number().int().nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const Observation = z.object({
  id: Uuid,
  authorId: Uuid,
  meetingId: Uuid.nullable(),
  documentId: Uuid.nullable(),
  agendaItemId: Uuid.nullable(),
  body: z.string(),
  judgement: JudgementSchema,
  evidenceType: EvidenceTypeSchema,
  areaIds: z.array(Uuid),
  visibility: VisibilitySchema,
  observedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Set while a deletion can still be undone. */
  deletedAt: IsoDateTime.nullable(),
});
export type Observation = z.infer<typeof Observation>;

/** An edit to an observation: only what changes. */
export const ObservationPatch = z
  .strictObject({
    body: UserText(10000).optional(),
    judgement: JudgementSchema.optional(),
    evidenceType: EvidenceTypeSchema.optional(),
    areaIds: z
      .array(Uuid)
      .min(1, { error: 'must name at least one checklist area' })
      .max(20, { error: 'must name at most 20 checklist areas' })
      .optional(),
    meetingId: Uuid.nullable().optional(),
    documentId: Uuid.nullable().optional(),
    agendaItemId: Uuid.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { error: 'must change at least one field' });
export type ObservationPatch = z.infer<typeof ObservationPatch>;

/** The id is made by the client, so a retried save can never create a second observation. */
export const NewObservation = z.strictObject({
  id: Uuid,
  body: UserText(10000),
  judgement: JudgementSchema,
  evidenceType: EvidenceTypeSchema,
  areaIds: z
    .array(Uuid)
    .min(1, { error: 'must name at least one checklist area' })
    .max(20, { error: 'must name at most 20 checklist areas' }),
  meetingId: Uuid.nullable().optional(),
  documentId: Uuid.nullable().optional(),
  agendaItemId: Uuid.nullable().optional(),
  observedAt: IsoDateTime.optional(),
});
export type NewObservation = z.infer<typeof NewObservation>;

/** One item of a meeting's agenda, in the order it is taken; `documentId` is its paper, if any. */
export const AgendaItem = z.object({
  id: Uuid,
  position: z.number().int(),
  title: z.string(),
  presenter: z.string().nullable(),
  documentId: Uuid.nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** A meeting with what the side panel shows: its agenda and its papers. */
export const MeetingDetail = MeetingSummary.extend({
  location: z.string().nullable(),
  agendaItems: z.array(AgendaItem),
  /** Empty for a role that may not read papers. */
  documents: z.array(DocumentSummary),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;
