import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_COMMANDS } from '../../bot/cards/help-card.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/main.js';
import { listZipEntries, readZipEntry } from '../../src/documents/extraction/zip-entries.js';
import { tabConfigurationUrl } from '../../src/domain/deep-links.js';
import { AppPackageError, validateManifest } from '../../src/teams-package/app-package.js';
import { readPngInfo } from '../../src/teams-package/png-info.js';
import { ROUTES } from '../../tab/src/router/routes.js';

function io(cwd: string): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { out: (l) => lines.push(l), err: (l) => errors.push(l), env: {}, cwd, lines, errors };
}

const VALUES = {
  TEAMSFX_ENV: 'test',
  TEAMS_APP_ID: '0b3c1d2e-4f50-4a61-8b72-9c83d4e5f601',
  BOT_ID: '11111111-1111-4111-8111-111111111111',
  AAD_APP_CLIENT_ID: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
  TAB_DOMAIN: 'los-test.azurewebsites.net',
  TAB_ENDPOINT: 'https://los-test.azurewebsites.net',
  APP_NAME_SUFFIX: '-test',
  DEVELOPER_NAME: 'Demo Borough SCP',
  PRIVACY_URL: 'https://www.example.org/privacy',
  TERMS_OF_USE_URL: 'https://www.example.org/terms',
};
/** The bot id as provisioning writes it to the .user file: it must win over the committed file. */
const USER_BOT_ID = '2c4e6a8b-0d1f-4a3b-9c5d-7e9f1a3b5c7d';

const envText = (values: Record<string, string>) => Object.entries(values).map(([k, v]) => `${k}=${v}`).join('\n') + '\n';

const schemasDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

/** The newest manifest schema the library bundles (v1.30 > v1.9: compared as numbers). */
function newestBundledVersion(): string {
  const versions = readdirSync(schemasDir)
    .map((d) => /^v(\d+)\.(\d+)$/.exec(d))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [Number(m[1]), Number(m[2])] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const [major, minor] = versions.at(-1)!;
  return `${major}.${minor}`;
}

/** RGBA pixels of an 8-bit RGBA, non-interlaced PNG (all five row filters), to look at what the icon shows. */
function decodeRgba(png: Uint8Array): { width: number; height: number; px: Uint8Array } {
  const info = readPngInfo(png)!;
  expect(info.bitDepth).toBe(8);
  expect(info.colourType).toBe(6);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 12 <= png.length; at += 12 + view.getUint32(at)) {
    if (String.fromCharCode(...png.subarray(at + 4, at + 8)) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + view.getUint32(at)));
  }
  const raw = inflateSync(Buffer.concat(idat));
  const { width, height } = info;
  const stride = width * 4;
  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? px[y * stride + x - 4]! : 0;
      const b = y > 0 ? px[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? px[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      px[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  return { width, height, px };
}

describe('the Teams app package (npx los package)', () => {
  let dir: string;
  let files: Map<string, Uint8Array>;
  let manifest: any;
  let output: { lines: string[]; errors: string[] };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'los-package-'));
    writeFileSync(path.join(dir, '.env.test'), '# a test environment\n' + envText(VALUES));
    writeFileSync(path.join(dir, '.env.test.user'), `BOT_ID=${USER_BOT_ID}\n`);
    const run = io(dir);
    output = run;
    expect(await runCli(['package', '--env', 'test', '--env-dir', dir, '--out', dir], run)).toBe(0);
    const zip = new Uint8Array(readFileSync(path.join(dir, 'appPackage.test.zip')));
    const entries = listZipEntries(zip)!;
    expect(entries).toBeDefined();
    files = new Map(entries.map((e) => [e.name, readZipEntry(zip, e)!]));
    manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes build/appPackage/appPackage.<env>.zip with exactly manifest.json, color.png and outline.png at its root', () => {
    expect(output.lines[0]).toBe(`Wrote ${path.join(dir, 'appPackage.test.zip')}`);
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    for (const data of files.values()) expect(data).toBeInstanceOf(Uint8Array);
  });

  it('fills every placeholder, the .user file winning over the committed one', () => {
    const text = new TextDecoder().decode(files.get('manifest.json'));
    expect(text).not.toContain('${{');
    expect(manifest.id).toBe(VALUES.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(USER_BOT_ID);
    expect(manifest.name.short).toBe('Line of Sight-test');
    expect(manifest.webApplicationInfo).toEqual({ id: VALUES.AAD_APP_CLIENT_ID, resource: `api://${VALUES.TAB_DOMAIN}/${VALUES.AAD_APP_CLIENT_ID}` });
    expect(manifest.validDomains).toEqual([VALUES.TAB_DOMAIN]);
  });

  it('is on the newest manifest schema @microsoft/app-manifest bundles, and meets it (validated offline)', async () => {
    const version = newestBundledVersion();
    expect(manifest.manifestVersion).toBe(version);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
    const schema = JSON.parse(readFileSync(path.join(schemasDir, `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8'));
    expect(await AppManifestUtils.validateAgainstSchema(manifest, schema)).toEqual([]);
  });

  it('has icons of the sizes Teams asks for: colour 192×192, outline 32×32 in white on transparency', () => {
    const color = readPngInfo(files.get('color.png')!)!;
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = readPngInfo(files.get('outline.png')!)!;
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.hasAlpha).toBe(true);
    const { px } = decodeRgba(files.get('outline.png')!);
    let drawn = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] === 0) continue;
      drawn++;
      expect([px[i], px[i + 1], px[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(drawn).toBeGreaterThan(50);
    for (const corner of [0, 31, 31 * 32, 32 * 32 - 1]) expect(px[corner * 4 + 3]).toBe(0);
  });

  it('offers the configurable tab in channels and meetings, the personal tabs, the bot and SSO', () => {
    const [tab] = manifest.configurableTabs;
    expect(tab.configurationUrl).toBe(tabConfigurationUrl(VALUES.TAB_ENDPOINT));
    expect(tab.context).toEqual(expect.arrayContaining(['channelTab', 'meetingSidePanel', 'meetingStage', 'meetingChatTab', 'meetingDetailsTab']));
    const personal = manifest.staticTabs.filter((t: any) => t.name);
    expect(personal.map((t: any) => t.name)).toEqual(expect.arrayContaining(['My actions', 'Papers', 'Reports']));
    expect(new Set(manifest.staticTabs.map((t: any) => t.entityId)).size).toBe(manifest.staticTabs.length);
    const routeKeys = ROUTES.map((r) => r.key as string);
    for (const t of personal) {
      expect(t.contentUrl).toMatch(new RegExp(`^${VALUES.TAB_ENDPOINT}/tab/[a-z-]+$`));
      expect(routeKeys).toContain(t.contentUrl.split('/').pop());
    }
    const [bot] = manifest.bots;
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.commandLists[0].commands).toEqual(BOT_COMMANDS.map((c) => ({ title: c.command, description: c.description })));
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
      { name: 'ChannelMeeting.ReadBasic.Group', type: 'Application' },
    ]);
  });

  it('names each placeholder left without a value, and writes no package', async () => {
    const missing = mkdtempSync(path.join(tmpdir(), 'los-package-missing-'));
    try {
      const { BOT_ID: _bot, AAD_APP_CLIENT_ID: _aad, ...rest } = VALUES;
      writeFileSync(path.join(missing, '.env.test'), envText({ ...rest, TEAMS_APP_ID: '' }));
      const run = io(missing);
      expect(await runCli(['package', '--env', 'test', '--env-dir', missing, '--out', missing], run)).toBe(1);
      const message = run.errors.join('\n');
      expect(message).toMatch(/cannot be made: these placeholders in manifest\/manifest\.json have no value:/);
      expect(message).toContain('  - TEAMS_APP_ID');
      expect(message).toContain('  - BOT_ID');
      expect(message).toContain('  - AAD_APP_CLIENT_ID');
      expect(message).toContain(path.join(missing, '.env.test.user'));
      expect(existsSync(path.join(missing, 'appPackage.test.zip'))).toBe(false);
    } finally {
      rmSync(missing, { recursive: true, force: true });
    }
  });

  it('says which environment file is missing, and that --env is needed', async () => {
    const run = io(dir);
    expect(await runCli(['package', '--env', 'nowhere', '--env-dir', dir, '--out', dir], run)).toBe(1);
    expect(run.errors[0]).toMatch(/^There is no .*\.env\.nowhere\. Copy env\/\.env\.dev/);
    const usage = io(dir);
    expect(await runCli(['package'], usage)).toBe(2);
    expect(usage.errors[0]).toMatch(/--env is required/);
  });

  it('refuses a manifest the schema does not allow (the check is not a formality)', async () => {
    await expect(validateManifest({ ...manifest, bots: [{ ...manifest.bots[0], botId: 'not-a-guid' }] })).rejects.toThrow(AppPackageError);
    await expect(validateManifest({ ...manifest, extra: true })).rejects.toThrow(/must NOT have additional properties/);
  });
});
