import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm start`'s script as a newcomer would, until `until` is printed or it exits. */
function start(env: Record<string, string>, until?: RegExp, timeoutMs = 90_000): Promise<Run & { stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH!, HOME: process.env.HOME!, LOS_IGNORE_ENV_FILE: 'true', ...env } });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start did not finish in time.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (d) => {
      stdout += d;
      if (until && until.test(stdout)) {
        clearTimeout(timer);
        resolve({ code: null, stdout, stderr, stop });
      }
    });
    child.stderr.on('data', (d) => (stderr += d));
    void exited.then((code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, stop });
    });
  });
}

describe('npm start', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'los-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops at once on bad configuration, naming the variable', async () => {
    const r = await start({ DATA_DIR: dir, PORT: 'eighty', AUTH_MODE: 'saml' });
    expect(r.code).toBe(78);
    expect(r.stderr).toMatch(/PORT: must be a whole number/);
    expect(r.stderr).toMatch(/AUTH_MODE: must be dev or entra/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses dev sign-in in production', async () => {
    const r = await start({ DATA_DIR: dir, NODE_ENV: 'production', AUTH_MODE: 'dev' });
    expect(r.code).toBe(78);
    expect(r.stderr).toMatch(/AUTH_MODE: dev sign-in is refused when NODE_ENV=production/);
  });

  it('runs on an empty data directory with demo data, prints the URLs, and is ready', async () => {
    const r = await start({ DATA_DIR: dir, PORT: '0' }, /Ready in \d+ ms/);
    try {
      expect(r.stdout).toMatch(/Tab: +http:\/\/localhost:\d+\//);
      expect(r.stdout).toMatch(/Bot: +http:\/\/localhost:\d+\/api\/messages/);
      expect(r.stdout).toMatch(/Demo data: seeded the synthetic/);
      const port = /localhost:(\d+)\/api\/v1/.exec(r.stdout)![1];
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      expect(page).toMatch(/<div id="root">|id="root"/);
    } finally {
      await r.stop();
    }
  });

  it('starts again on the existing data directory without seeding twice', async () => {
    const r = await start({ DATA_DIR: dir, PORT: '0' }, /Ready in \d+ ms/);
    try {
      expect(r.stdout).not.toMatch(/Demo data: seeded/);
    } finally {
      await r.stop();
    }
  });
});
