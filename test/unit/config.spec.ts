import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

const GUID = '11111111-2222-4333-8444-555555555555';

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env, '/srv/los');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('runs with no variables at all: dev sign-in, embedded PGlite in ./.data, local documents', () => {
    const c = loadConfig({}, '/srv/los');
    expect(c.port).toBe(3978);
    expect(c.authMode).toBe('dev');
    expect(c.database).toEqual({ kind: 'pglite', dataDir: '/srv/los/.data/pglite' });
    expect(c.documentSource).toBe('local');
    expect(c.documentLibraryDir).toBe('/srv/los/.data/library');
    expect(c.graphBaseUrl).toBe('https://graph.microsoft.com/v1.0');
    expect(c.seedDemo).toBe(true);
    // Dev sign-in listens on loopback only unless told otherwise.
    expect(c.host).toBe('127.0.0.1');
  });

  it('uses PostgreSQL when DATABASE_URL is set, and a national cloud or test server through GRAPH_BASE_URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/los', GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0/' }, '/x');
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/los' });
    expect(c.graphBaseUrl).toBe('https://graph.microsoft.us/v1.0');
  });

  it('refuses dev sign-in in production, naming AUTH_MODE', () => {
    const e = problemsOf({ NODE_ENV: 'production', AUTH_MODE: 'dev', BOT_ID: GUID, BOT_PASSWORD: 's', BOT_TENANT_ID: GUID });
    expect(e.problems.map((p) => p.variable)).toContain('AUTH_MODE');
    expect(e.message).toMatch(/AUTH_MODE: dev sign-in is refused when NODE_ENV=production/);
  });

  it('defaults to Entra sign-in in production and then requires the tenant and client ids', () => {
    const e = problemsOf({ NODE_ENV: 'production', BOT_ID: GUID, BOT_PASSWORD: 's', BOT_TENANT_ID: GUID });
    expect(e.problems.map((p) => p.variable).sort()).toEqual(['ENTRA_CLIENT_ID', 'ENTRA_TENANT_ID']);
  });

  it('requires bot credentials in production', () => {
    const e = problemsOf({ NODE_ENV: 'production', ENTRA_TENANT_ID: GUID, ENTRA_CLIENT_ID: GUID });
    expect(e.problems).toEqual([expect.objectContaining({ variable: 'BOT_ID' })]);
  });

  it.each([
    ['PORT', 'eighty', /whole number/],
    ['PORT', '70000', /between 0 and 65535/],
    ['DATABASE_URL', 'mysql://x', /PostgreSQL URL/],
    ['AUTH_MODE', 'saml', /dev or entra/],
    ['DOCUMENT_SOURCE', 'dropbox', /local or graph/],
    ['GRAPH_BASE_URL', 'graph.microsoft.com', /http\(s\) URL/],
    ['MAX_BODY_BYTES', '10', /at least 1024/],
    ['SEED_DEMO', 'maybe', /true or false/],
    ['ENTRA_TENANT_ID', 'contoso', /GUID/],
    ['BOT_ID', 'my-bot', /GUID/],
  ])('names %s when it is %j', (variable, value, problem) => {
    const env: Record<string, string> = { [variable]: value };
    if (variable === 'ENTRA_TENANT_ID') Object.assign(env, { AUTH_MODE: 'entra', ENTRA_CLIENT_ID: GUID });
    const e = problemsOf(env);
    const p = e.problems.find((x) => x.variable === variable);
    expect(p?.problem).toMatch(problem);
    expect(e.message).toContain(`${variable}:`);
  });

  it('reports every problem at once', () => {
    const e = problemsOf({ PORT: 'x', AUTH_MODE: 'y', DOCUMENT_SOURCE: 'z' });
    expect(e.problems.map((p) => p.variable).sort()).toEqual(['AUTH_MODE', 'DOCUMENT_SOURCE', 'PORT']);
  });

  it('asks for Graph credentials when the document source is Graph', () => {
    const e = problemsOf({ DOCUMENT_SOURCE: 'graph' });
    expect(e.problems[0]?.variable).toBe('DOCUMENT_SOURCE');
    expect(loadConfig({ DOCUMENT_SOURCE: 'graph', GRAPH_TOKEN: 't' }, '/x').documentSource).toBe('graph');
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' }, '/x').database.kind).toBe('pglite');
  });
});
