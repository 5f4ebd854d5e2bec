import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { searchCommand } from '../../src/cli/commands/search.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { SearchResponse } from '../../src/contract/search.js';
import { openDatabase } from '../../src/storage/connect.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { makePartnership } from '../support/fixtures.js';
import { addSearchableDocument } from '../support/search-fixtures.js';

function io(dir: string): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { out: (l) => lines.push(l), err: (l) => errors.push(l), env: { DATA_DIR: dir }, cwd: dir, lines, errors };
}

const PARTNERSHIP = 'Northshire Safeguarding Children Partnership';

describe('npx los search', () => {
  let dir: string;
  let config: Config;
  let partnershipId: string;
  const run = async (...args: string[]) => {
    const o = io(dir);
    const code = await searchCommand(config, args, o);
    return { code, out: o.lines.join('\n'), err: o.errors.join('\n') };
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'los-search-cli-'));
    config = loadConfig({ DATA_DIR: dir }, dir);
    const database = await openDatabase(config.database);
    try {
      await migrateToLatest(database.db);
      ({ partnershipId } = await makePartnership(database.db, PARTNERSHIP));
      const forumId = randomUUID();
      await database.db.insertInto('forums').values({ id: forumId, partnership_id: partnershipId, name: 'Quality Assurance Subgroup', kind: 'subgroup', position: 2, chair_person_id: null, teams_team_id: null, teams_channel_id: null, document_folder: null }).execute();
      await addSearchableDocument(database.db, {
        partnershipId,
        forumId,
        title: 'Kestrelbrook neglect audit',
        documentDate: '2026-01-14',
        pages: ['Introduction.', 'The Kestrelbrook audit looked at twelve families; neglect was audited across agencies.'],
      });
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints each hit with its forum, date, page and the matched words marked', async () => {
    const r = await run('kestrelbrook', 'audits');
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 page matches "kestrelbrook audits" in Northshire Safeguarding Children Partnership:');
    expect(r.out).toContain('1. Kestrelbrook neglect audit (paper)');
    expect(r.out).toContain('   Quality Assurance Subgroup · 14 January 2026 · page 2 · Kestrelbrook neglect audit.pdf');
    expect(r.out).toMatch(/«Kestrelbrook» «audit» looked at twelve families; neglect was «audited»/);
  });

  it('prints the API response as JSON with --json', async () => {
    const r = await run('--json', 'kestrelbrook', '--forum', 'quality assurance subgroup', '--type=paper', '--from', '2026-01-01', '--to', '2026-01-31', '--limit', '5');
    expect(r.code).toBe(0);
    const body = SearchResponse.parse(JSON.parse(r.out));
    expect(body).toMatchObject({ query: 'kestrelbrook', total: 1, limit: 5 });
    expect(body.hits[0]!.snippet).toContain('\u0002Kestrelbrook\u0003');
  });

  it('says so when nothing matches, with what to try', async () => {
    const r = await run('the');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Nothing in Northshire Safeguarding Children Partnership matches "the"\.\nTry fewer or other words/);
  });

  it.each([
    [[], /Say what to search for/],
    [['   '], /QUERY must not be empty/],
    [['neglect', '--colour'], /Unknown option --colour/],
    [['neglect', '--type', 'policy'], /--type must be agenda, paper, minutes, report or other/],
    [['neglect', '--from', '14/01/2026'], /--from must be a date as YYYY-MM-DD/],
    [['neglect', '--from', '2026-02-01', '--to', '2026-01-01'], /--to must be on or after from/],
    [['neglect', '--limit', '500'], /--limit must be at most 100/],
    [['neglect', '--limit'], /--limit needs a value/],
    [['neglect', '--forum', 'Book club'], /has no forum called "Book club". Its forums are:\n {2}Executive/],
  ])('refuses bad arguments with exit code 2 (%j)', async (args, message) => {
    const r = await run(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('asks which partnership when the database holds more than one', async () => {
    const database = await openDatabase(config.database);
    try {
      await database.db.insertInto('partnerships').values({ id: randomUUID(), name: 'Second partnership', short_name: 'Second', host_tenant_id: null, checklist_framework_id: null }).execute();
    } finally {
      await database.close();
    }
    const r = await run('kestrelbrook');
    expect(r.code).toBe(2);
    expect(r.err).toContain('say which with --partnership ID');
    expect(r.err).toContain(`${partnershipId}  ${PARTNERSHIP}`);
    expect((await run('kestrelbrook', '--partnership', partnershipId)).code).toBe(0);
    expect((await run('kestrelbrook', '--partnership', randomUUID())).code).toBe(2);
  });
});
