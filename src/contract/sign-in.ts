import { z } from 'zod';

/**
 * What the tab needs to sign in, from the server (GET /api/v1/auth/config, before any sign-in). Nothing
 * secret: the client and tenant ids are in the Teams app package and in every token already.
 */
export const SignInSettings = z.discriminatedUnion('mode', [
  /** Dev sign-in: the tab names a synthetic demo person. */
  z.object({ mode: z.literal('dev') }),
  z.object({
    mode: z.literal('entra'),
    /** Our app registration's application (client) id. */
    clientId: z.string(),
    /** The host tenant: the browser signs in there, as Teams does for members and guests. */
    tenantId: z.string(),
    /** Where Entra signs people in, e.g. https://login.microsoftonline.com. */
    authorityHost: z.string(),
    /** The scope a browser asks for, on our Application ID URI: api://{host}/{client id}/access_as_user. */
    apiScope: z.string(),
    /** What the person consents to when Graph on their behalf needs it (a consent_required answer). */
    consentScopes: z.array(z.string()),
  }),
]);
export type SignInSettings = z.infer<typeof SignInSettings>;
export type EntraSignInSettings = Extract<SignInSettings, { mode: 'entra' }>;
