/**
 * Re-anchoring annotations when a new version of a paper syncs.
 * Run: node --import tsx bench/reanchoring.ts   Options (environment): BENCH_PAGES (100), BENCH_ANCHORS (500),
 * BENCH_REPS (15), BENCH_DEBUG=1 (list what became of each edited or deleted passage).
 *
 * A 100-page paper (~3,000 characters a page, wrapped at 90 characters with some line-end hyphenation, as
 * a PDF's text layer reads) and 500 annotations spread across it. The new version has a long paragraph inserted
 * on page 3 (everything after it moves, most of it onto another page), 20 annotated passages edited (a word
 * changed) and 8 deleted. Timed: reanchorAll (one index for all anchors), median of BENCH_REPS runs. Baseline
 * in the same run: a naive String.indexOf of each quote in the joined text of the new version (no
 * normalisation, no context, first occurrence wins). Also: reanchor() one anchor at a time, which rebuilds
 * the index every time (50 anchors, scaled). No assertion: figures go into BENCHMARKS.md.
 */
import { performance } from 'node:perf_hooks';
import { indexPages, makeAnchor, reanchor, reanchorAll, type AnchorResult, type TextAnchor } from '../src/annotations/anchoring.js';
import { normaliseForMatching } from '../src/annotations/text-match.js';

const PAGES = Number(process.env.BENCH_PAGES ?? 100);
const ANCHORS = Number(process.env.BENCH_ANCHORS ?? 500);
const REPS = Number(process.env.BENCH_REPS ?? 15);
const EDITED = 20;
const DELETED = 8;

// ---- synthetic paper -------------------------------------------------------------------------------------------

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  return { next, int, pick };
}

const SUBJECTS = [
  'The partnership', 'The executive', 'The quality assurance subgroup', 'The independent scrutineer', 'Children\'s social care',
  'The police', 'The integrated care board', 'Schools', 'The MASH', 'Early help services', 'The designated nurse',
  'The local authority designated officer', 'Health visiting', 'The learning and improvement subgroup', 'Practitioners',
];
const VERBS = [
  'agreed to review', 'noted', 'found', 'reported', 'committed to improve', 'asked for assurance on', 'challenged',
  'completed a multi-agency audit of', 'raised concerns about', 'will present an update on', 'has not yet evidenced',
  'received a report on', 'welcomed progress on', 'escalated', 'identified learning about',
];
const OBJECTS = [
  'the quality of strategy discussions', 'timeliness of initial health assessments', 'the neglect toolkit',
  'information sharing at the front door', 'repeat referrals for domestic abuse', 'the voice of the child in plans',
  'supervision of frontline practitioners', 'thresholds for early help', 'return home interviews',
  'the exploitation screening tool', 'attendance of agencies at child protection conferences',
  'chronologies in case records', 'the graded care profile', 'safer recruitment in schools',
  'multi-agency training evaluation', 'bruising in non-mobile babies', 'the rapid review of a serious incident',
  'section 11 self-assessments', 'waiting times for CAMHS', 'pre-birth assessments', 'contextual safeguarding',
];
const TAILS = [
  'in the last quarter', 'against the agreed action plan', 'with partners across the county', 'by the end of March',
  'for children with a disability', 'in line with Working Together 2023', 'following the thematic review',
  'as recommended by the national panel', 'with evidence from the dip sample', 'for children missing education',
  'and reported variable practice', 'although progress has been slower than planned', 'in twelve of the forty cases sampled',
];

function sentence(r: ReturnType<typeof rng>): string {
  const parts = [r.pick(SUBJECTS), r.pick(VERBS), r.pick(OBJECTS)];
  if (r.next() < 0.7) parts.push(r.pick(TAILS));
  if (r.next() < 0.3) parts.push(`(${r.int(2, 98)} per cent, ${r.int(3, 250)} children)`);
  return `${parts.join(' ')}.`;
}

function paragraph(r: ReturnType<typeof rng>): string {
  return Array.from({ length: r.int(2, 6) }, () => sentence(r)).join(' ');
}

/** Wraps at 90 characters, hyphenating some long words at the line end, and fills pages of ~3,000 characters. */
function paginate(paras: readonly string[], pageChars = 3000, lineChars = 90): string[] {
  const lines: string[] = [];
  for (const para of paras) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > lineChars) {
        const room = lineChars - line.length - 2;
        if (/^[a-z]{9,}$/.test(word) && room >= 4) {
          lines.push(`${line} ${word.slice(0, room)}-`);
          line = word.slice(room);
        } else {
          lines.push(line);
          line = word;
        }
      } else line = line === '' ? word : `${line} ${word}`;
    }
    if (line !== '') lines.push(line);
  }
  const pages: string[] = [];
  let page: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length > pageChars && page.length > 0) {
      pages.push(page.join('\n'));
      page = [];
      size = 0;
    }
    page.push(line);
    size += line.length + 1;
  }
  if (page.length > 0) pages.push(page.join('\n'));
  return pages;
}

/** The paragraph-level text of a quote taken from the wrapped pages. */
const unwrap = (quote: string): string => quote.replace(/([a-z])-\n([a-z])/g, '$1$2').replace(/\n/g, ' ');

// ---- the two versions ------------------------------------------------------------------------------------------

const r = rng(20261122);
const paras: string[] = [];
while (paginate(paras).length < PAGES) paras.push(paragraph(r));
const before = paginate(paras).slice(0, PAGES);
const words = (page: string) => [...page.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

// 500 selections of 3 to 30 whole words, spread evenly across the pages.
const anchors: TextAnchor[] = [];
for (let i = 0; i < ANCHORS; i += 1) {
  const pageNumber = Math.floor((i * before.length) / ANCHORS) + 1;
  const ws = words(before[pageNumber - 1]!);
  const first = r.int(0, ws.length - 4);
  const last = Math.min(ws.length - 1, first + r.int(2, 29));
  anchors.push(makeAnchor(before, pageNumber, ws[first]!.start, ws[last]!.end));
}

// Edit or delete some annotated passages (ones whose text is in the paper once), then insert on page 3.
const changed = new Map<number, 'edited' | 'deleted'>();
let newParas = [...paras];
for (let step = 0; step < ANCHORS && changed.size < EDITED + DELETED; step += 1) {
  const i = (step * 37 + 11) % ANCHORS; // spread over the paper
  const text = unwrap(anchors[i]!.quote);
  const all = newParas.join(' ');
  if (text.length < 60 || all.indexOf(text) !== all.lastIndexOf(text) || !newParas.some((p) => p.includes(text))) continue;
  const kind = changed.size < EDITED ? 'edited' : 'deleted';
  let replacement = '';
  if (kind === 'edited') {
    const ws = text.split(' ');
    const k = Math.floor(ws.length / 2);
    ws[k] = ws[k] === 'reviewed' ? 'revisited' : 'reviewed';
    replacement = ws.join(' ');
  }
  newParas = newParas.map((p) => p.replace(text, replacement));
  changed.set(i, kind);
}
const insertAt = newParas.findIndex((_, i) => paginate(newParas.slice(0, i + 1)).length === 3);
const after = paginate([...newParas.slice(0, insertAt), paragraph(r) + ' ' + paragraph(r) + ' ' + paragraph(r), ...newParas.slice(insertAt)]);

// ---- timing ------------------------------------------------------------------------------------------------------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(reps: number, run: () => T): { ms: number; result: T } {
  let result = run(); // warm-up (the JIT)
  result = run();
  const times: number[] = [];
  for (let k = 0; k < reps; k += 1) {
    const t0 = performance.now();
    result = run();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

const ours = time(REPS, () => reanchorAll(anchors, after));
const indexOnly = time(REPS, () => indexPages(after));
const naive = time(REPS, () => {
  const joined = after.join('\n');
  return anchors.map((a) => joined.indexOf(a.quote));
});
const SINGLE = 50;
const single = time(Math.min(REPS, 3), () => anchors.slice(0, SINGLE).map((a) => reanchor(a, after)));

// ---- checking the answers ----------------------------------------------------------------------------------------

const afterText = newParas.join(' ');
const view = (s: string) => normaliseForMatching(s).text.trim();
function tally(results: AnchorResult[]) {
  const t = { exact: 0, fuzzy: 0, orphaned: 0, unchangedRight: 0, unchanged: 0, editedFuzzy: 0, deletedOrphaned: 0 };
  results.forEach((res, i) => {
    if (res.status === 'orphaned') t.orphaned += 1;
    else if (res.exact) t.exact += 1;
    else t.fuzzy += 1;
    const kind = changed.get(i);
    if (kind === undefined) {
      if (!afterText.includes(unwrap(anchors[i]!.quote))) return; // overlaps an edited or deleted passage
      t.unchanged += 1;
      if (res.status === 'anchored' && res.exact && view(res.quote) === view(anchors[i]!.quote)) t.unchangedRight += 1;
    } else if (kind === 'edited' && res.status === 'anchored' && !res.exact) t.editedFuzzy += 1;
    else if (kind === 'deleted' && res.status === 'orphaned') t.deletedOrphaned += 1;
  });
  return t;
}
const t = tally(ours.result);
const naiveFound = naive.result.filter((at) => at >= 0).length;
const moved = anchors.filter((a, i) => {
  const res = ours.result[i]!;
  return res.status === 'anchored' && res.pageNumber !== a.pageNumber;
}).length;

const chars = after.reduce((n, p) => n + p.length, 0);
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
console.log(`Re-anchoring ${ANCHORS} annotations: ${before.length} pages -> ${after.length} pages (${chars.toLocaleString('en-GB')} characters), ` +
  `text inserted on page 3, ${EDITED} passages edited, ${DELETED} deleted. Median of ${REPS}.`);
console.log('');
console.log(row(['method', 'time', 'per anchor', 'exact', 'fuzzy', 'orphaned / not found', 'vs baseline']));
console.log(row(['---', '---', '---', '---', '---', '---', '---']));
const perAnchor = (total: number, count: number) => `${((total * 1000) / count).toFixed(0)} µs`;
const singleAll = (single.ms * ANCHORS) / SINGLE;
console.log(row(['reanchorAll (index once)', `${ms(ours.ms)} ms`, perAnchor(ours.ms, ANCHORS), String(t.exact), String(t.fuzzy), String(t.orphaned), `${(ours.ms / naive.ms).toFixed(1)}×`]));
console.log(row(['  of which: indexing the new version', `${ms(indexOnly.ms)} ms`, '', '', '', '', '']));
console.log(row([`reanchor one at a time (${SINGLE}, index rebuilt each time)`, `${ms(singleAll)} ms (scaled)`, perAnchor(single.ms, SINGLE), '', '', '', `${(singleAll / naive.ms).toFixed(0)}×`]));
console.log(row(['baseline: indexOf of each quote in the joined text', `${ms(naive.ms)} ms`, perAnchor(naive.ms, ANCHORS), String(naiveFound), '—', String(ANCHORS - naiveFound), '1×']));
console.log('');
console.log(`Unchanged passages (text still in the new version) re-attached exactly to their own text: ${t.unchangedRight}/${t.unchanged}; ` +
  `on a different page from before: ${moved}. Edited passages re-attached fuzzily: ${t.editedFuzzy}/${EDITED}. ` +
  `Deleted passages orphaned: ${t.deletedOrphaned}/${DELETED}.`);
if (process.env.BENCH_DEBUG) {
  for (const [i, kind] of changed) {
    const res = ours.result[i]!;
    const outcome = res.status === 'anchored' ? `${res.exact ? 'exact' : 'fuzzy'} ${res.confidence.toFixed(3)} ${JSON.stringify(res.quote).slice(0, 90)}` : res.reason;
    console.log(kind, i, JSON.stringify(anchors[i]!.quote).slice(0, 90), '=>', outcome);
  }
}
