import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntraTokenValidator, TokenRefused } from '../../src/auth/entra-token-validator.js';
import { allowedTenants } from '../../src/auth/allowed-tenants.js';
import { SigningKeys } from '../../src/auth/signing-keys.js';
import { accessTokenClaims, forge, newSigningKey, signToken, startKeyServer, type SigningKey } from '../support/entra-stand-in.js';

const HOST_TENANT = randomUUID();
const PARTNER_TENANT = randomUUID();
const CLIENT_ID = randomUUID();
const USER = randomUUID();

describe('Entra SSO token validation', () => {
  let keyServer: Awaited<ReturnType<typeof startKeyServer>>;
  let key: SigningKey;
  let clock = Date.now();
  let validator: EntraTokenValidator;
  const claims = (extra: Record<string, unknown> = {}) => ({ ...accessTokenClaims({ tenantId: HOST_TENANT, clientId: CLIENT_ID, objectId: USER, now: clock }), ...extra });
  const refusal = async (token: string) => {
    const error = await validator.validate(token).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRefused);
    return (error as Error).message;
  };

  beforeAll(async () => {
    key = newSigningKey();
    keyServer = await startKeyServer([key]);
    validator = new EntraTokenValidator(new SigningKeys({ jwksUrl: keyServer.url, now: () => clock }), {
      clientId: CLIENT_ID,
      requiredScope: 'access_as_user',
      allowedTenants: allowedTenants(HOST_TENANT, async () => [PARTNER_TENANT]),
      now: () => clock,
    });
  });
  afterAll(async () => keyServer?.close());

  it('accepts a token from the host tenant and says who it names', async () => {
    expect(await validator.validate(signToken(claims(), key))).toEqual({ tenantId: HOST_TENANT, objectId: USER, name: 'Test Person' });
  });

  it('accepts a partner tenant\'s user, and a v1 token with the api:// audience', async () => {
    const partner = claims({ tid: PARTNER_TENANT, iss: `https://login.microsoftonline.com/${PARTNER_TENANT}/v2.0` });
    expect((await validator.validate(signToken(partner, key))).tenantId).toBe(PARTNER_TENANT);
    const v1 = claims({ iss: `https://sts.windows.net/${HOST_TENANT}/`, aud: `api://los.example.org/${CLIENT_ID}`, ver: '1.0' });
    expect((await validator.validate(signToken(v1, key))).objectId).toBe(USER);
  });

  it('refuses every forgery, and says which check failed', async () => {
    const impostor = newSigningKey(key.kid); // the same key id, another private key
    expect(await refusal(signToken(claims(), impostor))).toMatch(/signature/);
    expect(await refusal(forge.algNone(claims(), key.kid))).toMatch(/not a signed JWT/);
    expect(await refusal(`${forge.algNone(claims(), key.kid)}c2ln`)).toMatch(/algorithm/);
    expect(await refusal(forge.hs256WithPublicKey(claims(), key))).toMatch(/algorithm/);
    expect(await refusal(signToken(claims({ iss: 'https://login.example.com/v2.0' }), key))).toMatch(/issuer/);
    expect(await refusal(signToken(claims({ aud: randomUUID() }), key))).toMatch(/another application/);
    const stranger = randomUUID();
    expect(await refusal(signToken(claims({ tid: stranger, iss: `https://login.microsoftonline.com/${stranger}/v2.0` }), key))).toMatch(/tenant/);
    expect(await refusal(signToken(claims({ exp: Math.floor(clock / 1000) - 3600 }), key))).toMatch(/expired/);
    expect(await refusal(signToken(claims({ nbf: Math.floor(clock / 1000) + 3600 }), key))).toMatch(/not valid yet/);
    expect(await refusal(signToken(claims({ scp: 'User.Read' }), key))).toMatch(/access_as_user/);
    expect(await refusal(signToken(claims({ oid: undefined }), key))).toMatch(/no user/);
    expect(await refusal('not.a-token')).toMatch(/JWT/);
    expect(await refusal(`${signToken(claims(), key)}x`)).toMatch(/signature/);
  });

  it('tolerates five minutes of clock difference, and no more', async () => {
    const now = Math.floor(clock / 1000);
    expect((await validator.validate(signToken(claims({ exp: now - 240 }), key))).objectId).toBe(USER);
    expect(await refusal(signToken(claims({ exp: now - 400 }), key))).toMatch(/expired/);
  });

  it('follows a key rollover, but an unknown key id cannot make it fetch keys on every request', async () => {
    const before = keyServer.requests;
    const rolled = newSigningKey();
    keyServer.keys = [key, rolled];
    // Within the refetch interval the new key is not fetched yet...
    clock += 10_000;
    expect(await refusal(signToken(claims(), rolled))).toMatch(/key the tenant does not publish/);
    for (let i = 0; i < 5; i++) await refusal(signToken(claims(), newSigningKey()));
    expect(keyServer.requests).toBe(before);
    // ...after it, one fetch brings it in.
    clock += 60_000;
    expect((await validator.validate(signToken(claims(), rolled))).objectId).toBe(USER);
    expect(keyServer.requests).toBe(before + 1);
    expect((await validator.validate(signToken(claims(), key))).objectId).toBe(USER);
    expect(keyServer.requests).toBe(before + 1);
  });
});
