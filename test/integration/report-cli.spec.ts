import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/config.js';
import { openDatabase } from '../../src/storage/connect.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { ReportsRepository } from '../../src/storage/repositories/reports-repository.js';
import { makePartnership } from '../support/fixtures.js';
import { addReportEvidence, type ReportEvidenceFixture } from '../support/report-fixtures.js';
import { readDocx } from '../support/report-docx-reader.js';

describe('npx los report', () => {
  let dir: string;
  let f: ReportEvidenceFixture;
  let partnershipId: string;
  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const errors: string[] = [];
    const io: CliIo = { out: (l) => lines.push(l), err: (l) => errors.push(l), env: { DATA_DIR: dir }, cwd: dir };
    const code = await runCli(['report', ...args], io);
    return { code, out: lines.join('\n'), err: errors.join('\n') };
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'los-report-cli-'));
    const config = loadConfig({ DATA_DIR: dir }, dir);
    const database = await openDatabase(config.database);
    try {
      await migrateToLatest(database.db);
      const p = await makePartnership(database.db, 'Northshire Safeguarding Children Partnership');
      partnershipId = p.partnershipId;
      f = await addReportEvidence(database.db, p);
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the annual statement as the named scrutineer, saves it to the reports folder and writes --out', async () => {
    const r = await run('annual', '--period', '2026/27', '--as', 'scrutineer person', '--out', 'statement.docx');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Annual statement of assurance: Scrutiny year 2026/27 for Northshire Safeguarding Children Partnership.');
    expect(r.out).toMatch(/Saved .*Annual statement of assurance 2026-27\.docx, version 1, to /);
    expect(existsSync(path.join(dir, 'reports', partnershipId))).toBe(true);
    const doc = await readDocx(new Uint8Array(readFileSync(path.join(dir, 'statement.docx'))));
    expect(doc.headings.map((h) => h.text)).toContain('Statement of assurance');
    expect(doc.text).toContain(f.texts.shared);
    expect(doc.text).not.toContain(f.texts.ownPrivate);
    expect(doc.text).not.toContain(f.texts.otherPrivate);

    const again = await run('annual', '--period', '2026/27', '--as', 'scrutineer person');
    expect(again.out).toContain('version 2');
  });

  it('says whose draft to use when there are several scrutineers, and refuses a period that does not fit', async () => {
    const who = await run('quarterly', '--period', '2026-Q4');
    expect(who.code).toBe(2);
    expect(who.err).toContain('Say whose draft with --as');
    expect(who.err).toContain('Second scrutineer');
    const bad = await run('annual', '--period', '2026-Q4', '--as', 'scrutineer person');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--period');
    const kind = await run('monthly', '--period', '2026-Q4');
    expect(kind.code).toBe(2);
  });

  it('lists the passages the child-identifier guard flags, and generates once they are confirmed', async () => {
    const database = await openDatabase(loadConfig({ DATA_DIR: dir }, dir).database);
    try {
      const repo = new ReportsRepository(database.db);
      const people = await database.db.selectFrom('people').select('id').where('display_name', '=', 'scrutineer person').executeTakeFirstOrThrow();
      const draft = await repo.open(partnershipId, people.id, 'quarterly', '2026-Q3');
      await repo.saveSection(partnershipId, draft.id, 'introduction', 'We discussed the child born 04/03/2016.', 0);
    } finally {
      await database.close();
    }
    const refused = await run('quarterly', '--period', '2026-Q3', '--as', 'scrutineer person');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/section introduction: .*04\/03\/2016/);
    expect(refused.err).toContain('--identifiers-confirmed');
    const confirmed = await run('quarterly', '--period', '2026-Q3', '--as', 'scrutineer person', '--identifiers-confirmed');
    expect(confirmed.code).toBe(0);
  });

  it('generates a report for a period with no evidence that says so', async () => {
    const r = await run('quarterly', '--period', '2021-Q3', '--as', 'scrutineer person', '--out', 'empty.docx');
    expect(r.code).toBe(0);
    expect(r.out).toContain('(no evidence in this period)');
    const doc = await readDocx(new Uint8Array(readFileSync(path.join(dir, 'empty.docx'))));
    expect(doc.text).toContain('There is no evidence for this period');
  });
});
