import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { PROJECT_ROOT } from '../../src/paths.js';

/*
 * The deployment files, read as text: there is no Bicep compiler or Agents Toolkit here (both download
 * from the internet), so these checks hold the files to what the server and the toolkit need.
 */
const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
const bicep = read('infra/azure.bicep');
const teamsapp = read('teamsapp.yml');
const withoutComments = (yaml: string) => yaml.split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');

/** The text of one `resource name 'Type@version' = … {…}` block, by its symbolic name (braces balanced). */
function resourceBlock(symbol: string): string {
  const start = bicep.search(new RegExp(`^resource ${symbol} '`, 'm'));
  expect(start, `resource ${symbol}`).toBeGreaterThanOrEqual(0);
  let depth = 0;
  for (let i = bicep.indexOf('{', start); i < bicep.length; i++) {
    if (bicep[i] === '{') depth++;
    if (bicep[i] === '}' && --depth === 0) return bicep.slice(start, i + 1);
  }
  throw new Error(`unbalanced braces in ${symbol}`);
}

/** The text of one `var name = … {…}` object, by its name. */
function varBlock(name: string): string {
  const start = bicep.search(new RegExp(`^var ${name} = `, 'm'));
  expect(start, `var ${name}`).toBeGreaterThanOrEqual(0);
  const end = bicep.indexOf('\n}\n', start);
  return bicep.slice(start, end + 2);
}

const resourceTypes = new Set([...bicep.matchAll(/^resource \w+ '([^'@]+)@[\w-]+'/gm)].map((m) => m[1]));
const outputs = new Set([...bicep.matchAll(/^output (\w+) \w+ =/gm)].map((m) => m[1]!));
const placeholders = (text: string) => new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!));

/** The lifecycle stage's text (provision, deploy, publish), comments removed. */
function stage(name: string): string {
  const text = withoutComments(teamsapp);
  const start = text.search(new RegExp(`^${name}:`, 'm'));
  expect(start, name).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + name.length + 1);
  const end = rest.search(/^\S/m);
  return end < 0 ? rest : rest.slice(0, end);
}
const actions = (text: string) => [...text.matchAll(/^\s+- uses: (\S+)/gm)].map((m) => m[1]);

describe('infra/azure.bicep', () => {
  it('declares every resource Line of Sight runs on', () => {
    for (const type of [
      'Microsoft.Web/serverfarms',
      'Microsoft.Web/sites',
      'Microsoft.Web/sites/config',
      'Microsoft.ManagedIdentity/userAssignedIdentities',
      'Microsoft.BotService/botServices',
      'Microsoft.BotService/botServices/channels',
      'Microsoft.DBforPostgreSQL/flexibleServers',
      'Microsoft.DBforPostgreSQL/flexibleServers/databases',
      'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
      'Microsoft.KeyVault/vaults',
      'Microsoft.KeyVault/vaults/secrets',
      'Microsoft.Authorization/roleAssignments',
      'Microsoft.Insights/components',
      'Microsoft.OperationalInsights/workspaces',
    ]) {
      expect(resourceTypes, type).toContain(type);
    }
  });

  it('runs Node 20 on Linux, always on, with its health check on /readyz', () => {
    const web = resourceBlock('web');
    expect(web).toMatch(/kind: 'app,linux'/);
    expect(web).toMatch(/linuxFxVersion: 'NODE\|20-lts'/);
    expect(web).toMatch(/alwaysOn: true/);
    expect(web).toMatch(/healthCheckPath: '\/readyz'/);
    expect(web).toMatch(/httpsOnly: true/);
    expect(web).toMatch(/keyVaultReferenceIdentity: identity\.id/);
    expect(resourceBlock('plan')).toMatch(/reserved: true/);
  });

  it('connects the bot to Teams, as the managed identity or a single-tenant app', () => {
    expect(resourceBlock('teamsChannel')).toMatch(/channelName: 'MsTeamsChannel'/);
    const bot = resourceBlock('bot');
    expect(bot).toMatch(/msaAppType: botType/);
    expect(bot).toMatch(/msaAppMSIResourceId: useMsi \? identity\.id/);
    expect(bot).toMatch(/endpoint: 'https:\/\/\$\{web\.properties\.defaultHostName\}\/api\/messages'/);
    expect(bicep).toMatch(/@allowed\(\[\s*'UserAssignedMSI'\s*'SingleTenant'\s*\]\)\s*(@description\([^\n]*\)\s*)?param botType string = 'UserAssignedMSI'/);
  });

  it('keeps the database on PostgreSQL 15 or 16, reachable from Azure only, its password in an RBAC Key Vault', () => {
    expect(bicep).toMatch(/@allowed\(\[\s*'15'\s*'16'\s*\]\)\s*param postgresVersion string = '16'/);
    expect(resourceBlock('allowAzureServices')).toMatch(/startIpAddress: '0\.0\.0\.0'\s+endIpAddress: '0\.0\.0\.0'/);
    expect(resourceBlock('keyVault')).toMatch(/enableRbacAuthorization: true/);
    expect(resourceBlock('secretsUser')).toMatch(/4633458b-17de-408a-b874-0445c86b69e6|keyVaultSecretsUser/);
    expect(bicep).toMatch(/var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'/);
    expect(resourceBlock('postgresPasswordSecret')).toMatch(/value: postgresAdminPassword/);
    expect(resourceBlock('databaseUrlSecret')).toMatch(/sslmode=verify-full/);
    expect(bicep).toMatch(/@secure\(\)\s*@minLength\(16\)\s*@description\([^\n]*\)\s*param postgresAdminPassword string/);
  });

  it('wires app settings that are the server\'s own variables, and that make a valid production configuration', () => {
    expect(resourceBlock('webSettings')).toMatch(/properties: union\(appSettings, botPasswordSetting\)/);
    const block = varBlock('appSettings') + varBlock('botPasswordSetting');
    const settings = new Map([...block.matchAll(/^\s{2}(\w+): (.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()]));
    const config = read('src/config/config.ts');
    const schema = config.slice(config.indexOf('const envSchema'), config.indexOf('const GUID'));
    const configVariables = new Set([...schema.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!));
    const appService = new Set(['APPLICATIONINSIGHTS_CONNECTION_STRING', 'ApplicationInsightsAgent_EXTENSION_VERSION', 'SCM_DO_BUILD_DURING_DEPLOYMENT', 'CUSTOM_BUILD_COMMAND']);
    for (const key of settings.keys()) expect(configVariables.has(key) || appService.has(key), key).toBe(true);
    for (const key of ['NODE_ENV', 'AUTH_MODE', 'PUBLIC_URL', 'DATABASE_URL', 'BOT_ID', 'BOT_TYPE', 'BOT_TENANT_ID', 'BOT_PASSWORD', 'ENTRA_TENANT_ID', 'ENTRA_CLIENT_ID', 'ENTRA_CLIENT_SECRET', 'MANAGED_IDENTITY_CLIENT_ID', 'APPLICATIONINSIGHTS_CONNECTION_STRING']) {
      expect(settings.has(key), key).toBe(true);
    }
    for (const secret of ['DATABASE_URL', 'ENTRA_CLIENT_SECRET', 'BOT_PASSWORD']) expect(settings.get(secret), secret).toMatch(/^'@Microsoft\.KeyVault\(/);

    // What App Service would hand the server: literals as written, the rest as Azure would fill them in.
    const guid = '7d3f4a2b-1c5e-4f6a-8b9c-0d1e2f3a4b5c';
    const filled: Record<string, string> = {
      PUBLIC_URL: 'https://los-demo.azurewebsites.net',
      DATABASE_URL: 'postgres://losadmin:p%40ss@los-demo-pg.postgres.database.azure.com:5432/line_of_sight?sslmode=verify-full',
      DOCUMENT_SOURCE: 'graph',
      SYNC_INTERVAL_MINUTES: '15',
      ENTRA_CLIENT_SECRET: 'a-client-secret',
      BOT_TYPE: 'UserAssignedMSI',
      BOT_PASSWORD: '',
    };
    const env: Record<string, string> = {};
    for (const [key, value] of settings) {
      const literal = /^'([^'$]*)'$/.exec(value);
      env[key] = filled[key] ?? (literal ? literal[1]! : guid);
    }
    const c = loadConfig(env, '/home/site/wwwroot');
    expect(c.nodeEnv).toBe('production');
    expect(c.authMode).toBe('entra');
    expect(c.database.kind).toBe('postgres');
    expect(c.bot).toMatchObject({ appId: guid, type: 'UserAssignedMSI', tenantId: guid });
    expect(c.dataDir).toBe('/home/data');
  });
});

describe('teamsapp.yml and its environment', () => {
  it('has the provision, deploy and publish steps the Agents Toolkit runs', () => {
    expect(teamsapp).toMatch(/^version: v1\.\d+$/m);
    expect(actions(stage('provision'))).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(stage('provision')).toMatch(/path: \.\/infra\/azure\.bicep\s+parameters: \.\/infra\/azure\.parameters\.json/);
    expect(stage('provision')).toMatch(/manifestPath: \.\/aad\.manifest\.json/);
    expect(actions(stage('deploy'))).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    expect(stage('deploy')).toMatch(/args: run build/);
    expect(actions(stage('publish')).at(-1)).toBe('teamsApp/publishAppPackage');
  });

  it('takes every value it, the manifests and the Bicep parameters use from an action, a Bicep output or env/.env.dev', () => {
    const env = read('env/.env.dev');
    const written = new Set(
      [...withoutComments(teamsapp).matchAll(/writeToEnvironmentFile:\n((?:\s+\w+: [A-Z_]+\n)+)/g)].flatMap((m) => [...m[1]!.matchAll(/: ([A-Z_]+)/g)].map((x) => x[1]!)),
    );
    const yours = env.slice(env.indexOf('\n', env.indexOf('--- Yours to fill')), env.indexOf('# --- Written by provision'));
    const userFilled = new Set(['TEAMSFX_ENV', 'APP_NAME_SUFFIX', ...Object.keys(parseEnv(yours)), ...[...env.matchAll(/#\s+(SECRET_[A-Z_]+)=/g)].map((m) => m[1]!)]);
    const toolkit = new Set(['AAD_APP_ACCESS_AS_USER_PERMISSION_ID']); // aadApp/update makes it
    const used = new Set(['teamsapp.yml', 'manifest/manifest.json', 'aad.manifest.json', 'infra/azure.parameters.json'].flatMap((f) => [...placeholders(f.endsWith('.yml') ? withoutComments(read(f)) : read(f))]));
    const fromBicep = [...used].filter((n) => !written.has(n) && !userFilled.has(n) && !toolkit.has(n));
    expect(fromBicep).toEqual(expect.arrayContaining(['TAB_DOMAIN', 'TAB_ENDPOINT', 'BOT_ID', 'AZURE_APP_SERVICE_RESOURCE_ID']));
    for (const name of fromBicep) expect(outputs, `${name} is not an output of infra/azure.bicep`).toContain(name);
    // The template lists every output, so a reader sees what provision will write.
    const envKeys = new Set(Object.keys(parseEnv(env)));
    for (const name of outputs) expect(envKeys, name).toContain(name);
  });

  it('fills every Bicep parameter the parameters file names, and no other', () => {
    const parameters = JSON.parse(read('infra/azure.parameters.json')).parameters as Record<string, unknown>;
    const declared = new Set([...bicep.matchAll(/^param (\w+) /gm)].map((m) => m[1]!));
    for (const name of Object.keys(parameters)) expect(declared, name).toContain(name);
    const required = [...bicep.matchAll(/^param (\w+) [\w]+$/gm)].map((m) => m[1]!);
    for (const name of required) expect(Object.keys(parameters), `required parameter ${name}`).toContain(name);
  });

  it('keeps secrets and build output out of git', () => {
    const ignored = read('.gitignore').split('\n');
    expect(ignored).toContain('env/.env.*.user');
    expect(ignored).toContain('build/');
    expect(read('env/.env.dev')).not.toMatch(/^SECRET_/m);
  });
});
