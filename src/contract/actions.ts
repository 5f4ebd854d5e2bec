import { z } from 'zod';
import { ACTION_SOURCES, ACTION_STATUSES, RAG, SURFACES } from '../domain/vocabulary.js';
import { IsoDate, IsoDateTime, UserText, Uuid } from './values.js';

/** The composite action tracker: shapes of the list, the inline edit, the history and sign-off. */

const Named = z.object({ id: Uuid, name: z.string() });
export const ActionSourceSchema = z.enum(ACTION_SOURCES, { error: `must be one of ${ACTION_SOURCES.join(', ')}` });
export const ActionStatusSchema = z.enum(ACTION_STATUSES);

export const ActionEvidenceLink = z.object({ id: Uuid, url: z.string(), title: z.string() });
export type ActionEvidenceLink = z.infer<typeof ActionEvidenceLink>;

/** One row of the tracker, with every column the tab shows. */
export const TrackerAction = z.object({
  id: Uuid,
  reference: z.string(),
  title: z.string(),
  description: z.string(),
  source: ActionSourceSchema,
  sourceRef: z.string().nullable(),
  area: Named.nullable(),
  owner: Named.nullable(),
  agency: Named.nullable(),
  forum: Named.nullable(),
  dueDate: IsoDate.nullable(),
  status: ActionStatusSchema,
  percentComplete: z.number().int().min(0).max(100),
  /** Computed by the partnership's rule (see `ragRule` of the list); null for a withdrawn action. */
  rag: z.enum(RAG).nullable(),
  overdue: z.boolean(),
  lastUpdate: z.object({ at: IsoDateTime, by: Named.nullable(), comment: z.string().nullable() }).nullable(),
  evidence: z.object({ count: z.number().int(), links: z.array(ActionEvidenceLink) }),
  completionProposed: z.object({ at: IsoDateTime, by: Named.nullable() }).nullable(),
  signedOff: z.object({ at: IsoDateTime, by: Named.nullable() }).nullable(),
  /** Send it back with an edit: a change made meanwhile is refused (409 edit_conflict), not overwritten. */
  version: z.number().int(),
  updatedAt: IsoDateTime,
});
export type TrackerAction = z.infer<typeof TrackerAction>;

export const RagRule = z.object({
  redMaxPercent: z.number().int(),
  amberMaxPercent: z.number().int(),
  overdueRedBelowPercent: z.number().int(),
  description: z.string(),
});

export const ActionList = z.object({
  actions: z.array(TrackerAction),
  /** The UK calendar day the RAG and "overdue" were computed for. */
  today: IsoDate,
  ragRule: RagRule,
});
export type ActionList = z.infer<typeof ActionList>;

const Percent = z
  .number({ error: 'must be a whole number from 0 to 100' })
  .int({ error: 'must be a whole number from 0 to 100' })
  .min(0, { error: 'must be a whole number from 0 to 100' })
  .max(100, { error: 'must be a whole number from 0 to 100' });
const Reference = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(40, { error: 'must be at most 40 characters' });
/** What an edit may set the status to: completion goes through proposal and sign-off instead. */
export const EDITABLE_STATUSES = ['not_started', 'in_progress', 'withdrawn'] as const;
const EditableStatus = z.enum(EDITABLE_STATUSES, {
  error: 'must be not_started, in_progress or withdrawn (completion is proposed by the owner and signed off by the scrutineer or business manager)',
});
const Comment = UserText(2000);

/** A new action. The id is made by the client, so a retried create never makes two. */
export const NewAction = z.strictObject({
  id: Uuid,
  /** Made from the source (SCR-07, AUD-12…) when absent. */
  reference: Reference.optional(),
  title: UserText(2000),
  description: z.string().trim().max(10000, { error: 'must be at most 10000 characters' }).optional(),
  source: ActionSourceSchema,
  sourceRef: z.string().trim().max(200, { error: 'must be at most 200 characters' }).nullable().optional(),
  areaId: Uuid.nullable().optional(),
  ownerPersonId: Uuid.nullable().optional(),
  /** Defaults to the owner's agency. */
  agencyId: Uuid.nullable().optional(),
  forumId: Uuid.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  status: z.enum(['not_started', 'in_progress'], { error: 'must be not_started or in_progress' }).optional(),
  percentComplete: Percent.optional(),
});
export type NewAction = z.infer<typeof NewAction>;

/** An inline edit: the version the editor saw, and only what changes. */
export const ActionPatch = z
  .strictObject({
    version: z.number({ error: 'must be the version of the action you edited' }).int().min(1),
    title: UserText(2000).optional(),
    description: z.string().trim().max(10000, { error: 'must be at most 10000 characters' }).optional(),
    areaId: Uuid.nullable().optional(),
    ownerPersonId: Uuid.nullable().optional(),
    agencyId: Uuid.nullable().optional(),
    dueDate: IsoDate.nullable().optional(),
    status: EditableStatus.optional(),
    percentComplete: Percent.optional(),
    /** Why, for the history. */
    comment: Comment.optional(),
  })
  .refine((p) => Object.keys(p).some((k) => k !== 'version' && k !== 'comment'), { error: 'must change at least one field' });
export type ActionPatch = z.infer<typeof ActionPatch>;

export const NewActionEvidence = z.strictObject({
  /** A SharePoint link (https, *.sharepoint.com): where the partnership's access rules apply. */
  url: z.string({ error: 'must be a link' }).trim().min(1, { error: 'must not be empty' }).max(2000, { error: 'must be at most 2000 characters' }),
  /** Defaults to the file's name from the link. */
  title: z.string().trim().max(200, { error: 'must be at most 200 characters' }).optional(),
  comment: Comment.optional(),
});
export type NewActionEvidence = z.infer<typeof NewActionEvidence>;

export const ProposeCompletion = z.strictObject({ comment: Comment.optional() });
export type ProposeCompletion = z.infer<typeof ProposeCompletion>;

export const SignOff = z.strictObject({ comment: Comment.optional() });
export type SignOff = z.infer<typeof SignOff>;

export const DeclineSignOff = z.strictObject({ reason: UserText(2000) });
export type DeclineSignOff = z.infer<typeof DeclineSignOff>;

/** One entry of an action's history: what changed (field → { from, to }), who, where, and why. */
export const ActionHistoryEntry = z.object({
  id: Uuid,
  at: IsoDateTime,
  by: Named.nullable(),
  surface: z.enum(SURFACES),
  changes: z.record(z.string(), z.unknown()),
  comment: z.string().nullable(),
});
export type ActionHistoryEntry = z.infer<typeof ActionHistoryEntry>;

export const ActionHistory = z.object({ actionId: Uuid, reference: z.string(), entries: z.array(ActionHistoryEntry) });
export type ActionHistory = z.infer<typeof ActionHistory>;
