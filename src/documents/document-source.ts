/**
 * Where papers come from. Two implementations feed the same sync pipeline:
 * `graph` (SharePoint document libraries through Microsoft Graph) and `local`
 * (a folder: the embedded default and the demo).
 *
 * Items are tracked by id, never by path: Graph's delta feed gives no paths, and
 * an id survives a rename or a move.
 */
export interface SourceItem {
  id: string;
  /** Absent on deleted items (SharePoint omits the name of a deleted item). */
  name?: string;
  parentId: string | null;
  isFolder: boolean;
  deleted: boolean;
  size?: number;
  eTag?: string;
  /** Changes only when the content changes. SharePoint's delta omits it; describe() fills it in. */
  cTag?: string;
  /** A content hash the source provides (e.g. Graph's quickXorHash), when it has one. */
  contentHash?: string;
  lastModified?: string;
  mimeType?: string;
  /** A short-lived pre-authenticated URL: fetched without our Authorization header. */
  downloadUrl?: string;
  /** Library columns (SharePoint list item fields), e.g. a meeting date. */
  fields?: Record<string, unknown>;
}

export interface ChangePage {
  items: SourceItem[];
  /** What to call after applying this page: a next-page link, or the delta link when `done`. */
  cursor: string;
  /** The last page of this round: `cursor` is the delta link for next time. */
  done: boolean;
  /**
   * The source could not continue from the cursor (Graph's 410 Gone) and began a full
   * enumeration again: items not seen by its end are gone.
   */
  restarted: boolean;
}

export interface ItemDetails {
  cTag?: string;
  eTag?: string;
  size?: number;
  contentHash?: string;
  downloadUrl?: string;
}

export interface DocumentSource {
  readonly kind: 'local' | 'graph';
  /** The next page of changes after `cursor`; null starts a full enumeration of the drive. */
  nextPage(driveId: string, cursor: string | null): Promise<ChangePage>;
  /** What a change feed left out (cTag, download URL), for many items at once (Graph: $batch of 20). */
  describe(driveId: string, itemIds: string[]): Promise<Map<string, ItemDetails>>;
  /** The file's bytes. */
  download(driveId: string, item: SourceItem & ItemDetails): Promise<Uint8Array>;
  /** A PDF rendition of an Office file (Graph: ?format=pdf). Sources that cannot convert throw ConversionUnavailable. */
  downloadPdfRendition(driveId: string, itemId: string): Promise<Uint8Array>;
}

export class ConversionUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConversionUnavailableError';
  }
}

/** A configured place: resolved once, stored by id. */
export interface ResolvedLocation {
  kind: 'local' | 'graph';
  siteId: string | null;
  siteUrl: string | null;
  driveId: string;
  driveName: string | null;
  /** Null means the drive's root. */
  folderItemId: string | null;
  /** For people to read, e.g. "Shared Documents/Executive"; for local, relative to the library folder. */
  folderPath: string;
  teamId: string | null;
  channelId: string | null;
}

/** What a business manager types to configure a forum's papers. */
export type LocationInput =
  | { site: string; library?: string; folder?: string }
  | { teamId: string; channelId: string }
  | { localFolder: string };

/** A configuration that names something that is not there: the message names it. */
export class LocationNotFoundError extends Error {
  constructor(
    readonly part: 'site' | 'library' | 'folder' | 'channel',
    message: string,
  ) {
    super(message);
    this.name = 'LocationNotFoundError';
  }
}
