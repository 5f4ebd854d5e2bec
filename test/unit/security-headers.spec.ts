import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers.js';

const directive = (name: string): string[] => {
  const found = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  return found ? found.slice(1) : [];
};

describe('the tab\'s content security policy', () => {
  it('lets MSAL reach Entra for tokens and renew them in a hidden frame, and nothing else from outside', () => {
    expect(directive('connect-src')).toEqual(["'self'", 'https://res.cdn.office.net', 'https://login.microsoftonline.com']);
    expect(directive('frame-src')).toEqual(["'self'", 'https://login.microsoftonline.com']);
    expect(directive('script-src')).toEqual(["'self'"]);
  });

  it('is still framed only by Teams and the Microsoft 365 hosts', () => {
    const ancestors = directive('frame-ancestors');
    expect(ancestors).toContain('https://teams.microsoft.com');
    expect(ancestors).not.toContain('https://login.microsoftonline.com');
    expect(ancestors.every((a) => a === "'self'" || /^https:\/\/(\*\.)?[a-z0-9.-]+\.(com|microsoft)$/.test(a))).toBe(true);
  });
});
