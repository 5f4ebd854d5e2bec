import type { BodyOf, ErrorDetail } from '../../../src/contract/index.js';
import type { endpoints } from '../../../src/contract/index.js';
import { folderWithinLibrary, type Source } from './source-text.js';

export type SourceKind = 'sharepoint' | 'teams' | 'local';
export type FieldName = 'site' | 'library' | 'folder' | 'teamId' | 'channelId' | 'localFolder';
export type SourceDraft = Record<FieldName, string>;
export type FieldErrors = Partial<Record<FieldName, string>>;
export type LocationBody = BodyOf<typeof endpoints.setDocumentSource>;

const EMPTY: SourceDraft = { site: '', library: '', folder: '', teamId: '', channelId: '', localFolder: '' };

/** The kind of source a saved one is, for the editor's choice. */
export function kindOf(source: Source | null, fallback: SourceKind): SourceKind {
  if (!source) return fallback;
  if (source.kind === 'local') return 'local';
  return source.teamId ? 'teams' : 'sharepoint';
}

/** The editor's fields, filled from what is saved (so Save without changes keeps it). */
export function draftFrom(source: Source | null, forumName: string): SourceDraft {
  if (!source) return { ...EMPTY, localFolder: forumName };
  if (source.kind === 'local') return { ...EMPTY, localFolder: source.folderPath };
  if (source.teamId) return { ...EMPTY, teamId: source.teamId, channelId: source.channelId ?? '' };
  return { ...EMPTY, site: source.siteUrl ?? '', library: source.driveName ?? '', folder: folderWithinLibrary(source) };
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** The request body for the chosen kind, or the fields to fill in first. */
export function bodyFrom(kind: SourceKind, draft: SourceDraft): { body: LocationBody } | { errors: FieldErrors } {
  if (kind === 'sharepoint') {
    if (!draft.site.trim()) return { errors: { site: 'Enter the SharePoint site’s address.' } };
    return { body: { site: draft.site.trim(), library: optional(draft.library), folder: optional(draft.folder) } };
  }
  if (kind === 'teams') {
    const errors: FieldErrors = {};
    if (!draft.teamId.trim()) errors.teamId = 'Enter the team’s id.';
    if (!draft.channelId.trim()) errors.channelId = 'Enter the channel’s id.';
    if (errors.teamId || errors.channelId) return { errors };
    return { body: { teamId: draft.teamId.trim(), channelId: draft.channelId.trim() } };
  }
  return { body: { localFolder: draft.localFolder.trim() } };
}

/** The editor field an API error detail names (`body.site`, `body.folder`, `body.channel`…), if any. */
export function fieldForPath(kind: SourceKind, path: string): FieldName | undefined {
  const part = path.replace(/^body\.?/, '').split('.')[0] ?? '';
  switch (part) {
    case 'site':
    case 'library':
    case 'teamId':
    case 'channelId':
    case 'localFolder':
      return part;
    case 'folder':
      return kind === 'local' ? 'localFolder' : 'folder';
    case 'channel':
      return 'channelId';
    default:
      return undefined;
  }
}

/** Spreads an API error's details over the fields they name; what names no field is returned apart. */
export function errorsFromDetails(kind: SourceKind, details: readonly ErrorDetail[], message: string): { fields: FieldErrors; general: string | null } {
  const fields: FieldErrors = {};
  for (const detail of details) {
    const field = fieldForPath(kind, detail.path);
    if (field && !fields[field]) fields[field] = detail.message;
  }
  return { fields, general: Object.keys(fields).length > 0 ? null : message };
}
