// Reads ./.env when there is one. Variables already set in the environment win.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.env');
if (existsSync(file) && process.env.LOS_IGNORE_ENV_FILE !== 'true') process.loadEnvFile(file);
