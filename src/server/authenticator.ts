import type { IncomingMessage } from 'node:http';
import type { Identity } from '../services/membership-service.js';
import { ApiError } from './api-error.js';

/** Turns a request into an identity, or undefined when it carries none. */
export interface Authenticator {
  readonly mode: 'dev' | 'entra';
  identify(req: IncomingMessage): Promise<Identity | undefined>;
}

export const DEV_PERSON_HEADER = 'x-los-dev-person';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Dev sign-in: the caller names a demo person. Only ever constructed when
 * AUTH_MODE=dev, which configuration refuses in production.
 */
export class DevAuthenticator implements Authenticator {
  readonly mode = 'dev' as const;
  async identify(req: IncomingMessage): Promise<Identity | undefined> {
    const value = req.headers[DEV_PERSON_HEADER];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw new ApiError('unauthenticated', `The ${DEV_PERSON_HEADER} header must be a demo person's id.`);
    }
    return { kind: 'dev', personId: value };
  }
}

/** Validates an Entra ID access token and returns who it names. */
export interface TokenValidator {
  validate(token: string): Promise<{ tenantId: string; objectId: string; name: string }>;
}

/**
 * Entra sign-in: a bearer token, checked by the validator. With no validator
 * configured it refuses every request rather than let one through.
 */
export class EntraAuthenticator implements Authenticator {
  readonly mode = 'entra' as const;
  constructor(private readonly validator?: TokenValidator) {}

  async identify(req: IncomingMessage): Promise<Identity | undefined> {
    const header = req.headers.authorization;
    if (!header) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ApiError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
    if (!this.validator) throw new ApiError('unauthenticated', 'Entra ID token validation is not configured on this server.');
    try {
      const claims = await this.validator.validate(match[1]!);
      return { kind: 'entra', ...claims, assertion: match[1]! };
    } catch (error) {
      throw new ApiError('unauthenticated', `The access token was refused: ${(error as Error).message}`);
    }
  }
}
