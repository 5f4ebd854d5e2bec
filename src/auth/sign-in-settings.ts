import type { Config } from '../config/config.js';
import type { SignInSettings } from '../contract/sign-in.js';
import { authorityHostFor } from '../graph/graph-auth.js';
import { graphDefaultScopeFor } from '../graph/graph-url.js';

/**
 * What the tab is told about signing in. The API scope sits on the Application ID URI the Teams app
 * registration uses (aad.manifest.json: api://{tab host}/{client id}); consent is asked for Graph's
 * `.default`, the scope the on-behalf-of exchange asks for (src/graph/graph-auth.ts).
 */
export function signInSettingsFor(config: Pick<Config, 'authMode' | 'entra' | 'publicUrl' | 'graphBaseUrl'>): SignInSettings {
  if (config.authMode === 'dev' || !config.entra) return { mode: 'dev' };
  const { clientId, tenantId, ssoScope } = config.entra;
  return {
    mode: 'entra',
    clientId,
    tenantId,
    authorityHost: authorityHostFor(config.graphBaseUrl),
    apiScope: `api://${new URL(config.publicUrl).host}/${clientId}/${ssoScope}`,
    consentScopes: [graphDefaultScopeFor(config.graphBaseUrl)],
  };
}
