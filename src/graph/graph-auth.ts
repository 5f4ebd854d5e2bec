/**
 * Where Graph access tokens come from. Everything that calls Graph sees one small interface,
 * `GraphTokenProvider`; the msal-node imports stay in this file so that a change of library is local.
 *
 * - static: GRAPH_TOKEN, for tests and local Graph stand-ins;
 * - app-only client credentials (ENTRA_CLIENT_ID + ENTRA_CLIENT_SECRET) for background sync;
 * - managed identity, when the app runs in Azure with one;
 * - on-behalf-of a signed-in user (the tab's token), where consent can be missing.
 *
 * msal-node caches tokens in memory (client credentials and OBO alike), so getToken() is cheap
 * after the first call and we keep no cache of our own.
 */
import { ConfidentialClientApplication, ManagedIdentityApplication } from '@azure/msal-node';
import { graphDefaultScopeFor, graphResourceFor, parseGraphBaseUrl } from './graph-url.js';

export interface GraphTokenProvider {
  getToken(): Promise<string>;
}

/** A token given in configuration (GRAPH_TOKEN). Never for production data. */
export class StaticTokenProvider implements GraphTokenProvider {
  constructor(private readonly token: string) {
    if (token.trim() === '') throw new Error('A static Graph token must not be empty');
  }
  getToken(): Promise<string> {
    return Promise.resolve(this.token);
  }
}

/** The sign-in host that issues tokens for a Graph cloud. */
export function authorityHostFor(graphBaseUrl: string): string {
  const host = new URL(parseGraphBaseUrl(graphBaseUrl).origin).hostname;
  if (host === 'graph.microsoft.us' || host === 'dod-graph.microsoft.us') return 'https://login.microsoftonline.us';
  if (host === 'microsoftgraph.chinacloudapi.cn') return 'https://login.chinacloudapi.cn';
  return 'https://login.microsoftonline.com';
}

/** The part of ConfidentialClientApplication we use: lets tests stand in for msal without a network. */
export interface ConfidentialClientLike {
  acquireTokenByClientCredential(request: { scopes: string[] }): Promise<{ accessToken: string } | null>;
  acquireTokenOnBehalfOf(request: { oboAssertion: string; scopes: string[] }): Promise<{ accessToken: string } | null>;
}

export interface EntraAppSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  graphBaseUrl: string;
  /** Overrides the sign-in host derived from the Graph host (sovereign clouds, tests). */
  authorityHost?: string;
}

function createConfidentialClient(s: EntraAppSettings): ConfidentialClientLike {
  const authority = `${(s.authorityHost ?? authorityHostFor(s.graphBaseUrl)).replace(/\/+$/, '')}/${s.tenantId}`;
  return new ConfidentialClientApplication({ auth: { clientId: s.clientId, clientSecret: s.clientSecret, authority } });
}

const requireToken = (result: { accessToken: string } | null, what: string): string => {
  if (!result?.accessToken) throw new Error(`${what} returned no access token`);
  return result.accessToken;
};

/** App-only tokens (client credentials), scope `{graph origin}/.default`. */
export class ClientCredentialsTokenProvider implements GraphTokenProvider {
  private readonly app: ConfidentialClientLike;
  private readonly scope: string;

  constructor(settings: EntraAppSettings, app?: ConfidentialClientLike) {
    this.app = app ?? createConfidentialClient(settings);
    this.scope = graphDefaultScopeFor(settings.graphBaseUrl);
  }

  async getToken(): Promise<string> {
    return requireToken(await this.app.acquireTokenByClientCredential({ scopes: [this.scope] }), 'Client credentials');
  }
}

/** The part of ManagedIdentityApplication we use. */
export interface ManagedIdentityLike {
  acquireToken(request: { resource: string }): Promise<{ accessToken: string }>;
}

/** Tokens from the Azure managed identity (system-assigned, or user-assigned when a client id is given). */
export class ManagedIdentityTokenProvider implements GraphTokenProvider {
  private readonly app: ManagedIdentityLike;
  private readonly resource: string;

  constructor(settings: { graphBaseUrl: string; userAssignedClientId?: string }, app?: ManagedIdentityLike) {
    this.resource = graphResourceFor(settings.graphBaseUrl);
    this.app =
      app ??
      new ManagedIdentityApplication(
        settings.userAssignedClientId ? { managedIdentityIdParams: { userAssignedClientId: settings.userAssignedClientId } } : {},
      );
  }

  async getToken(): Promise<string> {
    return requireToken(await this.app.acquireToken({ resource: this.resource }), 'Managed identity');
  }
}

/**
 * The user must (re)consent or sign in again before we can call Graph for them. The tab answers
 * this by showing a consent prompt (`authentication.authenticate` in Teams) and retrying.
 */
export class ConsentRequiredError extends Error {
  constructor(
    message: string,
    /** consent: AADSTS65001 / consent_required; interaction: MFA, conditional access; grant: the user's token was refused. */
    readonly reason: 'consent' | 'interaction' | 'grant',
    /** The scopes to ask consent for. */
    readonly scopes: string[],
    /** A claims challenge to pass back to sign-in (conditional access), when Entra sent one. */
    readonly claims: string | undefined,
    /** The AADSTS code when the message had one, e.g. `AADSTS65001`. */
    readonly aadCode: string | undefined,
  ) {
    super(message);
    this.name = 'ConsentRequiredError';
  }
}

/** The fields of msal's AuthError / InteractionRequiredAuthError / ServerError that matter here. */
interface MsalErrorLike {
  errorCode?: unknown;
  errorMessage?: unknown;
  subError?: unknown;
  errorNo?: unknown;
  claims?: unknown;
  message?: unknown;
}

const CONSENT_CODES = new Set(['consent_required']);
const INTERACTION_CODES = new Set(['interaction_required', 'login_required']);

/**
 * Maps an msal error to ConsentRequiredError, or undefined when it is some other failure (network,
 * bad secret…) that a consent prompt would not fix. Pure, so it is tested with hand-made errors.
 */
export function toConsentRequiredError(error: unknown, scopes: string[]): ConsentRequiredError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as MsalErrorLike;
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const code = str(e.errorCode);
  const sub = str(e.subError);
  const text = `${str(e.errorMessage)} ${str(e.message)}`;
  const aadCode = /AADSTS\d+/.exec(text)?.[0] ?? (str(e.errorNo) ? `AADSTS${str(e.errorNo)}` : undefined);
  const claims = str(e.claims) || undefined;
  const detail = text.trim().split(/\r?\n/)[0] ?? '';

  let reason: ConsentRequiredError['reason'] | undefined;
  if (aadCode === 'AADSTS65001' || CONSENT_CODES.has(code) || CONSENT_CODES.has(sub)) reason = 'consent';
  else if (INTERACTION_CODES.has(code) || INTERACTION_CODES.has(sub)) reason = 'interaction';
  else if (code === 'invalid_grant') reason = 'grant';
  if (!reason) return undefined;

  const what =
    reason === 'consent'
      ? 'The app needs your consent to read the partnership papers in SharePoint'
      : reason === 'interaction'
        ? 'Microsoft needs you to sign in again before the app can read SharePoint for you'
        : 'Your sign-in could not be used to read SharePoint; sign in again';
  return new ConsentRequiredError(`${what}${detail ? ` (${detail})` : ''}`, reason, scopes, claims, aadCode);
}

/**
 * On-behalf-of: exchanges the user's token (sent by the tab to our API) for a Graph token.
 * One source per app; `forUser` gives a provider bound to one user's token.
 */
export class OnBehalfOfTokenSource {
  private readonly app: ConfidentialClientLike;
  readonly scopes: string[];

  constructor(settings: EntraAppSettings & { scopes?: string[] }, app?: ConfidentialClientLike) {
    this.app = app ?? createConfidentialClient(settings);
    this.scopes = settings.scopes ?? [graphDefaultScopeFor(settings.graphBaseUrl)];
  }

  forUser(userToken: string): GraphTokenProvider {
    return { getToken: () => this.exchange(userToken) };
  }

  private async exchange(userToken: string): Promise<string> {
    try {
      return requireToken(await this.app.acquireTokenOnBehalfOf({ oboAssertion: userToken, scopes: this.scopes }), 'On-behalf-of');
    } catch (error) {
      throw toConsentRequiredError(error, this.scopes) ?? error;
    }
  }
}

/** What selecting a provider needs from Config (a structural subset, so this file does not depend on it). */
export interface GraphAuthSettings {
  graphBaseUrl: string;
  graphToken?: string;
  entra?: { tenantId: string; clientId: string; clientSecret?: string };
  /** Use the Azure managed identity (optionally user-assigned) when there is no secret. */
  managedIdentity?: { clientId?: string };
}

/**
 * The app-only provider for background work (document sync): GRAPH_TOKEN wins (tests, stand-ins),
 * then the Entra app secret, then a managed identity. Throws naming the variables when none is set.
 */
export function selectAppTokenProvider(s: GraphAuthSettings): GraphTokenProvider {
  if (s.graphToken) return new StaticTokenProvider(s.graphToken);
  if (s.entra?.clientSecret) {
    return new ClientCredentialsTokenProvider({ ...s.entra, clientSecret: s.entra.clientSecret, graphBaseUrl: s.graphBaseUrl });
  }
  if (s.managedIdentity) {
    return new ManagedIdentityTokenProvider({ graphBaseUrl: s.graphBaseUrl, userAssignedClientId: s.managedIdentity.clientId });
  }
  throw new Error(
    'No way to get a Microsoft Graph token: set ENTRA_TENANT_ID, ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET ' +
      '(or GRAPH_TOKEN for a local Graph stand-in), or run with a managed identity',
  );
}
