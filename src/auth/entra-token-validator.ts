import { verify } from 'node:crypto';
import type { TokenValidator } from '../server/authenticator.js';
import type { SigningKeys } from './signing-keys.js';

export interface EntraTokenRules {
  /** Our app registration's client id: the token's audience, bare or as an api:// URI. */
  clientId: string;
  /** The scope the tab's SSO token must carry. */
  requiredScope: string;
  /** The host tenant and the partnership's partner tenants. */
  allowedTenants: () => Promise<ReadonlySet<string>>;
  /** Tolerated clock difference, in seconds. */
  clockSkewSeconds?: number;
  now?: () => number;
}

export class TokenRefused extends Error {}

interface Header {
  alg?: unknown;
  kid?: unknown;
  typ?: unknown;
}

interface Claims {
  iss?: unknown;
  aud?: unknown;
  tid?: unknown;
  oid?: unknown;
  exp?: unknown;
  nbf?: unknown;
  scp?: unknown;
  name?: unknown;
  preferred_username?: unknown;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodePart<T>(part: string, what: string): T {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error();
    return value as T;
  } catch {
    throw new TokenRefused(`its ${what} is not valid JSON`);
  }
}

/**
 * Validates the access tokens the tab gets from Teams SSO (authentication.getAuthToken) or MSAL:
 * an RS256 signature by a current Entra signing key, then issuer, audience, lifetime, scope and tenant.
 * Every refusal names what was wrong, for the log and the 401; none of them says more than that.
 */
export class EntraTokenValidator implements TokenValidator {
  private readonly skew: number;
  private readonly now: () => number;

  constructor(
    private readonly keys: SigningKeys,
    private readonly rules: EntraTokenRules,
  ) {
    this.skew = rules.clockSkewSeconds ?? 300;
    this.now = rules.now ?? Date.now;
  }

  async validate(token: string): Promise<{ tenantId: string; objectId: string; name: string }> {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((p) => p === '')) throw new TokenRefused('it is not a signed JWT');
    const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
    const header = decodePart<Header>(headerPart, 'header');
    // Only RS256, the algorithm Entra signs with: never "none", never a symmetric one.
    if (header.alg !== 'RS256') throw new TokenRefused(`its algorithm ${JSON.stringify(header.alg)} is not accepted`);
    if (typeof header.kid !== 'string') throw new TokenRefused('it names no signing key');
    const key = await this.keys.key(header.kid);
    if (!key) throw new TokenRefused('it is signed by a key the tenant does not publish');
    const signed = Buffer.from(`${headerPart}.${payloadPart}`);
    if (!verify('RSA-SHA256', signed, key, Buffer.from(signaturePart, 'base64url'))) throw new TokenRefused('its signature is wrong');

    const c = decodePart<Claims>(payloadPart, 'payload');
    const tid = typeof c.tid === 'string' && GUID.test(c.tid) ? c.tid.toLowerCase() : undefined;
    if (!tid) throw new TokenRefused('it names no tenant');
    const issuers = [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
    if (typeof c.iss !== 'string' || !issuers.includes(c.iss.toLowerCase())) throw new TokenRefused('its issuer is wrong');
    if (!this.audienceMatches(c.aud)) throw new TokenRefused('it was issued for another application');

    const nowSeconds = Math.floor(this.now() / 1000);
    if (typeof c.exp !== 'number') throw new TokenRefused('it has no expiry');
    if (c.exp + this.skew < nowSeconds) throw new TokenRefused('it has expired');
    if (c.nbf !== undefined && (typeof c.nbf !== 'number' || c.nbf - this.skew > nowSeconds)) throw new TokenRefused('it is not valid yet');

    const scopes = typeof c.scp === 'string' ? c.scp.split(' ') : [];
    if (!scopes.includes(this.rules.requiredScope)) throw new TokenRefused(`it lacks the ${this.rules.requiredScope} scope`);
    if (!(await this.rules.allowedTenants()).has(tid)) throw new TokenRefused('its tenant is not one of this partnership’s tenants');
    if (typeof c.oid !== 'string' || !GUID.test(c.oid)) throw new TokenRefused('it names no user');

    const name = typeof c.name === 'string' ? c.name : typeof c.preferred_username === 'string' ? c.preferred_username : '';
    return { tenantId: tid, objectId: c.oid.toLowerCase(), name };
  }

  private audienceMatches(aud: unknown): boolean {
    if (typeof aud !== 'string') return false;
    const id = this.rules.clientId.toLowerCase();
    const a = aud.toLowerCase();
    // v2 tokens carry the client id; v1 tokens the Application ID URI, which for a Teams tab is
    // api://{host}/{client id}.
    return a === id || (a.startsWith('api://') && a.endsWith(`/${id}`));
  }
}
