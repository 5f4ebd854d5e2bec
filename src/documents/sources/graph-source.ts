/**
 * SharePoint document libraries through Microsoft Graph: the drive's delta feed for changes,
 * `$batch` for what the feed leaves out, and pre-authenticated URLs for bytes.
 */
import type { GraphClient } from '../../graph/graph-client.js';
import { GraphGoneError, GraphRequestError, GraphResponseError, GraphThrottledError } from '../../graph/graph-errors.js';
import { isRetryableStatus } from '../../graph/retry-policy.js';
import {
  ConversionUnavailableError,
  type ChangePage,
  type DocumentSource,
  type ItemDetails,
  type SourceItem,
} from '../document-source.js';
import {
  DETAILS_SELECT,
  ITEM_SELECT,
  lastOccurrences,
  toItemDetails,
  toSourceItem,
  type CollectionPageJson,
  type DeltaPageJson,
  type DriveItemJson,
} from './graph-drive-item.js';

export interface GraphSourceOptions {
  /** Also ask for the library's columns (list item fields), e.g. a meeting date column. */
  expandListItemFields?: boolean;
  /** `$top` for delta pages; Graph picks its own page size when unset. */
  pageSize?: number;
}

const drivePath = (driveId: string): string => `/drives/${encodeURIComponent(driveId)}`;
const itemPath = (driveId: string, itemId: string): string => `${drivePath(driveId)}/items/${encodeURIComponent(itemId)}`;

/** A download link that no longer works (expired, or the file changed): ask Graph for a fresh one. */
const isStaleLink = (e: unknown): boolean => e instanceof GraphRequestError && [401, 403, 404, 410].includes(e.status);

export class GraphDocumentSource implements DocumentSource {
  readonly kind = 'graph' as const;

  constructor(
    private readonly client: GraphClient,
    private readonly options: GraphSourceOptions = {},
  ) {}

  /** The first delta call of a full enumeration. */
  deltaStartPath(driveId: string): string {
    const query = [`$select=${ITEM_SELECT}`];
    if (this.options.expandListItemFields) query.push('$expand=listItem($expand=fields)');
    if (this.options.pageSize) query.push(`$top=${this.options.pageSize}`);
    return `${drivePath(driveId)}/root/delta?${query.join('&')}`;
  }

  async nextPage(driveId: string, cursor: string | null): Promise<ChangePage> {
    let page: DeltaPageJson;
    let restarted = false;
    try {
      page = await this.client.get<DeltaPageJson>(cursor ?? this.deltaStartPath(driveId));
    } catch (error) {
      if (!(error instanceof GraphGoneError)) throw error;
      // The token cannot be used (resyncChangesApplyDifferences…): Graph's Location starts a full
      // enumeration; the pipeline treats what it does not see again as gone.
      page = await this.client.get<DeltaPageJson>(error.location ?? this.deltaStartPath(driveId));
      restarted = true;
    }
    const next = page['@odata.nextLink'];
    const delta = page['@odata.deltaLink'];
    const link = next ?? delta;
    if (!link) {
      throw new GraphResponseError('A delta page came without @odata.nextLink or @odata.deltaLink', cursor ?? driveId, 1);
    }
    return {
      items: lastOccurrences((page.value ?? []).map(toSourceItem)),
      cursor: link,
      done: next === undefined,
      restarted,
    };
  }

  async describe(driveId: string, itemIds: string[]): Promise<Map<string, ItemDetails>> {
    const unique = [...new Set(itemIds)];
    // Batch ids are positions: item ids are opaque and Graph compares batch ids case-insensitively.
    const answers = await this.client.batch(
      unique.map((id, i) => ({ id: String(i), method: 'GET' as const, url: `${itemPath(driveId, id)}?$select=${DETAILS_SELECT}` })),
    );
    const details = new Map<string, ItemDetails>();
    unique.forEach((itemId, i) => {
      const answer = answers.get(String(i));
      if (!answer) return;
      if (answer.status === 200) {
        details.set(itemId, toItemDetails(answer.body as DriveItemJson));
        return;
      }
      if (answer.status === 404) return; // deleted since the feed said it changed: the next page will say so
      const code = (answer.body as { error?: { code?: string } } | undefined)?.error?.code;
      if (isRetryableStatus(answer.status)) {
        const url = itemPath(driveId, itemId);
        throw new GraphThrottledError(`Graph still throttled describing item ${itemId} after every attempt`, answer.status, code, url, undefined, 0);
      }
      throw new GraphRequestError(
        `Graph could not describe item ${itemId} in drive ${driveId}: ${answer.status === 0 ? 'no answer' : `status ${answer.status}`}${code ? ` ${code}` : ''}`,
        answer.status,
        code,
        `${itemPath(driveId, itemId)}`,
      );
    });
    return details;
  }

  async download(driveId: string, item: SourceItem & ItemDetails): Promise<Uint8Array> {
    if (item.downloadUrl) {
      try {
        return await this.client.fetchPreauthenticated(item.downloadUrl);
      } catch (error) {
        if (!isStaleLink(error)) throw error;
      }
    }
    return this.client.getContent(`${itemPath(driveId, item.id)}/content`);
  }

  async downloadPdfRendition(driveId: string, itemId: string): Promise<Uint8Array> {
    try {
      return await this.client.getContent(`${itemPath(driveId, itemId)}/content?format=pdf`);
    } catch (error) {
      // Graph answers 406 notSupported for files it cannot convert.
      if (error instanceof GraphRequestError && (error.status === 406 || error.status === 415 || error.code === 'notSupported')) {
        throw new ConversionUnavailableError(`Graph cannot convert item ${itemId} to PDF: ${error.message}`);
      }
      throw error;
    }
  }
}

/**
 * Every item under a folder by recursive `/children` listing, following nextLinks. Only the
 * benchmark baseline for delta sync: it costs a request per folder, and Graph warns that paging
 * through children can miss items written meanwhile.
 */
export async function naiveListing(client: GraphClient, driveId: string, folderItemId: string | null): Promise<SourceItem[]> {
  const found: SourceItem[] = [];
  const folders: (string | null)[] = [folderItemId];
  while (folders.length > 0) {
    const folder = folders.shift() ?? null;
    const base = folder === null ? `${drivePath(driveId)}/root` : itemPath(driveId, folder);
    let url: string | undefined = `${base}/children?$select=${ITEM_SELECT}`;
    while (url) {
      const page: CollectionPageJson = await client.get<CollectionPageJson>(url);
      for (const raw of page.value ?? []) {
        const item = toSourceItem(raw);
        found.push(item);
        if (item.isFolder) folders.push(item.id);
      }
      url = page['@odata.nextLink'];
    }
  }
  return found;
}
