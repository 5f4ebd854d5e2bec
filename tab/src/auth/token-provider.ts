import type { EntraSignInSettings } from '../../../src/contract/sign-in.js';

/** Teams SSO as teams-js offers it (teams-auth.ts adapts the SDK; tests pass a fake). */
export interface TeamsAuth {
  /** Teams' own SSO token for this app (`authentication.getAuthToken`), from its cache when it has one. */
  getAuthToken(): Promise<string>;
  /** Opens Teams' authentication window at `url`; resolves when the page there reports success. */
  authenticate(url: string): Promise<void>;
}

/** MSAL in a plain browser (msal-auth.ts adapts @azure/msal-browser; tests pass a fake). */
export interface BrowserAuth {
  /** A token from MSAL's cache or refresh token, or undefined when only an interactive sign-in will do. */
  silentToken(scopes: string[], forceRefresh: boolean): Promise<string | undefined>;
  /** Signs in (or asks consent) in a popup window, so only from a click. */
  popupToken(scopes: string[], prompt: 'select_account' | 'consent'): Promise<string>;
}

/** In a browser, no sign-in MSAL can use silently: the person must click to sign in (a popup). */
export class SignInRequired extends Error {
  override readonly name = 'SignInRequired';
}

/** Teams or MSAL could not give a token; the message says why, in words a person can read. */
export class SignInFailed extends Error {
  override readonly name = 'SignInFailed';
}

export interface TokenProviderOptions {
  settings: EntraSignInSettings;
  /** Where the tab runs (known once the Teams handshake has answered or failed). */
  host: () => Promise<'teams' | 'browser'>;
  teams: () => Promise<TeamsAuth>;
  browser: () => Promise<BrowserAuth>;
  /** The page Teams opens to ask consent (auth-pages.ts), for the person's tenant. */
  consentPageUrl: (tenantId: string) => string;
  now?: () => number;
}

/** A token is renewed this long before it expires, so that it does not expire on its way to the server. */
const RENEW_BEFORE_MS = 5 * 60_000;

/** The claims we read (never trust: the server validates) from a token: when it expires, whose tenant. */
function peekClaims(token: string): { exp?: number; tid?: string } {
  try {
    const part = token.split('.')[1] ?? '';
    return JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number; tid?: string };
  } catch {
    return {};
  }
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The signed-in person's access token for our API: Teams SSO inside Teams, MSAL in a plain browser. Kept
 * until shortly before it expires; `refresh` (after the server refused it) asks again. Concurrent calls
 * share one request for it.
 */
export class TokenProvider {
  private cached: { token: string; renewAt: number } | undefined;
  private inFlight: Promise<string> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: TokenProviderOptions) {
    this.now = options.now ?? Date.now;
  }

  async token({ refresh = false }: { refresh?: boolean } = {}): Promise<string> {
    if (refresh) this.cached = undefined;
    if (this.cached && this.now() < this.cached.renewAt) return this.cached.token;
    this.inFlight ??= this.fetch(refresh).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** In a browser: signs in with MSAL's popup. Call from a click, or the browser blocks the popup. */
  async signIn(): Promise<void> {
    const browser = await this.options.browser();
    this.keep(await browser.popupToken([this.options.settings.apiScope], 'select_account'));
  }

  /**
   * Asks the person to consent to what Graph on their behalf needs (the server answered consent_required):
   * in Teams through its authentication window, in a browser through MSAL's popup. Call from a click.
   */
  async consent(): Promise<void> {
    const { settings, consentPageUrl } = this.options;
    if ((await this.options.host()) === 'teams') {
      // Consent is given in the person's own tenant: the one their token came from.
      const tenantId = (this.cached && peekClaims(this.cached.token).tid) || settings.tenantId;
      const teams = await this.options.teams();
      try {
        await teams.authenticate(consentPageUrl(tenantId));
      } catch (error) {
        throw new SignInFailed(`Consent was not given: ${reason(error)}`);
      }
      return;
    }
    const browser = await this.options.browser();
    await browser.popupToken(settings.consentScopes, 'consent');
  }

  private async fetch(refresh: boolean): Promise<string> {
    if ((await this.options.host()) === 'teams') {
      const teams = await this.options.teams();
      try {
        return this.keep(await teams.getAuthToken());
      } catch (error) {
        throw new SignInFailed(`Teams could not sign you in to Line of Sight: ${reason(error)}`);
      }
    }
    let token: string | undefined;
    try {
      token = await (await this.options.browser()).silentToken([this.options.settings.apiScope], refresh);
    } catch (error) {
      throw new SignInFailed(`Your browser could not sign you in to Line of Sight: ${reason(error)}`);
    }
    if (!token) throw new SignInRequired('Sign in with your Microsoft work account to use Line of Sight.');
    return this.keep(token);
  }

  private keep(token: string): string {
    const exp = peekClaims(token).exp;
    // A token whose expiry cannot be read is used for this call only.
    this.cached = typeof exp === 'number' ? { token, renewAt: exp * 1000 - RENEW_BEFORE_MS } : undefined;
    return token;
  }
}
