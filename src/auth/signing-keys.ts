import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

/** Where signing keys come from: Entra's JWKS document, or a stand-in in tests. */
export type FetchJson = (url: string) => Promise<unknown>;

export const fetchJson: FetchJson = async (url) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.json();
};

export interface SigningKeysOptions {
  jwksUrl: string;
  fetch?: FetchJson;
  /** How long a fetched key set is trusted before it is fetched again. */
  maxAgeMs?: number;
  /** An unknown key id fetches the set again (keys rotate), but not more often than this. */
  minRefetchMs?: number;
  now?: () => number;
}

/**
 * The token-signing keys of the identity platform, by key id, cached. Entra rolls its keys over: a
 * token signed by a key we have not seen triggers one fresh fetch, rate-limited so that a flood of
 * forged key ids cannot turn into a flood of requests to Entra.
 */
export class SigningKeys {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = -Infinity;
  private inFlight: Promise<void> | undefined;
  private readonly fetch: FetchJson;
  private readonly maxAgeMs: number;
  private readonly minRefetchMs: number;
  private readonly now: () => number;

  constructor(private readonly options: SigningKeysOptions) {
    this.fetch = options.fetch ?? fetchJson;
    this.maxAgeMs = options.maxAgeMs ?? 24 * 3600_000;
    this.minRefetchMs = options.minRefetchMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** The key with this id, or undefined when the current key set has none. */
  async key(kid: string): Promise<KeyObject | undefined> {
    const age = this.now() - this.fetchedAt;
    if (age > this.maxAgeMs || (!this.keys.has(kid) && age > this.minRefetchMs)) await this.refresh();
    return this.keys.get(kid);
  }

  private refresh(): Promise<void> {
    this.inFlight ??= this.load().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async load(): Promise<void> {
    const body = (await this.fetch(this.options.jwksUrl)) as { keys?: unknown };
    if (!body || !Array.isArray(body.keys)) throw new Error('the signing-key document has no keys');
    const keys = new Map<string, KeyObject>();
    for (const jwk of body.keys as (JsonWebKey & { kid?: string; use?: string })[]) {
      if (typeof jwk.kid !== 'string' || jwk.kty !== 'RSA' || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
      try {
        keys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
      } catch {
        // One malformed key must not take the others down with it.
      }
    }
    this.keys = keys;
    this.fetchedAt = this.now();
  }
}
