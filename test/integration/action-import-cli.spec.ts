import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { loadConfig } from '../../src/config/config.js';
import { openDatabase } from '../../src/storage/connect.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { readWorkbook } from '../../src/tabular/read-workbook.js';
import { IMPORT_LIMITS } from '../../src/action-import/import-limits.js';
import { cellText } from '../../src/tabular/table.js';
import { makeImportPartnership, xlsxBytes } from '../support/action-import-fixtures.js';

function io(env: Record<string, string>, cwd: string): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { out: (l) => lines.push(l), err: (l) => errors.push(l), env, cwd, lines, errors };
}

const SP = 'https://demo.sharepoint.com/sites/scp/Shared%20Documents';

describe('npx los actions import / export', () => {
  let dir: string;
  const env = () => ({ DATA_DIR: dir });
  const run = async (...args: string[]) => {
    const x = io(env(), dir);
    const code = await runCli(['actions', ...args], x);
    return { code, out: x.lines.join('\n'), err: x.errors.join('\n') };
  };
  const actionCount = async (shortName: string) => {
    const h = await openDatabase(loadConfig(env(), dir).database);
    try {
      const r = await h.db
        .selectFrom('actions')
        .innerJoin('partnerships', 'partnerships.id', 'actions.partnership_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('partnerships.short_name', '=', shortName)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    } finally {
      await h.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'los-actions-cli-'));
    // Two partnerships with the same people and agencies, so a tracker can move from one to the other.
    const h = await openDatabase(loadConfig(env(), dir).database);
    try {
      await migrateToLatest(h.db);
      for (const [name, short] of [['Northshire Safeguarding Children Partnership', 'NSCP'], ['Southshire Safeguarding Children Partnership', 'SSCP']]) {
        const p = await makeImportPartnership(h.db, name);
        await h.db.updateTable('partnerships').set({ short_name: short }).where('id', '=', p.partnershipId).execute();
      }
    } finally {
      await h.close();
    }
    const tracker = await xlsxBytes({
      Tracker: [
        ['Northshire composite action plan'],
        ['Ref', 'Recommendation', 'Source', 'Area', 'Named person', 'Lead agency', 'Deadline', 'Status', '% complete', 'RAG', 'Evidence', 'Update'],
        ['NS-01', 'Publish the 7-minute briefing', 'CSPR', '5', 'Jane Smith', 'Demo Valley Police', '15/12/2026', 'In progress', '60%', 'Amber', `${SP}/brief.pdf`, 'Draft agreed'],
        ['NS-02', 'Re-audit the neglect cases', 'Audit', '4', 'Ravi Patel', 'Demo Borough Council', '31/01/2027', 'Not started', '0', 'Red', '', ''],
        ['NS-03', 'Report strategy discussion attendance monthly', 'Challenge', '2', 'jane.smith@demo.example', 'Demo Valley Police', '2026-10-31', 'Complete', '100', 'Green', `${SP}/attendance.xlsx`, 'Monthly report in place'],
      ],
    });
    writeFileSync(path.join(dir, 'tracker.xlsx'), tracker);
    writeFileSync(path.join(dir, 'bad.csv'), 'Ref,Action,Source,Owner,Due\r\nB-1,Fine,Audit,Jane Smith,01/02/2027\r\nB-2,Who?,Audit,J Smith,31/02/2027\r\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks a tracker without importing it (--dry-run), showing how columns were matched', async () => {
    const r = await run('import', 'tracker.xlsx', '--partnership', 'NSCP', '--map', 'owner=Named person', '--dry-run');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('tracker.xlsx: sheet "Tracker", headers on row 2, 3 row(s) below them. Importing into Northshire Safeguarding Children Partnership.');
    expect(r.out).toMatch(/Owner +← E "Named person"/);
    expect(r.out).toMatch(/\(not imported\) +J "RAG": The RAG rating is worked out by the tracker/);
    expect(r.out).toContain('3 row(s): 3 to create, 0 to update, 0 unchanged.');
    expect(r.out).toContain('Dry run: every row can be imported; nothing was written.');
    expect(await actionCount('NSCP')).toBe(0);
  });

  it('lists every error in words and exits 1, importing nothing', async () => {
    const r = await run('import', 'bad.csv', '--partnership', 'NSCP');
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      expect.stringMatching(/^Row 3, column "Owner": unknown owner "J Smith": .*Did you mean "Jane Smith"\?/),
      'Row 3, column "Due": "31/02/2027" is not a date: write it as day/month/year (15/12/2026) or leave it empty for no due date.',
      '2 error(s): nothing was imported. Correct the file (or the mapping with --map) and run the import again.',
    ]);
    expect(await actionCount('NSCP')).toBe(0);
  });

  it('imports, refuses the same references a second time, and updates them only with --update-existing', async () => {
    const first = await run('import', 'tracker.xlsx', '--partnership', 'nscp', '--map', 'owner=E');
    expect(first.err).toBe('');
    expect(first.out).toContain('Imported tracker.xlsx: 3 created, 0 updated, 0 unchanged.');
    expect(await actionCount('NSCP')).toBe(3);
    const again = await run('import', 'tracker.xlsx', '--partnership', 'NSCP', '--map', 'owner=Named person');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/Row 3, column "Ref": "NS-01" is already in the tracker/);
    const update = await run('import', 'tracker.xlsx', '--partnership', 'NSCP', '--map', 'owner=Named person', '--update-existing');
    expect(update.out).toContain('Imported tracker.xlsx: 0 created, 0 updated, 3 unchanged.');
  });

  it('exports the tracker, filtered, as CSV and as a workbook that imports into another partnership', async () => {
    const csv = await run('export', '--partnership', 'NSCP', '--format', 'csv', '--out', 'police.csv', '--agency', 'demo valley police', '--status', 'in progress');
    expect(csv.err).toBe('');
    expect(csv.out).toMatch(/^Wrote 1 action\(s\) of Northshire Safeguarding Children Partnership to .*police\.csv\.$/);
    const text = readFileSync(path.join(dir, 'police.csv'), 'utf8');
    expect(text.split('\r\n')[1]).toMatch(/^NS-01,Publish the 7-minute briefing,Case review,Learning from local and national reviews and research,Jane Smith,Demo Valley Police,15\/12\/2026,In progress,Amber,60,Draft agreed,https:/);

    const xlsx = await run('export', '--partnership', 'NSCP', '--out', 'all.xlsx');
    expect(xlsx.out).toMatch(/Wrote 3 action\(s\)/);
    const moved = await run('import', 'all.xlsx', '--partnership', 'SSCP');
    expect(moved.err).toBe('');
    expect(moved.out).toContain('Imported all.xlsx: 3 created, 0 updated, 0 unchanged.');
    const back = await run('export', '--partnership', 'SSCP', '--out', 'south.xlsx');
    expect(back.code).toBe(0);
    const cells = async (f: string) => (await readWorkbook(readFileSync(path.join(dir, f)), f, { ...IMPORT_LIMITS })).sheet.rows.map((r) => r.map(cellText));
    expect(await cells('south.xlsx')).toEqual(await cells('all.xlsx'));
  });

  it('answers a mistake in the command with its usage and exit code 2', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('import')).err).toMatch(/Say which file to import/);
    const bad = await run('import', 'tracker.xlsx', '--partnership', 'NSCP', '--map', 'colour=Status');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--map: there is no field "colour"/);
    expect((await run('import', 'missing.xlsx', '--partnership', 'NSCP')).err).toMatch(/There is no file/);
    expect((await run('export', '--partnership', 'NSCP')).err).toMatch(/Say where to write the file with --out/);
    expect((await run('export', '--partnership', 'Nowhere', '--out', 'x.csv')).err).toMatch(/There is no partnership "Nowhere"/);
    expect((await run('import', 'tracker.xlsx', '--colour')).code).toBe(2);
  });
});
