import path from 'node:path';
import { PROJECT_ROOT } from '../../paths.js';
import { AppPackageError, buildAppPackage, displayPath } from '../../teams-package/app-package.js';
import type { CliIo } from '../cli-io.js';
import { CliUsageError } from '../cli-partnership.js';
import { lastValue, parseOptions } from '../cli-options.js';

export const PACKAGE_USAGE = `Usage: npx los package --env NAME [--env-dir DIR] [--out DIR]

Builds the Teams app package: manifest/manifest.json with its \${{NAME}} placeholders filled from
env/.env.NAME (and env/.env.NAME.user, which git ignores), checked against the official Teams manifest
schema (bundled, offline), zipped with color.png and outline.png into build/appPackage/appPackage.NAME.zip.

Options:
  --env NAME       The environment, e.g. dev (required).
  --env-dir DIR    Where the .env.NAME files are (default env/).
  --out DIR        Where to write the zip (default build/appPackage/).`;

/** `npx los package`: needs no database or server configuration. */
export async function packageCommand(args: string[], io: CliIo, root = PROJECT_ROOT): Promise<number> {
  if (args.includes('--help') || args.includes('help')) {
    io.out(PACKAGE_USAGE);
    return 0;
  }
  const options = parseOptions(args, { flags: [], values: ['env', 'env-dir', 'out'] });
  if (options.positional.length > 0) throw new CliUsageError(`Unexpected "${options.positional[0]}".\n\n${PACKAGE_USAGE}`);
  const envName = lastValue(options, 'env');
  if (!envName) throw new CliUsageError(`--env is required (e.g. --env dev).\n\n${PACKAGE_USAGE}`);
  const envDir = lastValue(options, 'env-dir');
  const outDir = lastValue(options, 'out');
  try {
    const result = await buildAppPackage({
      root,
      envName,
      envDir: envDir ? path.resolve(io.cwd, envDir) : undefined,
      outDir: outDir ? path.resolve(io.cwd, outDir) : undefined,
    });
    io.out(`Wrote ${result.zipPath}`);
    io.out(`  manifest.json (schema v${result.schemaVersion}, checked offline), color.png, outline.png`);
    io.out(`  values from ${result.envFiles.map((f) => displayPath(root, f)).join(' and ')}`);
    io.out('Upload it in Teams (Apps > Manage your apps > Upload an app) or the Teams admin centre; see README.md, "Deploy to your tenant".');
    return 0;
  } catch (error) {
    if (error instanceof AppPackageError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}
