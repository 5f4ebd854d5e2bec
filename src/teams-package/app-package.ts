import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { readPngInfo } from './png-info.js';
import { writeZip } from './zip-writer.js';

/**
 * The Teams app package (`npx los package --env NAME`): manifest/manifest.json with its `${{NAME}}`
 * placeholders filled from env/.env.NAME (and env/.env.NAME.user, which git ignores), checked against the
 * official manifest schema bundled in @microsoft/app-manifest (offline), zipped with its two icons.
 * The Agents Toolkit's teamsApp/zipAppPackage does the same from teamsapp.yml; this one needs no sign-in.
 */

export class AppPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AppPackageError';
  }
}

export interface AppPackageOptions {
  /** The project root: manifest/ lives under it. */
  root: string;
  /** The environment: its values come from `.env.<envName>` in envDir. */
  envName: string;
  /** Where the environment files are (default root/env). */
  envDir?: string;
  /** Where the zip is written (default root/build/appPackage). */
  outDir?: string;
}

export interface AppPackageResult {
  zipPath: string;
  /** The filled manifest, as zipped. */
  manifest: Record<string, unknown>;
  /** The manifest schema version it was checked against, e.g. "1.30". */
  schemaVersion: string;
  /** The environment files read, in order (later ones win). */
  envFiles: string[];
}

/** Placeholders that may be filled with nothing: the name suffix is empty in production. */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/** The icons Teams asks for: a 192×192 colour icon and a 32×32 outline with a transparent background. */
const ICONS = {
  color: { width: 192, height: 192, alpha: false },
  outline: { width: 32, height: 32, alpha: true },
} as const;

export async function buildAppPackage(o: AppPackageOptions): Promise<AppPackageResult> {
  if (!ENV_NAME.test(o.envName)) throw new AppPackageError(`"${o.envName}" is not an environment name: use letters, digits, - or _ (e.g. dev).`);
  const manifestDir = path.join(o.root, 'manifest');
  const envDir = o.envDir ?? path.join(o.root, 'env');
  const outDir = o.outDir ?? path.join(o.root, 'build', 'appPackage');
  const shown = (p: string) => displayPath(o.root, p);

  const { values, read, files } = await readEnvironment(envDir, o.envName, shown);
  const template = await readFile(path.join(manifestDir, 'manifest.json'), 'utf8');
  const filled = fillPlaceholders(template, values);
  if (filled.missing.length > 0) {
    throw new AppPackageError(
      `The Teams app package for "${o.envName}" cannot be made: ${filled.missing.length === 1 ? 'this placeholder' : 'these placeholders'} ` +
        `in manifest/manifest.json ${filled.missing.length === 1 ? 'has' : 'have'} no value:\n` +
        filled.missing.map((n) => `  - ${n}`).join('\n') +
        `\nSet ${filled.missing.length === 1 ? 'it' : 'them'} in ${files.map(shown).join(' or ')}. ` +
        'Provisioning with the Agents Toolkit writes most of them (README.md, "Deploy to your tenant").',
    );
  }
  checkEndpoint(values);

  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(filled.text) as Record<string, unknown>;
  } catch (error) {
    throw new AppPackageError(`manifest/manifest.json is not valid JSON once filled in: ${(error as Error).message}`);
  }
  const schemaVersion = await validateManifest(manifest);

  const icons = manifest.icons as { color: string; outline: string };
  const iconFiles: { name: string; data: Uint8Array }[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const name = icons[kind];
    const file = path.join(manifestDir, name);
    if (path.dirname(path.resolve(file)) !== path.resolve(manifestDir)) throw new AppPackageError(`The ${kind} icon "${name}" must be a file in manifest/, at the package root.`);
    if (!existsSync(file)) throw new AppPackageError(`The ${kind} icon manifest/${name} is missing (node scripts/draw-icons.mjs draws both icons).`);
    const data = new Uint8Array(await readFile(file));
    const info = readPngInfo(data);
    const want = ICONS[kind];
    if (!info) throw new AppPackageError(`The ${kind} icon manifest/${name} is not a PNG.`);
    if (info.width !== want.width || info.height !== want.height) {
      throw new AppPackageError(`The ${kind} icon manifest/${name} is ${info.width}×${info.height}; Teams needs ${want.width}×${want.height}.`);
    }
    if (want.alpha && !info.hasAlpha) throw new AppPackageError(`The ${kind} icon manifest/${name} has no transparency; Teams needs a transparent background.`);
    iconFiles.push({ name, data });
  }

  await mkdir(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${o.envName}.zip`);
  await writeFile(zipPath, writeZip([{ name: 'manifest.json', data: new TextEncoder().encode(filled.text) }, ...iconFiles]));
  return { zipPath, manifest, schemaVersion, envFiles: read };
}

/** A path as people read it: relative to the project when inside it, else absolute. */
export function displayPath(root: string, p: string): string {
  const rel = path.relative(root, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/** Values from `.env.<name>`, then `.env.<name>.user` (secrets, git-ignored) over them; `read` lists the files that exist. */
async function readEnvironment(envDir: string, envName: string, shown: (p: string) => string): Promise<{ values: Record<string, string>; read: string[]; files: string[] }> {
  const main = path.join(envDir, `.env.${envName}`);
  const user = `${main}.user`;
  if (!existsSync(main)) {
    throw new AppPackageError(
      `There is no ${shown(main)}. Copy env/.env.dev to ${shown(main)} and fill it in, or provision with the Agents Toolkit, which writes it.`,
    );
  }
  const read = existsSync(user) ? [main, user] : [main];
  const values: Record<string, string> = {};
  for (const file of read) {
    for (const [key, value] of Object.entries(parseEnv(await readFile(file, 'utf8')))) if (value !== undefined) values[key] = value;
  }
  return { values, read, files: [main, user] };
}

/** The template with each `${{NAME}}` replaced (JSON-escaped), and the names that have no value. */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || (value.trim() === '' && !MAY_BE_EMPTY.has(name))) {
      missing.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text, missing: [...missing] };
}

/** The tab's address must be https (Teams loads nothing else) and TAB_DOMAIN its host. */
function checkEndpoint(values: Readonly<Record<string, string>>): void {
  const endpoint = values.TAB_ENDPOINT;
  const domain = values.TAB_DOMAIN;
  if (!endpoint) return;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new AppPackageError(`TAB_ENDPOINT "${endpoint}" is not an address; it should look like https://los.example.org.`);
  }
  if (url.protocol !== 'https:') throw new AppPackageError(`TAB_ENDPOINT "${endpoint}" must be an https address: Teams loads tabs over https only.`);
  if (url.pathname !== '/' || url.search || url.hash) throw new AppPackageError(`TAB_ENDPOINT "${endpoint}" must be the site's origin only, e.g. https://${url.host}.`);
  if (domain !== undefined && domain !== url.host) throw new AppPackageError(`TAB_DOMAIN "${domain}" must be the host of TAB_ENDPOINT (${url.host}).`);
}

/**
 * Checks the manifest against the official schema for its manifestVersion, read from the copy bundled in
 * @microsoft/app-manifest (never downloaded). Returns the version checked.
 */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string> {
  const version = String(manifest.manifestVersion ?? '');
  const schemaFile = bundledSchemaFile(version);
  if (!existsSync(schemaFile)) throw new AppPackageError(`@microsoft/app-manifest has no schema for manifest version "${version}" (looked for ${schemaFile}).`);
  // Some published schemas hold \a and \v escapes, which JSON does not have; the library reads them the same way.
  const schema = JSON.parse((await readFile(schemaFile, 'utf8')).replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
  const { AppManifestUtils } = await loadAppManifestLibrary();
  const problems = await AppManifestUtils.validateAgainstSchema(manifest as never, schema);
  if (problems.length > 0) {
    throw new AppPackageError(`The filled manifest does not meet the Teams manifest schema v${version}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return version;
}

/** The bundled schema for a manifest version ("1.30" → …/json-schemas/teams/v1.30/MicrosoftTeams.schema.json). */
export function bundledSchemaFile(version: string): string {
  if (!/^\d+\.\d+$/.test(version)) throw new AppPackageError(`manifestVersion "${version}" is not a version such as 1.30.`);
  return path.join(appManifestPackageDir(), 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
}

function appManifestPackageDir(): string {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
  } catch {
    throw new AppPackageError('Checking the manifest needs @microsoft/app-manifest, a development dependency: run npm install (not --omit=dev) first.');
  }
}

async function loadAppManifestLibrary(): Promise<typeof import('@microsoft/app-manifest')> {
  appManifestPackageDir();
  return import('@microsoft/app-manifest');
}
