import { z } from 'zod';
import { IsoDateTime, UserText, Uuid } from './values.js';

/** Where a forum's papers are: what the business manager types, before it is resolved. */
export const LocationInputSchema = z.union([
  z.strictObject({
    site: UserText(2000),
    library: UserText(255).optional(),
    folder: z.string().trim().max(1000, { error: 'must be at most 1000 characters' }).optional(),
  }),
  z.strictObject({ teamId: UserText(500), channelId: UserText(500) }),
  z.strictObject({ localFolder: z.string().trim().max(1000, { error: 'must be at most 1000 characters' }) }),
], { error: 'must name a SharePoint site (site, library, folder), a Teams channel (teamId, channelId) or a local folder (localFolder)' });

export const ForumSource = z.object({
  forumId: Uuid,
  forumName: z.string(),
  source: z
    .object({
      kind: z.enum(['local', 'graph']),
      siteUrl: z.string().nullable(),
      driveId: z.string(),
      driveName: z.string().nullable(),
      folderPath: z.string(),
      teamId: z.string().nullable(),
      channelId: z.string().nullable(),
      documentCount: z.number().int(),
    })
    .nullable(),
});
export type ForumSource = z.infer<typeof ForumSource>;

export const DriveSyncStatus = z.object({
  kind: z.enum(['local', 'graph']),
  driveId: z.string(),
  driveName: z.string().nullable(),
  status: z.enum(['idle', 'running', 'failed']),
  itemsDone: z.number().int(),
  itemsTotal: z.number().int().nullable(),
  startedAt: IsoDateTime.nullable(),
  lastSuccessAt: IsoDateTime.nullable(),
  lastError: z.string().nullable(),
});
export type DriveSyncStatus = z.infer<typeof DriveSyncStatus>;

export const UnreadableFile = z.object({
  documentId: Uuid.nullable(),
  fileName: z.string(),
  reason: z.string(),
});
export type UnreadableFile = z.infer<typeof UnreadableFile>;

export const SyncStatus = z.object({
  running: z.boolean(),
  drives: z.array(DriveSyncStatus),
  unreadableFiles: z.array(UnreadableFile),
});
export type SyncStatus = z.infer<typeof SyncStatus>;
