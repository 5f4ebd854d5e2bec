import type { ServerResponse } from 'node:http';

/**
 * The tab may be framed by Teams (and the Microsoft 365 hosts that run Teams apps) only.
 * Fluent UI's Griffel inserts style rules at run time, hence 'unsafe-inline' for styles only.
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

/** Entra's sign-in host (the public cloud's; a sovereign cloud would add its own). */
export const ENTRA_SIGN_IN = 'https://login.microsoftonline.com';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // teams-js fetches its list of valid host domains from Microsoft's CDN; in a plain browser MSAL asks
  // Entra for its metadata and tokens.
  `connect-src 'self' https://res.cdn.office.net ${ENTRA_SIGN_IN}`,
  // MSAL renews a token silently in a hidden frame of Entra's sign-in page when it has no refresh token.
  // (Its sign-in and consent popups are windows, which CSP does not govern.)
  `frame-src 'self' ${ENTRA_SIGN_IN}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
  res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  res.setHeader('cross-origin-opener-policy', 'same-origin-allow-popups');
}
