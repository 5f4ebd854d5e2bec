import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/cli-io.js';

function io(env: Record<string, string>, cwd: string): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { out: (l) => lines.push(l), err: (l) => errors.push(l), env, cwd, lines, errors };
}

describe('the admin CLI (npx los)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'los-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates an empty embedded database, then says it is up to date', async () => {
    const a = io({ DATA_DIR: dir }, dir);
    expect(await runCli(['migrate'], a)).toBe(0);
    expect(a.lines[0]).toMatch(/^Applied \d+ migration\(s\): 0001-initial-schema/);
    const b = io({ DATA_DIR: dir }, dir);
    expect(await runCli(['migrate'], b)).toBe(0);
    expect(b.lines[0]).toBe('The database is already up to date.');
  });

  it('seeds the synthetic demo partnership once', async () => {
    const a = io({ DATA_DIR: dir }, dir);
    expect(await runCli(['seed', '--demo'], a)).toBe(0);
    expect(a.lines.join('\n')).toMatch(/Seeded the synthetic "Demo Borough Safeguarding Children Partnership"/);
    const b = io({ DATA_DIR: dir }, dir);
    expect(await runCli(['seed', '--demo'], b)).toBe(0);
    expect(b.lines[0]).toMatch(/already there/);
  });

  it('lists each forum\'s library, changes one, names a folder that is not there, and syncs', async () => {
    const list = io({ DATA_DIR: dir }, dir);
    expect(await runCli(['sources', 'list'], list)).toBe(0);
    expect(list.lines).toContain('Executive: local folder "Executive" (' + list.lines.find((l) => l.startsWith('Executive:'))!.split('(')[1]);
    const bad = io({ DATA_DIR: dir }, dir);
    expect(await runCli(['sources', 'set', '--forum', 'executive', '--local-folder', 'Nowhere'], bad)).toBe(1);
    expect(bad.errors[0]).toMatch(/There is no folder "Nowhere"/);
    const good = io({ DATA_DIR: dir }, dir);
    expect(await runCli(['sources', 'set', '--forum', 'Executive', '--local-folder', 'Executive'], good)).toBe(0);
    const sync = io({ DATA_DIR: dir }, dir);
    expect(await runCli(['sync'], sync)).toBe(0);
    expect(sync.lines.join('\n')).toMatch(/change\(s\) read/);
  });

  it('shows and changes how papers are recognised', async () => {
    const a = io({ DATA_DIR: dir }, dir);
    expect(await runCli(['sources', 'conventions', '--minutes', 'minutes, note of meeting', '--meeting-date-field', 'MeetingDate'], a)).toBe(0);
    expect(a.lines.join('\n')).toMatch(/Minutes: minutes, note of meeting/);
    expect(a.lines.join('\n')).toMatch(/Meeting date column: MeetingDate/);
  });

  it('doctor says all is well on a good configuration', async () => {
    const a = io({ DATA_DIR: dir }, dir);
    expect(await runCli(['doctor'], a)).toBe(0);
    expect(a.lines).toEqual(expect.arrayContaining([expect.stringMatching(/^OK +Database: .*schema current/), expect.stringMatching(/^OK +Document source: local folder/)]));
  });

  it('doctor names each bad variable and fails', async () => {
    const a = io({ DATA_DIR: dir, AUTH_MODE: 'saml', DATABASE_URL: 'mysql://nope' }, dir);
    expect(await runCli(['doctor'], a)).toBe(1);
    const text = a.lines.join('\n');
    expect(text).toMatch(/FAIL {2}Configuration: AUTH_MODE: must be dev or entra/);
    expect(text).toMatch(/FAIL {2}Configuration: DATABASE_URL: must be a PostgreSQL URL/);
  });

  it('doctor says in words when PostgreSQL cannot be reached', async () => {
    const a = io({ DATA_DIR: dir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, dir);
    expect(await runCli(['doctor'], a)).toBe(1);
    expect(a.lines.join('\n')).toMatch(/FAIL {2}Database: PostgreSQL at DATABASE_URL does not answer/);
  });

  it('doctor says when the Graph document source refuses its token', async () => {
    const a = io({ DATA_DIR: dir, DOCUMENT_SOURCE: 'graph', GRAPH_TOKEN: 'expired', GRAPH_BASE_URL: 'http://127.0.0.1:9/v1.0' }, dir);
    expect(await runCli(['doctor'], a)).toBe(1);
    expect(a.lines.join('\n')).toMatch(/FAIL {2}Document source: Microsoft Graph at http:\/\/127\.0\.0\.1:9\/v1\.0 cannot be reached/);
  });

  it('refuses an unknown command with the usage', async () => {
    const a = io({}, dir);
    expect(await runCli(['frobnicate'], a)).toBe(2);
    expect(a.errors[0]).toMatch(/Unknown command "frobnicate"/);
  });
});
