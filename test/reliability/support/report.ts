/** What each part of the reliability suite reports: a markdown section, its figures, and the goals it missed. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/paths.js';

export const RESULTS_DIR = path.join(PROJECT_ROOT, 'test-results', 'reliability');

export interface PartResult {
  part: string;
  title: string;
  /** Correctness goals missed (timings are never goals here). Empty: the part passed. */
  failures: string[];
  /** One line per database or check, for the summary. */
  summary: string[];
  markdown: string;
  seconds: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function table(header: string[], rows: (string | number)[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export const ms = (x: number) => (Number.isNaN(x) ? '—' : `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`);
export const mb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${Math.round(bytes / 1024 / 1024)} MB`);
export const count = (n: number) => n.toLocaleString('en-GB');

/** Prints the part's section and writes it for scripts/reliability.mjs; the exit code says whether it passed. */
export function finish(result: Omit<PartResult, 'seconds'>, started: number): never {
  const full: PartResult = { ...result, seconds: (performance.now() - started) / 1000 };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `${result.part}.json`), JSON.stringify(full, null, 2));
  process.stdout.write(`\n## ${result.title}\n\n${result.markdown}\n\n`);
  for (const f of result.failures) process.stdout.write(`GOAL MISSED: ${f}\n`);
  process.stdout.write(`(${full.seconds.toFixed(1)} s)\n`);
  process.exit(result.failures.length === 0 ? 0 : 1);
}

/** Runs a part's body; an exception is reported as a failure of the part, not lost in a stack trace. */
export async function runPart(part: string, title: string, body: () => Promise<Omit<PartResult, 'seconds' | 'part' | 'title'>>): Promise<never> {
  const started = performance.now();
  try {
    return finish({ part, title, ...(await body()) }, started);
  } catch (error) {
    const message = (error as Error)?.stack ?? String(error);
    return finish({ part, title, failures: [`the part did not complete: ${message.split('\n')[0]}`], summary: [], markdown: `The part stopped with an error:\n\n\`\`\`\n${message}\n\`\`\`` }, started);
  }
}
