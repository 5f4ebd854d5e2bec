import type { Config } from '../config/config.js';
import { selectAppTokenProvider } from '../graph/graph-auth.js';
import { createGraphClient } from '../graph/graph-client.js';
import type { Logger } from '../server/logger.js';
import type { GraphParts } from './document-pipeline.js';
import { GraphDocumentSource } from './sources/graph-source.js';
import { resolveGraphLocation } from './sources/graph-locations.js';

/** The Graph source and resolver, when DOCUMENT_SOURCE=graph; app-only credentials, least privilege (Sites.Selected). */
export function graphPartsFor(config: Config, logger?: Logger): GraphParts | undefined {
  if (config.documentSource !== 'graph') return undefined;
  const tokens = selectAppTokenProvider({
    graphBaseUrl: config.graphBaseUrl,
    graphToken: config.graphToken,
    entra: config.graphApp,
    managedIdentity: config.managedIdentityClientId ? { clientId: config.managedIdentityClientId } : undefined,
  });
  const client = createGraphClient({
    baseUrl: config.graphBaseUrl,
    tokens,
    onRetry: (info) => logger?.warn('Microsoft Graph asked us to wait; retrying', info as unknown as Record<string, unknown>),
  });
  // Library columns come with each item, so a meeting date kept in a column can attach papers.
  return { source: new GraphDocumentSource(client, { expandListItemFields: true }), resolve: (input) => resolveGraphLocation(client, input) };
}
