/** Graph token providers, without a network: msal is replaced by small fakes and msal-like errors. */
import { InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import {
  authorityHostFor,
  ClientCredentialsTokenProvider,
  ConsentRequiredError,
  ManagedIdentityTokenProvider,
  OnBehalfOfTokenSource,
  selectAppTokenProvider,
  StaticTokenProvider,
  toConsentRequiredError,
  type ConfidentialClientLike,
} from '../../src/graph/graph-auth.js';

const settings = { tenantId: 't', clientId: 'c', clientSecret: 's', graphBaseUrl: 'https://graph.microsoft.com/v1.0' };
const SCOPES = ['https://graph.microsoft.com/.default'];

function fakeApp(behaviour: { obo?: (assertion: string) => Promise<{ accessToken: string }> } = {}) {
  const calls: { kind: string; scopes: string[]; assertion?: string }[] = [];
  const app: ConfidentialClientLike = {
    acquireTokenByClientCredential: async ({ scopes }) => {
      calls.push({ kind: 'cc', scopes });
      return { accessToken: 'app-token' };
    },
    acquireTokenOnBehalfOf: async ({ oboAssertion, scopes }) => {
      calls.push({ kind: 'obo', scopes, assertion: oboAssertion });
      return behaviour.obo ? behaviour.obo(oboAssertion) : { accessToken: `graph-for-${oboAssertion}` };
    },
  };
  return { app, calls };
}

describe('token providers', () => {
  it('a static token is given back as it is, and an empty one is refused', async () => {
    expect(await new StaticTokenProvider('abc').getToken()).toBe('abc');
    expect(() => new StaticTokenProvider(' ')).toThrow();
  });

  it('client credentials ask for {graph origin}/.default, national clouds included', async () => {
    const { app, calls } = fakeApp();
    expect(await new ClientCredentialsTokenProvider(settings, app).getToken()).toBe('app-token');
    await new ClientCredentialsTokenProvider({ ...settings, graphBaseUrl: 'https://graph.microsoft.us/v1.0' }, app).getToken();
    expect(calls.map((c) => c.scopes)).toEqual([SCOPES, ['https://graph.microsoft.us/.default']]);
    expect(authorityHostFor('https://graph.microsoft.us/v1.0')).toBe('https://login.microsoftonline.us');
    expect(authorityHostFor('https://microsoftgraph.chinacloudapi.cn/v1.0')).toBe('https://login.chinacloudapi.cn');
    expect(authorityHostFor('http://127.0.0.1:4000/v1.0')).toBe('https://login.microsoftonline.com');
  });

  it('a managed identity asks for the Graph resource', async () => {
    const resources: string[] = [];
    const provider = new ManagedIdentityTokenProvider(
      { graphBaseUrl: 'https://graph.microsoft.com/v1.0', userAssignedClientId: 'uami' },
      { acquireToken: async ({ resource }) => (resources.push(resource), { accessToken: 'mi-token' }) },
    );
    expect(await provider.getToken()).toBe('mi-token');
    expect(resources).toEqual(['https://graph.microsoft.com']);
  });

  it('on-behalf-of exchanges the user token it is bound to', async () => {
    const { app, calls } = fakeApp();
    const source = new OnBehalfOfTokenSource(settings, app);
    expect(await source.forUser('user-1').getToken()).toBe('graph-for-user-1');
    expect(calls).toEqual([{ kind: 'obo', scopes: SCOPES, assertion: 'user-1' }]);
  });

  it('on-behalf-of turns a missing consent into ConsentRequiredError', async () => {
    const { app } = fakeApp({
      obo: () =>
        Promise.reject(
          new InteractionRequiredAuthError(
            'invalid_grant',
            'corr',
            "AADSTS65001: The user or administrator has not consented to use the application with ID 'c'.\r\nTrace ID: x",
            'consent_required',
            undefined,
            undefined,
            undefined,
            '65001',
          ),
        ),
    });
    const error = await new OnBehalfOfTokenSource(settings, app).forUser('u').getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsentRequiredError);
    expect(error).toMatchObject({ reason: 'consent', aadCode: 'AADSTS65001', scopes: SCOPES });
    expect((error as Error).message).toContain('consent');
  });

  it('on-behalf-of lets other failures through unchanged', async () => {
    const network = new Error('getaddrinfo ENOTFOUND login.microsoftonline.com');
    const { app } = fakeApp({ obo: () => Promise.reject(network) });
    await expect(new OnBehalfOfTokenSource(settings, app).forUser('u').getToken()).rejects.toBe(network);
  });

  it('selects the app-only provider from configuration', () => {
    expect(selectAppTokenProvider({ graphBaseUrl: settings.graphBaseUrl, graphToken: 'x' })).toBeInstanceOf(StaticTokenProvider);
    expect(selectAppTokenProvider({ graphBaseUrl: settings.graphBaseUrl, entra: settings })).toBeInstanceOf(ClientCredentialsTokenProvider);
    expect(selectAppTokenProvider({ graphBaseUrl: settings.graphBaseUrl, managedIdentity: {} })).toBeInstanceOf(ManagedIdentityTokenProvider);
    expect(() => selectAppTokenProvider({ graphBaseUrl: settings.graphBaseUrl, entra: { tenantId: 't', clientId: 'c' } })).toThrow(
      /ENTRA_CLIENT_SECRET.*GRAPH_TOKEN/,
    );
  });
});

describe('toConsentRequiredError', () => {
  const cases: { name: string; error: object; reason: ConsentRequiredError['reason'] | undefined; aadCode?: string }[] = [
    { name: 'consent_required', error: { errorCode: 'consent_required', errorMessage: 'AADSTS65001: not consented' }, reason: 'consent', aadCode: 'AADSTS65001' },
    { name: 'invalid_grant with AADSTS65001', error: { errorCode: 'invalid_grant', errorMessage: 'AADSTS65001: The user or administrator has not consented' }, reason: 'consent', aadCode: 'AADSTS65001' },
    { name: 'errorNo 65001 only', error: { errorCode: 'invalid_grant', errorNo: '65001' }, reason: 'consent', aadCode: 'AADSTS65001' },
    { name: 'interaction_required (MFA)', error: { errorCode: 'interaction_required', errorMessage: 'AADSTS50076: MFA required', claims: '{"access_token":{}}' }, reason: 'interaction', aadCode: 'AADSTS50076' },
    { name: 'invalid_grant (expired assertion)', error: { errorCode: 'invalid_grant', errorMessage: 'AADSTS500133: Assertion is not within its valid time range.' }, reason: 'grant', aadCode: 'AADSTS500133' },
    { name: 'a bad client secret', error: { errorCode: 'invalid_client', errorMessage: 'AADSTS7000215: Invalid client secret provided.' }, reason: undefined },
    { name: 'a network failure', error: new Error('ECONNRESET'), reason: undefined },
  ];
  for (const c of cases) {
    it(`maps ${c.name}`, () => {
      const mapped = toConsentRequiredError(c.error, SCOPES);
      if (c.reason === undefined) {
        expect(mapped).toBeUndefined();
        return;
      }
      expect(mapped).toBeInstanceOf(ConsentRequiredError);
      expect(mapped).toMatchObject({ reason: c.reason, aadCode: c.aadCode, scopes: SCOPES });
    });
  }

  it("keeps a claims challenge, and reads msal's own ServerError", () => {
    expect(toConsentRequiredError({ errorCode: 'interaction_required', claims: '{"x":1}' }, SCOPES)?.claims).toBe('{"x":1}');
    const server = new ServerError('invalid_grant', 'corr', 'AADSTS65001: consent needed', undefined, '65001', 400);
    expect(toConsentRequiredError(server, SCOPES)?.reason).toBe('consent');
    expect(toConsentRequiredError('nope', SCOPES)).toBeUndefined();
  });
});
