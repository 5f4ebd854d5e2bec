/**
 * Importing a 5,000-row tracker workbook: the time of each step (read, preview, commit), against exceljs
 * just opening the same workbook in the same run. A CSV of the same rows is measured too.
 * Run: node --import tsx bench/action-import.ts   (PGlite; also PostgreSQL when TEST_DATABASE_URL is set)
 * Options (environment): BENCH_ROWS (5000), BENCH_REPS (3; the best of them is reported), BENCH_SKIP_PGLITE=1.
 *
 * read = parse the file, find the header row, suggest a mapping; preview = parse again and check every row
 * against the partnership (people, agencies, areas, existing references); commit = parse, check again inside
 * the transaction, write 5,000 actions with their evidence and history, and the audit entry. Each commit goes
 * into a new partnership, so every rep creates all rows. No assertion: the figures go into BENCHMARKS.md.
 */
import ExcelJS from 'exceljs';
import { ActionImportService, type ImportChoices } from '../src/services/action-import-service.js';
import { toCsv } from '../src/tabular/csv.js';
import { makeImportPartnership, xlsxBytes, type SheetValue } from '../test/support/action-import-fixtures.js';
import { testDatabases } from '../test/support/databases.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
const REPS = Number(process.env.BENCH_REPS ?? 3);

const HEADERS = ['Ref', 'Recommendation', 'Source', 'Area', 'Lead officer', 'Lead agency', 'Deadline', 'Status', '% complete', 'RAG', 'Evidence', 'Progress update'];
const SOURCES = ['Scrutiny', 'Challenge', 'Minutes', 'CSPR', 'Audit', 'Section 11'];
const STATUSES = ['Not started', 'In progress', 'In progress', 'Proposed complete', 'Withdrawn'];
const OWNERS: [string, string][] = [['Jane Smith', 'Demo Valley Police'], ['Ravi Patel', 'Demo Borough Council'], ['scrutineer person', ''], ['subgroup_chair person', '']];
const VERBS = ['Review', 'Audit', 'Publish', 'Agree', 'Report on', 'Evaluate', 'Embed', 'Refresh'];
const TOPICS = ['the neglect toolkit', 'strategy discussion attendance', 'return home interviews', 'the escalation policy', 'multi-agency training uptake', 'the MASH threshold guidance', 'Section 11 themes', 'the voice of the child in plans'];

/** Synthetic rows, as a business unit's tracker has them: a date typed as a date, a percentage formatted as one. */
function rows(): SheetValue[][] {
  const out: SheetValue[][] = [['Composite action plan (synthetic)'], [], HEADERS];
  for (let i = 0; i < ROWS; i++) {
    const [owner, agency] = OWNERS[i % OWNERS.length]!;
    const withEvidence = i % 3 === 0;
    out.push([
      `SYN-${String(i + 1).padStart(5, '0')}`,
      `${VERBS[i % VERBS.length]} ${TOPICS[(i * 7) % TOPICS.length]} (${i + 1}), and report the impact to the Partnership Board.`,
      SOURCES[i % SOURCES.length]!,
      String((i % 6) + 1),
      owner,
      agency,
      new Date(Date.UTC(2026, i % 12, (i % 28) + 1)),
      STATUSES[i % STATUSES.length]!,
      (i % 11) / 10,
      ['Red', 'Amber', 'Green'][i % 3]!,
      withEvidence ? `https://demo.sharepoint.com/sites/scp/Shared%20Documents/evidence-${i + 1}.pdf` : '',
      i % 2 === 0 ? `Update ${i + 1}: progress reported at the subgroup; next step agreed with the lead officer.` : '',
    ]);
  }
  return out;
}

const best = (xs: number[]) => Math.min(...xs);
async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await f();
  return [performance.now() - t0, r];
}

const data = rows();
const workbook = await xlsxBytes({ Tracker: data }, [{ column: 9, numFmt: '0%' }]);
const csv = new TextEncoder().encode(toCsv(data.map((r) => r.map((v) => (v instanceof Date ? `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}` : typeof v === 'number' ? `${Math.round(v * 100)}%` : String(v ?? ''))))));
const files = { xlsx: { fileName: 'tracker.xlsx', bytes: workbook }, csv: { fileName: 'tracker.csv', bytes: csv } };

// The baseline: exceljs opening the workbook, nothing more; measured just before each read, as warm as it.
const openWorkbook = () => new ExcelJS.Workbook().xlsx.load(Buffer.from(workbook) as never);
const baselineTimes: number[] = [];

type Figures = Record<'xlsx' | 'csv', { read: number; preview: number; commit: number; created: number }>;
const results: { kind: string; figures: Figures }[] = [];

for (const database of testDatabases()) {
  if (database.kind === 'pglite' && process.env.BENCH_SKIP_PGLITE === '1') continue;
  const handle = await database.create();
  try {
    const service = new ActionImportService(handle.db);
    const figures = {} as Figures;
    for (const format of ['xlsx', 'csv'] as const) {
      const file = files[format];
      const read: number[] = [];
      const preview: number[] = [];
      const commit: number[] = [];
      let created = 0;
      for (let rep = 0; rep < REPS; rep++) {
        const p = await makeImportPartnership(handle.db);
        const actor = p.actors.business_manager;
        if (format === 'xlsx') baselineTimes.push((await time(openWorkbook))[0]);
        const [tr, r] = await time(() => service.read(actor, file));
        const choices: ImportChoices = { mapping: r.suggestedMapping, updateExisting: false };
        const [tp, pv] = await time(() => service.preview(actor, file, choices));
        if (!pv.ready) throw new Error(`The synthetic file has errors: ${pv.errors.slice(0, 3).map((e) => e.text).join(' ')}`);
        const [tc, c] = await time(() => service.commit(actor, file, choices));
        read.push(tr);
        preview.push(tp);
        commit.push(tc);
        created = c.created;
      }
      figures[format] = { read: best(read), preview: best(preview), commit: best(commit), created };
    }
    results.push({ kind: database.kind === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL', figures });
  } finally {
    await handle.dispose();
  }
}

const baseline = best(baselineTimes);
const s = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const x = (ms: number) => `${(ms / baseline).toFixed(1)}×`;
console.log(`\n${ROWS.toLocaleString('en-GB')} rows; workbook ${(workbook.byteLength / 1024).toFixed(0)} KB, CSV ${(csv.byteLength / 1024).toFixed(0)} KB; best of ${REPS}.`);
console.log('');
console.log(`| step | ${results.map((r) => `${r.kind} xlsx | ${r.kind} CSV`).join(' | ')} |`);
console.log(`| --- | ${results.map(() => '--- | ---').join(' | ')} |`);
for (const step of ['read', 'preview', 'commit'] as const) {
  console.log(`| ${step} | ${results.map((r) => `${s(r.figures.xlsx[step])} (${x(r.figures.xlsx[step])}) | ${s(r.figures.csv[step])} (${x(r.figures.csv[step])})`).join(' | ')} |`);
}
console.log(`| all three | ${results.map((r) => `${s(r.figures.xlsx.read + r.figures.xlsx.preview + r.figures.xlsx.commit)} | ${s(r.figures.csv.read + r.figures.csv.preview + r.figures.csv.commit)}`).join(' | ')} |`);
console.log(`| baseline: exceljs opens the workbook | ${results.map(() => `${s(baseline)} (1×) | —`).join(' | ')} |`);
console.log('');
console.log(`Actions created per commit: ${results.map((r) => `${r.kind} ${r.figures.xlsx.created} (xlsx), ${r.figures.csv.created} (CSV)`).join('; ')}.`);
