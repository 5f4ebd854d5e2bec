// npm start: builds what is stale, then runs the server in this process.
import './quiet-known-warnings.mjs';
import './load-env-file.mjs';
import { register } from 'tsx/esm/api';
import { buildTab } from './tab-build.mjs';

try {
  buildTab();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
register();
await import('../src/main.ts');
