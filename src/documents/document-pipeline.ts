import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { Logger } from '../server/logger.js';
import type { Database } from '../storage/schema.js';
import { ContentStore } from './content-store.js';
import type { DocumentSource, LocationInput, ResolvedLocation } from './document-source.js';
import { LocationNotFoundError } from './document-source.js';
import { extractPages } from './extraction/index.js';
import { LocalDocumentSource, resolveLocalLocation } from './sources/local-source.js';
import { SyncRunner } from './sync/sync-runner.js';
import { graphPartsFor } from './graph-parts.js';

export interface DocumentPipeline {
  store: ContentStore;
  runner: SyncRunner;
  resolve: (input: LocationInput, userAssertion?: string) => Promise<ResolvedLocation>;
}

/** Optional Graph parts, present when DOCUMENT_SOURCE=graph. */
export interface GraphParts {
  source: DocumentSource;
  /** With a user's token, resolves on their behalf (when the app can exchange it); else app-only. */
  resolve: (input: LocationInput, userAssertion?: string) => Promise<ResolvedLocation>;
}

/**
 * The document pipeline's parts for this configuration: the content store, the sources
 * (the local folder always, Graph when configured), the location resolver and the sync runner.
 */
export function createDocumentPipeline(config: Config, db: Kysely<Database>, options: { logger?: Logger; now?: () => Date; graph?: GraphParts } = {}): DocumentPipeline {
  const store = new ContentStore(config.contentDir);
  const local = new LocalDocumentSource(config.documentLibraryDir);
  const graph = options.graph ?? graphPartsFor(config, options.logger);
  const runner = new SyncRunner({
    db,
    store,
    extract: (bytes, mimeType, fileName) => extractPages(bytes, mimeType, fileName),
    sourceFor: (kind) => (kind === 'local' ? local : graph?.source),
    now: options.now,
    logger: options.logger,
  });
  const resolve = async (input: LocationInput, userAssertion?: string): Promise<ResolvedLocation> => {
    if ('localFolder' in input) return resolveLocalLocation(config.documentLibraryDir, input.localFolder);
    if (!graph) {
      throw new LocationNotFoundError(
        'site' in input ? 'site' : 'channel',
        'SharePoint locations need the Graph document source: set DOCUMENT_SOURCE=graph and its credentials (see README).',
      );
    }
    return graph.resolve(input, userAssertion);
  };
  return { store, runner, resolve };
}
