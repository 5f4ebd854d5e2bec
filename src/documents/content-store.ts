import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Document bytes, stored once per content (sha-256). Every version of every paper is kept.
 * Writes go to a temporary file and are renamed into place, so a crash never leaves a
 * half-written file under a real name.
 */
export class ContentStore {
  constructor(private readonly root: string) {}

  async put(bytes: Uint8Array): Promise<{ hash: string; relativePath: string }> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const relativePath = path.join(hash.slice(0, 2), hash);
    const file = path.join(this.root, relativePath);
    try {
      await stat(file);
      return { hash, relativePath };
    } catch {
      /* not stored yet */
    }
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, bytes, { flush: true });
    await rename(tmp, file);
    return { hash, relativePath };
  }

  async get(relativePath: string): Promise<Uint8Array> {
    const file = path.resolve(this.root, relativePath);
    if (!file.startsWith(path.resolve(this.root) + path.sep)) throw new Error('Content path escapes the store.');
    return new Uint8Array(await readFile(file));
  }
}
