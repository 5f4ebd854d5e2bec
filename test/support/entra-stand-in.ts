import { createHmac, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newSigningKey(kid: string = randomUUID()): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token as Entra shapes it: RS256, with the key id in the header. */
export function signToken(claims: Record<string, unknown>, key: SigningKey, header: Record<string, unknown> = {}): string {
  const head = b64({ typ: 'JWT', alg: 'RS256', kid: key.kid, ...header });
  const body = b64(claims);
  const signature = sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key.privateKey).toString('base64url');
  return `${head}.${body}.${signature}`;
}

/** Forgeries that do not need our private key. */
export const forge = {
  algNone: (claims: Record<string, unknown>, kid: string) => `${b64({ typ: 'JWT', alg: 'none', kid })}.${b64(claims)}.`,
  /** HS256 "signed" with the public key as the secret: the classic algorithm-confusion attack. */
  hs256WithPublicKey: (claims: Record<string, unknown>, key: SigningKey) => {
    const head = b64({ typ: 'JWT', alg: 'HS256', kid: key.kid });
    const body = b64(claims);
    const secret = key.publicKey.export({ type: 'spki', format: 'pem' });
    return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
  },
};

/** Claims of a v2 access token for our API, valid for an hour from now. */
export function accessTokenClaims(o: { tenantId: string; clientId: string; objectId: string; name?: string; scope?: string; now?: number }) {
  const now = Math.floor((o.now ?? Date.now()) / 1000);
  return {
    aud: o.clientId,
    iss: `https://login.microsoftonline.com/${o.tenantId}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    name: o.name ?? 'Test Person',
    oid: o.objectId,
    preferred_username: 'test.person@example.org',
    scp: o.scope ?? 'access_as_user',
    tid: o.tenantId,
    ver: '2.0',
  };
}

/** A local stand-in for Entra's published signing keys (…/discovery/v2.0/keys). */
export async function startKeyServer(initial: SigningKey[]): Promise<{ url: string; keys: SigningKey[]; requests: number; close(): Promise<void> }> {
  const state = { keys: initial, requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests++;
    const keys = state.keys.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, use: 'sig', alg: 'RS256' }));
    // Separate calls: restify, loaded in the same process, patches writeHead to return nothing.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/common/discovery/v2.0/keys`,
    get keys() {
      return state.keys;
    },
    set keys(k: SigningKey[]) {
      state.keys = k;
    },
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
