import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../src/action-import/import-limits.js';
import { suggestMapping } from '../../src/action-import/suggest-mapping.js';
import { ActionExportService } from '../../src/services/action-export-service.js';
import { ActionImportService, type ImportChoices } from '../../src/services/action-import-service.js';
import { ActionTrackerRepository, type TrackerRow } from '../../src/storage/repositories/action-tracker-repository.js';
import { readWorkbook } from '../../src/tabular/read-workbook.js';
import { cellText } from '../../src/tabular/table.js';
import { csvBytes, type ImportPartnership, makeImportPartnership, xlsxBytes } from '../support/action-import-fixtures.js';
import { testDatabases } from '../support/databases.js';

const SP = 'https://demo.sharepoint.com/sites/scp/Shared%20Documents';

/** A tracker as a business unit keeps it: a title above the table, its own headers, a RAG column. */
const HEADERS = ['Ref', 'Recommendation', 'Source', 'Area', 'Lead officer', 'Lead agency', 'Deadline', 'Status', '% complete', 'RAG', 'Evidence', 'Progress update'];

describe.each(testDatabases())('importing and exporting the tracker on $kind', (target) => {
  let h: Awaited<ReturnType<typeof target.create>>;
  let p: ImportPartnership;
  const now = () => new Date('2026-11-20T10:00:00Z');
  let imports: ActionImportService;
  let exports: ActionExportService;
  const bm = () => p.actors.business_manager;
  const all = (mapping: ImportChoices['mapping'], extra: Partial<ImportChoices> = {}): ImportChoices => ({ mapping, updateExisting: false, ...extra });
  const count = async (table: 'actions' | 'action_history' | 'action_evidence', partnershipId = p.partnershipId) =>
    Number((await h.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('partnership_id', '=', partnershipId).executeTakeFirstOrThrow()).n);
  const auditCount = async (action: string) =>
    Number((await h.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('partnership_id', '=', p.partnershipId).where('action', '=', action).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    h = await target.create();
    p = await makeImportPartnership(h.db);
    imports = new ActionImportService(h.db, now);
    exports = new ActionExportService(h.db, undefined, now);
  });
  afterAll(async () => h?.dispose());

  describe('read: what the file holds, and a suggested mapping', () => {
    it('finds the header row under a title, maps the headers, and leaves out the RAG', async () => {
      const bytes = await xlsxBytes({
        Notes: [['Read me first']],
        Tracker: [
          ['Demo SCP composite action plan 2026/27'],
          [],
          HEADERS,
          ['CSPR-01', 'Publish the 7-minute briefing', 'Case review', '5', 'Jane Smith', 'Demo Valley Police', new Date(Date.UTC(2026, 11, 15)), 'In progress', 0.5, 'Amber', `${SP}/brief.pdf`, 'Draft with comms'],
          ['AUD-01', 'Re-audit neglect cases', 'Audit', 'Quality assurance and information sharing', 'ravi patel', '', '15/01/2027', 'Not started', 0, 'Red', '', ''],
        ],
      });
      const read = await imports.read(bm(), { fileName: 'tracker.xlsx', bytes, sheet: 'Tracker' });
      expect(read).toMatchObject({ format: 'xlsx', sheets: ['Notes', 'Tracker'], sheet: 'Tracker', headerRow: 3, dataRows: 2 });
      expect(read.suggestedMapping).toEqual({ reference: 0, title: 1, source: 2, area: 3, owner: 4, agency: 5, dueDate: 6, status: 7, percentComplete: 8, evidence: 10, update: 11 });
      expect(read.columns[9]).toMatchObject({ header: 'RAG', field: null, ignored: expect.stringMatching(/worked out by the tracker/) });
      expect(read.sampleRows[0]).toEqual({ row: 4, cells: ['CSPR-01', 'Publish the 7-minute briefing', 'Case review', '5', 'Jane Smith', 'Demo Valley Police', '15/12/2026', 'In progress', '0.5', 'Amber', `${SP}/brief.pdf`, 'Draft with comms'] });
    });

    it('tells an action from its owner and its reference, and forgives a misspelt header', () => {
      expect(suggestMapping(['Action ref', 'Action', 'Action owner', 'Target date', 'Organisation', 'Latest update', 'BRAG']).mapping).toEqual({
        reference: 0,
        title: 1,
        owner: 2,
        dueDate: 3,
        agency: 4,
        update: 5,
      });
      expect(suggestMapping(['No.', 'Reccomendation', 'Responsible officer', 'Timescale', 'Progress %', 'Comments']).mapping).toEqual({
        reference: 0,
        title: 1,
        owner: 2,
        dueDate: 3,
        percentComplete: 4,
        update: 5,
      });
    });

    it('says in words why a file cannot be read', async () => {
      const read = (bytes: Uint8Array, fileName: string) => imports.read(bm(), { fileName, bytes }).catch((e: Error) => e.message);
      expect(await read(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), 'old.xls')).toMatch(/old-style Excel workbook \(\.xls\)/);
      expect(await read(new TextEncoder().encode('not a zip'), 'fake.xlsx')).toMatch(/is not an Excel workbook/);
      expect(await read(new Uint8Array(0), 'empty.csv')).toMatch(/The file is empty/);
      expect(await read(new TextEncoder().encode(`Ref,Action\nA-1,"${'x'.repeat(40_000)}"\n`), 'huge-cell.csv')).toMatch(/at most 32,767/);
      expect(await read(await xlsxBytes({ Only: [['Ref']] }), 'x.xlsx').then(() => 'ok')).toBe('ok');
      await expect(imports.read(bm(), { fileName: 'x.xlsx', bytes: await xlsxBytes({ Only: [['Ref']] }), sheet: 'Missing' })).rejects.toThrow(/no sheet "Missing". Its sheets: "Only"/);
    });

    it('refuses files and sheets over the limits, and a workbook that expands beyond them (zip bomb)', async () => {
      const small = new ActionImportService(h.db, now, { ...IMPORT_LIMITS, maxFileBytes: 1000 });
      const rows = (n: number) => [['Ref', 'Action'], ...Array.from({ length: n }, (_, i) => [`R-${i}`, 'Do it'])];
      await expect(small.read(bm(), { fileName: 'big.csv', bytes: new Uint8Array(2000).fill(65) })).rejects.toThrow(/The file is 2 KB: at most 1 KB/);
      // The reader stops a little past the limit (room for a title above the header); the plan says exactly.
      const roomy = new ActionImportService(h.db, now, { ...IMPORT_LIMITS, maxRows: 10 });
      await expect(roomy.read(bm(), { fileName: 'long.csv', bytes: csvBytes(rows(100)) })).rejects.toThrow(/more than 60 rows/);
      const preview = await roomy.preview(bm(), { fileName: 'eleven.csv', bytes: csvBytes(rows(11)) }, all({ reference: 0, title: 1 }, { defaultSource: 'audit' }));
      expect(preview.errors[0]!.text).toMatch(/more than 10 actions/);
      // Highly repetitive XML compresses a thousandfold: what it expands to is what counts.
      const bomb = await xlsxBytes({ Sheet: Array.from({ length: 3000 }, () => ['A'.repeat(100)]) });
      expect(bomb.byteLength).toBeLessThan(1000 * 30);
      const tight = new ActionImportService(h.db, now, { ...IMPORT_LIMITS, maxExpandedBytes: 200_000 });
      await expect(tight.read(bm(), { fileName: 'bomb.xlsx', bytes: bomb })).rejects.toThrow(/expands to more than/);
    });

    it('refuses a workbook whose parts expand beyond the sizes they declare', async () => {
      const bytes = Buffer.from(await xlsxBytes({ Sheet: Array.from({ length: 200 }, (_, i) => [`R-${i}`, 'x'.repeat(50)]) }));
      // Rewrite the sheet's declared size in the zip's table of contents to a lie: 10 bytes.
      const name = Buffer.from('xl/worksheets/sheet1.xml');
      for (let i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i >= 0; i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) {
        if (bytes.subarray(i + 46, i + 46 + name.length).equals(name)) bytes.writeUInt32LE(10, i + 24);
      }
      await expect(imports.read(bm(), { fileName: 'liar.xlsx', bytes })).rejects.toThrow(/expands beyond what it declares/);
    });
  });

  describe('preview: every row checked, each error in words', () => {
    const mapping = { reference: 0, title: 1, source: 2, area: 3, owner: 4, agency: 5, dueDate: 6, status: 7, percentComplete: 8, evidence: 10, update: 11 };

    it('explains each row\'s errors: row, column, what is wrong', async () => {
      await imports.commit(bm(), { fileName: 'first.csv', bytes: csvBytes([HEADERS, ['EX-1', 'Already here', 'Audit', '', '', '', '', '', '', '', '', '']]) }, all(mapping));
      const bytes = csvBytes([
        HEADERS,
        ['OK-1', 'A good row', 'Scrutiny', 'Leadership', 'jane smith', '', '15/12/2026', 'In progress', '50%', 'Green', '', 'Started'],
        ['OK-2', 'Unknown owner', 'Scrutiny', '1', 'J Smith', '', '', '', '', '', '', ''],
        ['OK-3', 'Unknown area', 'Scrutiny', 'Finance', '', '', '', '', '', '', '', ''],
        ['OK-4', 'Impossible date', 'Audit', '', '', '', '31/02/2026', '', '', '', '', ''],
        ['OK-5', 'Words for a date', 'Audit', '', '', '', 'next spring', '', '', '', '', ''],
        ['OK-1', 'Same reference again', 'Audit', '', '', '', '', '', '', '', '', ''],
        ['EX-1', 'Already in the tracker', 'Audit', '', '', '', '', '', '', '', '', ''],
        ['OK-6', 'Formula', 'Audit', '', '', '', '=TODAY()+30', '', '', '', '', ''],
        ['OK-7', 'Odd status and percent', 'Audit', '', '', '', '', 'Finished-ish', '150', '', '', ''],
        ['OK-8', 'Evidence that is a note', 'Audit', '', '', '', '', '', '', '', 'see minutes', ''],
        ['OK-9', 'Complete without evidence', 'Audit', '', '', '', '', 'Complete', '100', '', '', ''],
        ['OK-10', 'Unknown agency and a gone owner', 'Audit', '', 'Old Timer', 'Demo Police', '', '', '', '', '', ''],
        ['', 'No reference', 'Minutes', '', '', '', '', '', '', '', '', ''],
        ['OK-11', 'No source', '', '', '', '', '', '', '', '', '', ''],
        ['OK-12', 'Evidence off SharePoint', 'Audit', '', '', '', '', '', '', '', 'https://example.org/audit.pdf', ''],
      ]);
      const preview = await imports.preview(bm(), { fileName: 'tracker.csv', bytes }, all(mapping));
      expect(preview).toMatchObject({ dataRows: 15, creates: 1, updates: 0, ready: false });
      expect(preview.errors.map((e) => e.text)).toEqual([
        'Row 3, column "Lead officer": unknown owner "J Smith": there is no owner of that name in this partnership. Did you mean "Jane Smith"? Add them to the partnership first, use the name they have in Line of Sight, or leave the cell empty.',
        expect.stringMatching(/^Row 4, column "Area": unknown checklist area "Finance": there is no checklist area of that name in this partnership\. The partnership's checklist areas are: 1\. Leadership; 2\. Engagement/),
        'Row 5, column "Deadline": "31/02/2026" is not a date: write it as day/month/year (15/12/2026) or leave it empty for no due date.',
        'Row 6, column "Deadline": "next spring" is not a date: write it as day/month/year (15/12/2026) or leave it empty for no due date.',
        'Row 7, column "Ref": "OK-1" is also the reference on row 2: each action needs its own reference.',
        'Row 8, column "Ref": "EX-1" is already in the tracker. Choose to update existing actions to update it from this file, or give this row a new reference.',
        'Row 9, column "Deadline" holds a formula (=TODAY()+30) and the file does not say what it comes to: in Excel, copy the column and paste it back as values.',
        'Row 10, column "Status": "Finished-ish" is not a status the tracker knows: use not started, in progress, proposed complete, complete or withdrawn.',
        'Row 10, column "% complete": "150" is not between 0 and 100%.',
        'Row 11, column "Evidence": "see minutes" is not a link: evidence must be web addresses (https://…), one per line. Put notes in the update column.',
        'Row 12, column "Evidence" is complete but has no evidence: no action is signed off without evidence. Add a link in the evidence column, or import it as proposed complete.',
        'Row 13, column "Lead officer": Old Timer is no longer active in this partnership: choose who owns the action now.',
        'Row 13, column "Lead agency": unknown agency "Demo Police": there is no agency of that name in this partnership. Did you mean "Demo Valley Police"? Add the agency to the partnership first, or use its name as Line of Sight has it.',
        'Row 14, column "Ref" is empty: every action needs a reference.',
        'Row 15, column "Source" is empty: say where the action came from, or choose a source for rows without one.',
        'Row 16, column "Evidence": "https://example.org/audit.pdf" must be on SharePoint (an address ending in .sharepoint.com), not example.org.',
      ]);
      expect(preview.errorCount).toBe(16);
    });

    it('refuses a workbook formula whose value the file does not hold, and takes one whose value it does', async () => {
      const bytes = await xlsxBytes({ T: [['Ref', 'Action', 'Due'], ['F-1', 'Saved value', { formula: 'DATE(2027,1,31)', result: new Date(Date.UTC(2027, 0, 31)) }], ['F-2', 'No saved value', { formula: 'TODAY()+30' }]] });
      const preview = await imports.preview(bm(), { fileName: 'f.xlsx', bytes }, all({ reference: 0, title: 1, dueDate: 2 }, { defaultSource: 'audit' }));
      expect(preview.errors.map((e) => e.text)).toEqual(['Row 3, column "Due" holds a formula (=TODAY()+30) and the file does not say what it comes to: in Excel, copy the column and paste it back as values.']);
    });

    it('says which fields still need a column before checking any row', async () => {
      const preview = await imports.preview(bm(), { fileName: 't.csv', bytes: csvBytes([['Ref', 'Notes'], ['A', 'b']]) }, all({ reference: 0, title: 0 }));
      expect(preview.errors.map((e) => e.text)).toEqual(['Column "Ref" is chosen for both Reference and Action: choose one.']);
      const none = await imports.preview(bm(), { fileName: 't.csv', bytes: csvBytes([['Notes'], ['b']]) }, all({}));
      expect(none.errors.map((e) => e.text)).toEqual(['Choose the column that holds the reference of each action.', 'Choose the column that holds the action of each action.']);
    });
  });

  describe('commit: all rows in one transaction, or none', () => {
    const mapping = { reference: 0, title: 1, source: 2, area: 3, owner: 4, agency: 5, dueDate: 6, status: 7, percentComplete: 8, evidence: 10, update: 11 };

    it('creates each action with its history entry (imported) and one audit entry', async () => {
      const bytes = await xlsxBytes({
        Tracker: [
          HEADERS,
          ['CR-10', 'Publish the briefing', 'CSPR', '5', 'JANE SMITH', '', new Date(Date.UTC(2026, 11, 15)), 'Complete', null, 'Green', { text: 'Briefing', hyperlink: `${SP}/briefing.pdf` }, 'Published on the website'],
          ['CR-11', 'Track use of briefings', 'Case review', 'Learning from local and national reviews and research', 'ravi.patel@demo.example', 'Demo Borough Council', '2027-03-31', 'awaiting sign-off', 0.75, '', `${SP}/a.docx\n${SP}/b.docx`, ''],
          ['S11-10', '=Section 11 themes to the board', 'Section 11', '', '', '', 'March 2027', '', '', '', '', ''],
        ],
      }, [{ column: 9, numFmt: '0%' }]);
      const before = await auditCount('action.import');
      const done = await imports.commit(bm(), { fileName: 'tracker.xlsx', bytes }, all(mapping));
      expect(done).toEqual({ created: 3, updated: 0, unchanged: 0, dataRows: 3 });
      const rows = await new ActionTrackerRepository(h.db).list(p.partnershipId);
      const cr10 = rows.find((r) => r.reference === 'CR-10')!;
      // With an agency column, an empty cell is no agency (not the owner's): an export then imports back the same.
      expect(cr10).toMatchObject({ title: 'Publish the briefing', source: 'case_review', area: { name: 'Learning from local and national reviews and research' }, owner: { id: p.jane }, agency: null, dueDate: '2026-12-15', status: 'complete', percentComplete: 100, lastUpdate: { comment: 'Published on the website' } });
      expect(cr10.evidence.map((e) => [e.url, e.title])).toEqual([[`${SP}/briefing.pdf`, 'briefing.pdf']]);
      expect(cr10.signedOff).toMatchObject({ by: { id: p.people.business_manager } });
      const cr11 = rows.find((r) => r.reference === 'CR-11')!;
      expect(cr11).toMatchObject({ owner: { id: p.ravi }, agency: { id: p.agencies.council }, dueDate: '2027-03-31', status: 'proposed_complete', percentComplete: 75, signedOff: null });
      expect(cr11.evidence).toHaveLength(2);
      // The text of a title that looks like a formula is kept as text; "March 2027" is its last day.
      expect(rows.find((r) => r.reference === 'S11-10')).toMatchObject({ title: '=Section 11 themes to the board', dueDate: '2027-03-31', status: 'not_started', percentComplete: 0, source: 'section_11' });
      const history = await new ActionTrackerRepository(h.db).history(p.partnershipId, cr10.id);
      expect(history).toEqual([expect.objectContaining({ surface: 'tab', comment: 'Published on the website', changes: expect.objectContaining({ imported: { file: 'tracker.xlsx', sheet: 'Tracker', row: 2 }, created: { reference: 'CR-10', status: 'complete', percentComplete: 100 } }) })]);
      expect(await auditCount('action.import')).toBe(before + 1);
    });

    it('writes nothing when any row has an error, and lists every error', async () => {
      const [actions, history, evidence] = [await count('actions'), await count('action_history'), await count('action_evidence')];
      const bytes = csvBytes([HEADERS, ['NEW-1', 'Fine', 'Audit', '', '', '', '', '', '', '', `${SP}/x.pdf`, 'ok'], ['NEW-2', 'Bad owner', 'Audit', '', 'Nobody', '', '', '', '', '', '', '']]);
      const error = await imports.commit(bm(), { fileName: 'bad.csv', bytes }, all(mapping)).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'validation_failed', message: expect.stringMatching(/^1 row has errors: nothing was imported\. Row 3, column "Lead officer": unknown owner "Nobody"/) });
      expect((error as { details: unknown[] }).details).toEqual([{ path: 'rows.3.owner', message: expect.stringMatching(/^Row 3/) }]);
      expect([await count('actions'), await count('action_history'), await count('action_evidence')]).toEqual([actions, history, evidence]);
    });

    it('leaves nothing written when the database fails part-way through (a second batch of 500)', async () => {
      // A trigger that fails one row late in the import: the first 500 actions are already inserted by then.
      await sql.raw(`CREATE FUNCTION fail_import_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.reference = 'BIG-0550' THEN RAISE EXCEPTION 'injected failure at %', NEW.reference; END IF; RETURN NEW; END $$`).execute(h.db);
      await sql.raw(`CREATE TRIGGER fail_import_row BEFORE INSERT ON actions FOR EACH ROW EXECUTE FUNCTION fail_import_row()`).execute(h.db);
      const rows = [['Ref', 'Action', 'Evidence', 'Update'], ...Array.from({ length: 600 }, (_, i) => [`BIG-${String(i).padStart(4, '0')}`, `Action ${i}`, `${SP}/e${i}.pdf`, `Update ${i}`])];
      const before = [await count('actions'), await count('action_history'), await count('action_evidence'), await auditCount('action.import')];
      try {
        await expect(imports.commit(bm(), { fileName: 'big.csv', bytes: csvBytes(rows) }, all({ reference: 0, title: 1, evidence: 2, update: 3 }, { defaultSource: 'audit' }))).rejects.toThrow(/injected failure at BIG-0550/);
        expect([await count('actions'), await count('action_history'), await count('action_evidence'), await auditCount('action.import')]).toEqual(before);
      } finally {
        await sql.raw('DROP TRIGGER fail_import_row ON actions').execute(h.db);
        await sql.raw('DROP FUNCTION fail_import_row()').execute(h.db);
      }
      // The same file goes in whole once the fault is gone.
      const done = await imports.commit(bm(), { fileName: 'big.csv', bytes: csvBytes(rows) }, all({ reference: 0, title: 1, evidence: 2, update: 3 }, { defaultSource: 'audit' }));
      expect(done.created).toBe(600);
      expect(await count('actions')).toBe(before[0]! + 600);
      expect(await count('action_evidence')).toBe(before[2]! + 600);
    });

    it('updates existing actions only when asked, records each change, and leaves matching rows alone', async () => {
      const file = (status: string, owner: string) => csvBytes([HEADERS, ['CR-11', 'Track use of briefings', 'Case review', '5', 'Ravi Patel', 'Demo Borough Council', '31/03/2027', 'proposed complete', '75', '', `${SP}/a.docx`, ''], ['UP-1', 'To be updated', 'Minutes', '', owner, '', '', status, '', '', '', 'Second note']]);
      await imports.commit(bm(), { fileName: 'up.csv', bytes: file('Not started', 'Ravi Patel') }, all(mapping, { updateExisting: true }));
      const refused = await imports.preview(bm(), { fileName: 'up.csv', bytes: file('In progress', 'Jane Smith') }, all(mapping));
      expect(refused.errors.map((e) => e.text)).toEqual([expect.stringMatching(/^Row 2, column "Ref": "CR-11" is already in the tracker/), expect.stringMatching(/^Row 3, column "Ref": "UP-1" is already in the tracker/)]);
      const preview = await imports.preview(bm(), { fileName: 'up.csv', bytes: file('In progress', 'Jane Smith') }, all(mapping, { updateExisting: true }));
      expect(preview).toMatchObject({ creates: 0, updates: 1, unchanged: 1, ready: true, rows: [{ row: 2, kind: 'unchanged' }, { row: 3, kind: 'update', fields: ['ownerId', 'status'] }] });
      expect(await imports.commit(bm(), { fileName: 'up.csv', bytes: file('In progress', 'Jane Smith') }, all(mapping, { updateExisting: true }))).toEqual({ created: 0, updated: 1, unchanged: 1, dataRows: 2 });
      const up = (await new ActionTrackerRepository(h.db).list(p.partnershipId)).find((r) => r.reference === 'UP-1')!;
      expect(up).toMatchObject({ owner: { id: p.jane }, agency: null, status: 'in_progress', version: 2 });
      const [latest] = await new ActionTrackerRepository(h.db).history(p.partnershipId, up.id);
      expect(latest!.changes).toMatchObject({ owner: { from: { id: p.ravi, name: 'Ravi Patel' }, to: { id: p.jane, name: 'Jane Smith' } }, status: { from: 'not_started', to: 'in_progress' } });
    });

    it('keeps the tracker\'s own rules: a signed-off action is closed, and no one signs off their own action', async () => {
      const rows = csvBytes([HEADERS, ['CR-10', 'Publish the briefing, changed', 'Case review', '5', 'Jane Smith', 'Demo Valley Police', '15/12/2026', 'Complete', '100', '', `${SP}/briefing.pdf`, 'Published on the website']]);
      const preview = await imports.preview(bm(), { fileName: 'closed.csv', bytes: rows }, all(mapping, { updateExisting: true }));
      expect(preview.errors.map((e) => e.text)).toEqual(['Row 2, column "Ref": "CR-10" is signed off (complete) in the tracker and can no longer be changed: make this row match it, or remove the row.']);
      const own = csvBytes([HEADERS, ['OWN-1', 'Mine', 'Audit', '', 'business_manager person', '', '', 'Complete', '', '', `${SP}/x.pdf`, '']]);
      expect((await imports.preview(bm(), { fileName: 'own.csv', bytes: own }, all(mapping))).errors[0]!.text).toMatch(/you own OWN-1: someone else/);
      await expect(imports.read(p.actors.partner_member, { fileName: 'own.csv', bytes: own })).rejects.toMatchObject({ kind: 'forbidden' });
    });
  });

  describe('export, and an export imports back to the same data', () => {
    const strip = (r: TrackerRow) => ({
      reference: r.reference,
      title: r.title,
      description: r.description,
      source: r.source,
      sourceRef: r.sourceRef,
      area: r.area?.name ?? null,
      owner: r.owner?.name ?? null,
      agency: r.agency?.name ?? null,
      forum: r.forum?.name ?? null,
      dueDate: r.dueDate,
      status: r.status,
      percentComplete: r.percentComplete,
      lastUpdate: r.lastUpdate?.comment ?? null,
      evidence: r.evidence.map((e) => e.url),
    });
    const table = async (bytes: Uint8Array, name: string) => (await readWorkbook(bytes, name, { ...IMPORT_LIMITS })).sheet.rows.map((r) => r.map((c) => cellText(c)));

    it('exports what the filters select, with safe cells and a safe file name', async () => {
      const csv = await exports.export(bm(), { format: 'csv', source: 'case_review' });
      expect(csv.fileName).toMatch(/^test-partnership-[0-9a-f]{8}-actions-2026-11-20\.csv$/);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
      expect(text.startsWith('\uFEFFReference,Action,Source,Checklist area,Owner,Agency,Due date,Status,RAG,% complete,Last update,Evidence,Description,Source reference,Forum\r\n')).toBe(true);
      expect(text).toContain('CR-10,Publish the briefing,Case review,');
      expect(text).toMatch(/CR-11,Track use of briefings,Case review,Learning from local and national reviews and research,Ravi Patel,Demo Borough Council,31\/03\/2027,Proposed complete,Amber,75,/);
      expect(csv.count).toBe(2);
      const injected = await exports.export(bm(), { format: 'csv', q: 'section 11 themes' });
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(injected.bytes)).toContain("S11-10,'=Section 11 themes to the board,Section 11,");
      const xlsx = await exports.export(bm(), { format: 'xlsx', q: 'section 11 themes' });
      const cells = await table(xlsx.bytes, xlsx.fileName);
      expect(cells[1]!.slice(0, 3)).toEqual(['S11-10', '=Section 11 themes to the board', 'Section 11']);
      expect(await h.db.selectFrom('audit_log').select('detail').where('action', '=', 'action.export').where('partnership_id', '=', p.partnershipId).orderBy('id', 'desc').executeTakeFirstOrThrow()).toMatchObject({ detail: { format: 'xlsx', filters: { q: 'section 11 themes' }, count: 1 } });
    });

    it('shows a partner only the actions they may see', async () => {
      const mine = await exports.export({ ...p.actors.subgroup_chair, personId: p.jane }, { format: 'csv' });
      const refs = (await table(mine.bytes, 'x.csv')).slice(1).map((r) => r[0]);
      // Jane's own actions, and her agency's (police).
      expect(refs.sort()).toEqual(['CR-10', 'UP-1']);
    });

    it.each(['xlsx', 'csv'] as const)('round trip through %s: exported, imported into a twin partnership, exported again: the same', async (format) => {
      const original = (await new ActionTrackerRepository(h.db).list(p.partnershipId)).filter((r) => !r.reference.startsWith('BIG-'));
      const file = await exports.export(bm(), { format });
      const twin = await makeImportPartnership(h.db);
      const twinImports = new ActionImportService(h.db, now);
      const read = await twinImports.read(twin.actors.business_manager, { fileName: file.fileName, bytes: file.bytes });
      expect(read.columns.find((c) => c.header === 'RAG')?.ignored).toBeTruthy();
      const done = await twinImports.commit(twin.actors.business_manager, { fileName: file.fileName, bytes: file.bytes }, all(read.suggestedMapping));
      expect(done.created).toBe(original.length + 600);
      const copied = (await new ActionTrackerRepository(h.db).list(twin.partnershipId)).filter((r) => !r.reference.startsWith('BIG-'));
      expect(copied.map(strip)).toEqual(original.map(strip));
      const again = await exports.export(twin.actors.business_manager, { format });
      expect(await table(again.bytes, again.fileName)).toEqual(await table(file.bytes, file.fileName));
      // And into the partnership it came from: nothing to change.
      const back = await imports.preview(bm(), { fileName: file.fileName, bytes: file.bytes }, all(read.suggestedMapping, { updateExisting: true }));
      expect(back).toMatchObject({ ready: true, creates: 0, updates: 0, unchanged: original.length + 600 });
    });
  });
});
