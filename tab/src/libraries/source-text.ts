import type { ForumSource } from '../../../src/contract/index.js';

export type Source = NonNullable<ForumSource['source']>;

/** What an empty source means, in words: said in the list and in the editor. */
export const NOT_SET_TEXT = 'Not set: papers for this forum won’t be found';

/** "1 document", "12 documents", "No documents yet". */
export function documentCountText(count: number): string {
  if (count === 0) return 'No documents yet';
  return count === 1 ? '1 document' : `${count} documents`;
}

/**
 * A SharePoint source's folder below its library: the server keeps the path with the
 * library's own URL name first ("Shared Documents/Executive" → "Executive").
 */
export function folderWithinLibrary(source: Source): string {
  if (source.kind === 'local') return source.folderPath;
  const [, ...rest] = source.folderPath.split('/');
  return rest.join('/');
}

/**
 * Where a forum's papers come from, as one line:
 * SharePoint "site › library › folder", a Teams channel's files, or local folder "X".
 */
export function describeSource(source: Source): string {
  if (source.kind === 'local') {
    return source.folderPath ? `Local folder “${source.folderPath}”` : 'The whole local library';
  }
  const folder = folderWithinLibrary(source) || 'whole library';
  const library = source.driveName ?? 'document library';
  if (source.teamId) return `Teams channel files: ${library} › ${folder}`;
  return `SharePoint: ${source.siteUrl ?? 'site'} › ${library} › ${folder}`;
}
