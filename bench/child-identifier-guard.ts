/**
 * The child-identifier guard (src/guard) on its labelled set (test/fixtures/child-identifiers/labelled.json).
 * Run: node --import tsx bench/child-identifier-guard.ts   Options (environment): BENCH_REPS (200 passes over the set).
 *
 * Prints precision and recall per kind and overall (and per batch: 'holdout' was written after the detectors'
 * last change), then throughput in sentences per second, median of BENCH_REPS passes. Baseline in the same run:
 * one simple regex pass per sentence (ten digits, a postcode-like shape, a dd/mm/yyyy date, CP/yyyy/n), its matches
 * read as those kinds, scored the same way. No assertion: figures go into BENCHMARKS.md.
 */
import { performance } from 'node:perf_hooks';
import { createChildIdentifierGuard, FLAG_KINDS, type Flag, type FlagKind } from '../src/guard/index.js';
import { loadLabelledSet, scoreLabelledSet, type LabelledSet } from '../test/fixtures/child-identifiers/score.js';

const REPS = Number(process.env.BENCH_REPS ?? 200);
const set = loadLabelledSet();
const guard = createChildIdentifierGuard({ caseReferencePatterns: set.caseReferencePatterns });

// The naive guard a first attempt would write: one pass, no check digit, no context.
const SIMPLE = /\b\d{10}\b|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b[A-Z]{2,4}\/\d{2,4}\/\d{3,6}\b/gi;
function simpleGuard(text: string): Flag[] {
  return [...text.matchAll(SIMPLE)].map((m) => {
    const kind: FlagKind = /^\d{10}$/.test(m[0]) ? 'nhs_number' : /^\d/.test(m[0]) ? 'date_of_birth' : /\//.test(m[0]) ? 'case_reference' : 'postcode';
    return { kind, start: m.index, end: m.index + m[0].length, text: m[0], reason: '' };
  });
}

function medianMs(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < REPS; i += 1) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const texts = set.sentences.map((s) => s.text);
let sink = 0;
for (let i = 0; i < 20; i += 1) for (const t of texts) sink += guard(t).length + simpleGuard(t).length; // warm up
const guardMs = medianMs(() => {
  for (const t of texts) sink += guard(t).length;
});
const simpleMs = medianMs(() => {
  for (const t of texts) sink += simpleGuard(t).length;
});

const ours = scoreLabelledSet(set, guard);
const naive = scoreLabelledSet(set, simpleGuard);
const batch = (name: string): LabelledSet => ({ ...set, sentences: set.sentences.filter((s) => (s as { batch?: string }).batch === name) });
const f3 = (x: number) => x.toFixed(3);
const row = (cells: (string | number)[]) => console.log(`| ${cells.join(' | ')} |`);
const expected = (k: FlagKind) => ours.byKind[k].truePositives + ours.byKind[k].falseNegatives;

console.log(`Child-identifier guard on ${set.sentences.length} labelled sentences (${FLAG_KINDS.map(expected).reduce((a, b) => a + b)} expected flags).`);
console.log('');
row(['kind', 'expected flags', 'precision', 'recall', 'baseline precision', 'baseline recall']);
row(['---', '---', '---', '---', '---', '---']);
for (const k of FLAG_KINDS) {
  row([k, expected(k), f3(ours.byKind[k].precision), f3(ours.byKind[k].recall), f3(naive.byKind[k].precision), f3(naive.byKind[k].recall)]);
}
row(['**overall**', FLAG_KINDS.map(expected).reduce((a, b) => a + b), f3(ours.overall.precision), f3(ours.overall.recall), f3(naive.overall.precision), f3(naive.overall.recall)]);
console.log('');
for (const name of ['core', 'probe', 'holdout']) {
  const b = batch(name);
  const s = scoreLabelledSet(b, guard).overall;
  console.log(`batch ${name}: ${b.sentences.length} sentences, precision ${f3(s.precision)}, recall ${f3(s.recall)} ` +
    `(${s.truePositives} right, ${s.falsePositives} wrong, ${s.falseNegatives} missed)`);
}
console.log('');
const perSecond = (ms: number) => Math.round((texts.length / ms) * 1000).toLocaleString('en-GB');
console.log(`Throughput (median of ${REPS} passes over the set): guard ${perSecond(guardMs)} sentences/s ` +
  `(${guardMs.toFixed(2)} ms a pass); baseline single regex ${perSecond(simpleMs)} sentences/s (${simpleMs.toFixed(2)} ms); ` +
  `the guard takes ${(guardMs / simpleMs).toFixed(1)}× the baseline's time.`);
if (ours.mistakes.length > 0) {
  console.log('');
  console.log('Mistakes:');
  for (const m of ours.mistakes) console.log(`- ${JSON.stringify(m.text)} missed ${JSON.stringify(m.missed)} unexpected ${JSON.stringify(m.unexpected)}`);
}
if (sink < 0) console.log(sink);
