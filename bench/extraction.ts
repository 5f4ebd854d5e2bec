// Text extraction throughput (src/documents/extraction), in pages per second, for PDF (pdf.js) and Word
// (mammoth) separately, on a corpus of realistic synthetic papers from the demo generator. Baselines in the
// same run, over the same files and page counts: opening each file without reading its text (pdf.js getDocument
// + numPages; for Word, unzipping word/document.xml), i.e. the cost of getting at the document at all.
// Memory: under `node --import tsx` pdf.js is loaded through tsx's hooks, which inflates resident memory (see
// src/documents/extraction/pdf-text.ts); the server's own registration (scripts/start.mjs) avoids most of that.
// Run: node --import tsx bench/extraction.ts   (BENCH_MEETINGS=40 by default; BENCH_ROUNDS=2, best round kept)
import { demoDocumentsForMeeting, type DemoForumKind, type DemoMeetingRef } from '../src/demo/documents/demo-document-content.js';
import { renderDemoDocument } from '../src/demo/documents/render-demo-document.js';
import { extractPages } from '../src/documents/extraction/index.js';
import { listZipEntries, readZipEntry } from '../src/documents/extraction/zip-entries.js';

const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface File { name: string; bytes: Uint8Array; mime: string }

const FORUMS: { forumKey: string; forumName: string; forumKind: DemoForumKind }[] = [
  { forumKey: 'executive', forumName: 'Executive', forumKind: 'executive' },
  { forumKey: 'partnership-board', forumName: 'Partnership Board', forumKind: 'partnership_board' },
  { forumKey: 'qa-subgroup', forumName: 'Quality Assurance Subgroup', forumKind: 'subgroup' },
  { forumKey: 'case-review', forumName: 'Case Review Subgroup', forumKind: 'subgroup' },
  { forumKey: 'learning-development', forumName: 'Learning and Development Subgroup', forumKind: 'subgroup' },
  { forumKey: 'exploitation', forumName: 'Exploitation Subgroup', forumKind: 'subgroup' },
  { forumKey: 'neglect-tf', forumName: 'Neglect Strategy Task and Finish Group', forumKind: 'task_and_finish' },
];

async function corpus(): Promise<{ pdf: File[]; word: File[] }> {
  const meetings: DemoMeetingRef[] = Array.from({ length: MEETINGS }, (_, i) => {
    const forum = FORUMS[i % FORUMS.length] ?? FORUMS[0]!;
    const date = new Date(Date.UTC(2024, 0, 8 + i * 9)).toISOString().slice(0, 10);
    return { ...forum, date, title: `${forum.forumName} - ${date}` };
  });
  const pdf: File[] = [];
  const word: File[] = [];
  for (const doc of meetings.flatMap(demoDocumentsForMeeting)) {
    const bytes = await renderDemoDocument(doc);
    (doc.format === 'pdf' ? pdf : word).push({ name: doc.fileName, bytes, mime: doc.format === 'pdf' ? PDF : DOCX });
  }
  return { pdf, word };
}

/** Best of ROUNDS: the machines are shared and noisy, and the fastest round is the least disturbed. */
async function time(files: File[], work: (f: File) => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    for (const f of files) await work(f);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

async function pageCount(files: File[]): Promise<number> {
  let pages = 0;
  for (const f of files) {
    const r = await extractPages(f.bytes, f.mime, f.name);
    if (r.status !== 'extracted') throw new Error(`${f.name}: ${r.reason}`);
    pages += r.pages.length;
  }
  return pages;
}

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
async function openPdf(f: File): Promise<number> {
  const task = pdfjs.getDocument({ data: new Uint8Array(f.bytes), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 });
  try {
    return (await task.promise).numPages;
  } finally {
    await task.destroy();
  }
}
async function unzipWord(f: File): Promise<number> {
  const main = listZipEntries(f.bytes)?.find((e) => e.name === 'word/document.xml');
  return (main && readZipEntry(f.bytes, main)?.length) ?? 0;
}
const rssMb = (): number => process.memoryUsage().rss / 1048576;

const started = performance.now();
const { pdf, word } = await corpus();
const generated = (performance.now() - started) / 1000;
const rssBefore = rssMb();
// Warm-up: loads pdf.js, mammoth and their JIT paths, which a long-running server pays for once.
await pageCount([...pdf.slice(0, 3), ...word.slice(0, 3)]);

const rows: string[][] = [];
for (const [label, files, open] of [['PDF (pdf.js)', pdf, openPdf], ['Word (mammoth)', word, unzipWord]] as const) {
  const pages = await pageCount(files);
  const mb = files.reduce((n, f) => n + f.bytes.length, 0) / 1e6;
  const extract = await time(files, (f) => extractPages(f.bytes, f.mime, f.name));
  const opened = await time(files, open);
  const row = (step: string, s: number): string[] =>
    [label, step, String(files.length), String(pages), mb.toFixed(1), s.toFixed(3), (pages / s).toFixed(0), (files.length / s).toFixed(0), `${(s / opened).toFixed(1)}×`];
  rows.push(row('extract text', extract), row(label.startsWith('PDF') ? 'baseline: getDocument + numPages' : 'baseline: unzip document.xml', opened));
}

const header = ['format', 'step', 'files', 'pages', 'MB', 'seconds', 'pages/s', 'files/s', 'time vs baseline'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(`Corpus: ${MEETINGS} meetings' demo documents, generated in ${generated.toFixed(1)} s. Best of ${ROUNDS} rounds, one file at a time.`);
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
const { maxRSS } = process.resourceUsage();
console.log(`Resident memory: ${rssBefore.toFixed(0)} MB with the corpus generated, ${rssMb().toFixed(0)} MB at the end, peak ${(maxRSS / 1024).toFixed(0)} MB. Total ${((performance.now() - started) / 1000).toFixed(1)} s.`);
