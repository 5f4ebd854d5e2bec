// npm run build: builds the tab. The server runs from TypeScript through tsx, so it needs no build.
import { buildTab } from './tab-build.mjs';

buildTab({ force: process.argv.includes('--force') });
