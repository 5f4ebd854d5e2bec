/**
 * Text-matching building blocks for re-anchoring annotations (see anchoring.ts): a matching view of text that
 * forgets layout, a q-gram index over it, and small edit-distance searches. Pure; no I/O.
 *
 * The matching view is case-sensitive, but:
 *  - every run of whitespace (line breaks, tabs, no-break and other Unicode spaces) is one ordinary space;
 *  - a hyphen between two letters is dropped, and so is a line break right after one, so PDF line-end
 *    hyphenation "safe-\nguarding", "safeguarding" and "safe-guarding" all read "safeguarding";
 *    between digits ("2025-\n26") the hyphen stays and only the line break goes;
 *  - soft hyphens and zero-width characters are dropped; typographic quotes become straight ones; the
 *    ligatures PDF fonts produce (ﬁ, ﬂ...) are spelt out.
 * Every character of the view remembers where it came from (`source`), so a match maps back to real offsets.
 */

export interface MatchText {
  /** The matching view. */
  text: string;
  /** source[i] is the index in the raw text of the character that view character i came from (non-decreasing). */
  source: Int32Array;
}

const LIGATURES = new Map<number, string>([
  [0xfb00, 'ff'],
  [0xfb01, 'fi'],
  [0xfb02, 'fl'],
  [0xfb03, 'ffi'],
  [0xfb04, 'ffl'],
  [0xfb05, 'st'],
  [0xfb06, 'st'],
]);

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x85 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function isLineBreak(c: number): boolean {
  return (c >= 0x0a && c <= 0x0d) || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** Zero-width characters and byte-order marks (the soft hyphen is handled with the hyphens). */
function isInvisible(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0xad;
}

const LETTER = /^[\p{L}\p{M}]$/u;
const DIGIT = /^\p{N}$/u;

function isLetter(c: number): boolean {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  return LETTER.test(String.fromCharCode(c));
}

function isAlnum(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return isLetter(c) || DIGIT.test(String.fromCharCode(c));
}

function foldQuote(c: number): number {
  if (c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x201b || c === 0x2032) return 0x27;
  if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x201f || c === 0x2033) return 0x22;
  return c;
}

function codesToString(codes: Uint16Array, length: number): string {
  const CHUNK = 8192;
  let out = '';
  for (let i = 0; i < length; i += CHUNK) {
    out += String.fromCharCode(...codes.subarray(i, Math.min(length, i + CHUNK)));
  }
  return out;
}

/** The matching view of `raw`, with the source index of each of its characters. */
export function normaliseForMatching(raw: string): MatchText {
  const n = raw.length;
  let out = new Uint16Array(n + 8);
  let src = new Int32Array(n + 8);
  let len = 0;
  const push = (code: number, at: number): void => {
    if (len === out.length) {
      const bigger = new Uint16Array(out.length * 2);
      bigger.set(out);
      out = bigger;
      const biggerSrc = new Int32Array(src.length * 2);
      biggerSrc.set(src);
      src = biggerSrc;
    }
    out[len] = code;
    src[len] = at;
    len += 1;
  };

  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (isInvisible(c)) {
      i += 1;
      continue;
    }
    if (isSpace(c)) {
      let j = i + 1;
      while (j < n && (isSpace(raw.charCodeAt(j)) || isInvisible(raw.charCodeAt(j)))) j += 1;
      push(0x20, i);
      i = j;
      continue;
    }
    if (isHyphen(c)) {
      // What follows the hyphen: invisibles, then perhaps whitespace, then the next visible character.
      let k = i + 1;
      let broken = false;
      while (k < n) {
        const d = raw.charCodeAt(k);
        if (isInvisible(d) || d === 0xad) k += 1;
        else if (isSpace(d)) {
          if (isLineBreak(d)) broken = true;
          k += 1;
        } else break;
      }
      let adjacent = true;
      for (let t = i + 1; t < k; t += 1) if (isSpace(raw.charCodeAt(t))) adjacent = false;
      const before = len > 0 ? out[len - 1]! : -1;
      const after = k < n ? raw.charCodeAt(k) : -1;
      if (before >= 0 && after >= 0 && isAlnum(before) && isAlnum(after) && (adjacent || broken)) {
        // Word-internal or line-end hyphen: letters join up; digits keep the hyphen but lose the break.
        if (!(isLetter(before) && isLetter(after)) && c !== 0xad) push(0x2d, i);
        i = k;
        continue;
      }
      if (c !== 0xad) push(0x2d, i);
      i += 1;
      continue;
    }
    const ligature = LIGATURES.get(c);
    if (ligature !== undefined) {
      for (let t = 0; t < ligature.length; t += 1) push(ligature.charCodeAt(t), i);
    } else {
      push(foldQuote(c), i);
    }
    i += 1;
  }
  return { text: codesToString(out, len), source: src.slice(0, len) };
}

/** The first index i with source[i] >= at (source.length if none): where raw position `at` falls in the view. */
export function viewIndexAtOrAfter(source: Int32Array, at: number): number {
  let lo = 0;
  let hi = source.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (source[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---- q-gram index ------------------------------------------------------------------------------------------

/** Length of the substrings indexed by GramIndex. */
export const GRAM = 8;

function gramHash(s: string, at: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < GRAM; k += 1) h = Math.imul(h ^ s.charCodeAt(at + k), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/**
 * Every position of a text, bucketed by a hash of the GRAM characters starting there (compressed rows: one
 * offsets array and one positions array, so building is two passes over the text and no per-gram objects).
 * A bucket may hold other grams that hash alike; callers check the text.
 */
export class GramIndex {
  readonly text: string;
  private readonly shift: number;
  private readonly starts: Int32Array;
  private readonly positions: Int32Array;

  constructor(text: string) {
    this.text = text;
    const count = Math.max(0, text.length - GRAM + 1);
    const bits = Math.min(22, Math.max(8, Math.ceil(Math.log2(count + 1))));
    this.shift = 32 - bits;
    const buckets = new Int32Array(count);
    const starts = new Int32Array((1 << bits) + 1);
    for (let p = 0; p < count; p += 1) {
      const b = gramHash(text, p) >>> this.shift;
      buckets[p] = b;
      starts[b + 1]! += 1;
    }
    for (let b = 1; b < starts.length; b += 1) starts[b]! += starts[b - 1]!;
    const fill = starts.slice(0, starts.length - 1);
    const positions = new Int32Array(count);
    for (let p = 0; p < count; p += 1) {
      const b = buckets[p]!;
      positions[fill[b]!] = p;
      fill[b]! += 1;
    }
    this.starts = starts;
    this.positions = positions;
  }

  /** The bucket of the gram starting at `at` in `s` (s must have GRAM characters from there). */
  bucketOf(s: string, at: number): number {
    return gramHash(s, at) >>> this.shift;
  }

  bucketSize(bucket: number): number {
    return this.starts[bucket + 1]! - this.starts[bucket]!;
  }

  /** Calls visit(position) for each position in the bucket whose gram really equals s[at, at + GRAM), in order. */
  forEachOccurrence(bucket: number, s: string, at: number, visit: (position: number) => void): void {
    const text = this.text;
    for (let k = this.starts[bucket]!, end = this.starts[bucket + 1]!; k < end; k += 1) {
      const p = this.positions[k]!;
      let same = true;
      for (let t = 0; t < GRAM; t += 1) {
        if (text.charCodeAt(p + t) !== s.charCodeAt(at + t)) {
          same = false;
          break;
        }
      }
      if (same) visit(p);
    }
  }
}

// ---- edit distance -----------------------------------------------------------------------------------------
// Levenshtein distance (insertions, deletions and substitutions all cost 1), in three alignments, each one
// column of the dynamic-programming table at a time: O(pattern length × text length) time, O(pattern) memory.

/**
 * Approximate search (Sellers): the end (exclusive) in text[from, to) of the substring closest to `pattern`,
 * and its distance. Among equally close ends, the one nearest `preferEnd`.
 */
export function bestApproximateEnd(pattern: string, text: string, from: number, to: number, preferEnd: number): { end: number; distance: number } {
  const m = pattern.length;
  const col = new Int32Array(m + 1);
  for (let i = 0; i <= m; i += 1) col[i] = i;
  let best = m;
  let bestEnd = from;
  for (let j = from; j < to; j += 1) {
    const c = text.charCodeAt(j);
    let diagonal = 0; // D[i-1][j-1]; row 0 is all zeros (the match may start anywhere)
    for (let i = 1; i <= m; i += 1) {
      const up = col[i]!;
      const cost = pattern.charCodeAt(i - 1) === c ? diagonal : diagonal + 1;
      const left = col[i - 1]! + 1;
      const v = up + 1 < left ? up + 1 : left;
      col[i] = cost < v ? cost : v;
      diagonal = up;
    }
    const d = col[m]!;
    const end = j + 1;
    if (d < best || (d === best && Math.abs(end - preferEnd) < Math.abs(bestEnd - preferEnd))) {
      best = d;
      bestEnd = end;
    }
  }
  return { end: bestEnd, distance: best };
}

/**
 * `pattern` aligned to a substring of text[from, end) that ends exactly at `end`: the start of the closest such
 * substring and its distance. Among equally close starts, the one nearest `preferStart`.
 */
export function bestStartEndingAt(pattern: string, text: string, from: number, end: number, preferStart: number): { start: number; distance: number } {
  const m = pattern.length;
  const col = new Int32Array(m + 1);
  // Column j: the last j characters of text[.., end); row i: the last i characters of pattern.
  for (let i = 0; i <= m; i += 1) col[i] = i;
  let best = m;
  let bestStart = end;
  for (let j = 1; j <= end - from; j += 1) {
    const c = text.charCodeAt(end - j);
    let diagonal = j - 1;
    col[0] = j;
    for (let i = 1; i <= m; i += 1) {
      const up = col[i]!;
      const cost = pattern.charCodeAt(m - i) === c ? diagonal : diagonal + 1;
      const left = col[i - 1]! + 1;
      const v = up + 1 < left ? up + 1 : left;
      col[i] = cost < v ? cost : v;
      diagonal = up;
    }
    const d = col[m]!;
    const start = end - j;
    if (d < best || (d === best && Math.abs(start - preferStart) < Math.abs(bestStart - preferStart))) {
      best = d;
      bestStart = start;
    }
  }
  return { start: bestStart, distance: best };
}

/** The least distance between `pattern` and a substring of text[from, to) that ends at `to` (context before a match). */
export function distanceEndingAt(pattern: string, text: string, from: number, to: number): number {
  return bestStartEndingAt(pattern, text, from, to, to - pattern.length).distance;
}

/** The least distance between `pattern` and a substring of text[from, to) that starts at `from` (context after a match). */
export function distanceStartingAt(pattern: string, text: string, from: number, to: number): number {
  const m = pattern.length;
  const col = new Int32Array(m + 1);
  for (let i = 0; i <= m; i += 1) col[i] = i;
  let best = m;
  for (let j = from; j < to; j += 1) {
    const c = text.charCodeAt(j);
    let diagonal = j - from;
    col[0] = j - from + 1;
    for (let i = 1; i <= m; i += 1) {
      const up = col[i]!;
      const cost = pattern.charCodeAt(i - 1) === c ? diagonal : diagonal + 1;
      const left = col[i - 1]! + 1;
      const v = up + 1 < left ? up + 1 : left;
      col[i] = cost < v ? cost : v;
      diagonal = up;
    }
    if (col[m]! < best) best = col[m]!;
  }
  return best;
}
