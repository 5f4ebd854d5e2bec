import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where Vite writes the built tab (tab/vite.config.ts). */
export const DEFAULT_TAB_DIR = path.join(PROJECT_ROOT, 'dist', 'tab');
