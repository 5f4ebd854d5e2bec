#!/usr/bin/env node
// The admin CLI (`npx los …`). Runs the TypeScript sources through tsx, like the server.
import '../scripts/quiet-known-warnings.mjs';
import '../scripts/load-env-file.mjs';
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
