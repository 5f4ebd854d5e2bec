import type { Config } from '../config/config.js';
import { type ConfidentialClientLike, type GraphTokenProvider, OnBehalfOfTokenSource, selectAppTokenProvider } from '../graph/graph-auth.js';
import { createGraphClient, type GraphClient } from '../graph/graph-client.js';
import type { Logger } from '../server/logger.js';
import type { GraphParts } from './document-pipeline.js';
import { GraphDocumentSource } from './sources/graph-source.js';
import { resolveGraphLocation } from './sources/graph-locations.js';

/**
 * The Graph source and resolver, when DOCUMENT_SOURCE=graph. Sync runs app-only, with the least
 * privilege (Sites.Selected). Resolving a location the business manager typed runs on their behalf
 * when the app has a secret to exchange their token with, so a site they cannot open is not found.
 */
export function graphPartsFor(config: Config, logger?: Logger, options: { onBehalfOfApp?: ConfidentialClientLike } = {}): GraphParts | undefined {
  if (config.documentSource !== 'graph') return undefined;
  const clientWith = (provider: GraphTokenProvider): GraphClient => graphClientWith(config, provider, logger);
  const client = appGraphClient(config, logger);
  // One confidential client for the app: msal caches each user's exchanged token in it.
  const app = config.graphApp;
  const onBehalfOf = app?.clientSecret
    ? new OnBehalfOfTokenSource({ ...app, clientSecret: app.clientSecret, graphBaseUrl: config.graphBaseUrl }, options.onBehalfOfApp)
    : undefined;
  return {
    // Library columns come with each item, so a meeting date kept in a column can attach papers.
    source: new GraphDocumentSource(client, { expandListItemFields: true }),
    resolve: (input, userAssertion) =>
      resolveGraphLocation(userAssertion && onBehalfOf ? clientWith(onBehalfOf.forUser(userAssertion)) : client, input),
  };
}

function graphClientWith(config: Config, tokens: GraphTokenProvider, logger?: Logger): GraphClient {
  return createGraphClient({
    baseUrl: config.graphBaseUrl,
    tokens,
    onRetry: (info) => logger?.warn('Microsoft Graph asked us to wait; retrying', info as unknown as Record<string, unknown>),
  });
}

/** The app-only Graph client (sync, and saving generated reports), with the configured credentials. */
export function appGraphClient(config: Config, logger?: Logger): GraphClient {
  const tokens = selectAppTokenProvider({
    graphBaseUrl: config.graphBaseUrl,
    graphToken: config.graphToken,
    entra: config.graphApp,
    managedIdentity: config.managedIdentityClientId ? { clientId: config.managedIdentityClientId } : undefined,
  });
  return graphClientWith(config, tokens, logger);
}
