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

const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

function codesToString(codes: Uint16Array, length: number): string {
  const decoded = UTF16.decode(codes.subarray(0, length));
  if (decoded.length === length) return decoded;
  // Not reached with a UTF-16 decoder (a lone surrogate becomes one U+FFFD); kept as the plain way.
  const CHUNK = 8192;
  let out = '';
  for (let i = 0; i < length; i += CHUNK) out += String.fromCharCode(...codes.subarray(i, Math.min(length, i + CHUNK)));
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
    if (c > 0x20 && c < 0x7f && c !== 0x2d && len < out.length) {
      // Printable ASCII other than the hyphen: itself (most characters of most papers).
      out[len] = c;
      src[len] = i;
      len += 1;
      i += 1;
      continue;
    }
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

const BASE = 0x01000193;
let basePower = 1; // BASE^(GRAM-1) mod 2^32
for (let k = 1; k < GRAM; k += 1) basePower = Math.imul(basePower, BASE);

/** Polynomial hash of s[at, at + GRAM) mod 2^32 (the rolling form in GramIndex gives the same numbers). */
function gramHash(s: string, at: number): number {
  let h = 0;
  for (let k = 0; k < GRAM; k += 1) h = (Math.imul(h, BASE) + s.charCodeAt(at + k)) | 0;
  return h;
}

function mix(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
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
    // About four positions a bucket: a table small enough to stay in cache while it is filled.
    const bits = Math.min(20, Math.max(8, Math.ceil(Math.log2(count + 1)) - 2));
    this.shift = 32 - bits;
    const buckets = new Int32Array(count);
    const starts = new Int32Array((1 << bits) + 1);
    let h = count > 0 ? gramHash(text, 0) : 0;
    for (let p = 0; p < count; p += 1) {
      if (p > 0) h = (Math.imul(h - Math.imul(text.charCodeAt(p - 1), basePower), BASE) + text.charCodeAt(p + GRAM - 1)) | 0;
      const b = mix(h) >>> this.shift;
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
    return mix(gramHash(s, at)) >>> this.shift;
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
// Levenshtein distance (insertions, deletions and substitutions all cost 1) by Myers' bit-parallel algorithm
// (J. ACM 46(3), 1999) in blocks of 32 pattern characters: one text character costs ⌈m/32⌉ steps of a few word
// operations instead of m cells of the dynamic-programming table.

/**
 * Distances D[m][j] between the whole pattern and text read from `from` (or backwards from `to`), after each
 * j = 0..n of the n = to - from text characters. freeStart: the match may begin anywhere (Sellers: row 0 all
 * zeros); otherwise it begins exactly at `from` (or ends exactly at `to` when reading backwards).
 */
function lastRow(pattern: string, text: string, from: number, to: number, backwards: boolean, freeStart: boolean): Int32Array {
  const m = pattern.length;
  const n = Math.max(0, to - from);
  const out = new Int32Array(n + 1);
  out[0] = m;
  if (m === 0) {
    for (let j = 1; j <= n; j += 1) out[j] = freeStart ? 0 : j;
    return out;
  }
  const blocks = (m + 31) >>> 5;
  // Peq: for each character, the pattern positions holding it, one bit each (dense for ASCII).
  const ascii = new Int32Array(128 * blocks);
  const other = new Map<number, Int32Array>();
  for (let i = 0; i < m; i += 1) {
    const c = pattern.charCodeAt(backwards ? m - 1 - i : i);
    const b = i >>> 5;
    const bit = 1 << (i & 31);
    if (c < 128) ascii[c * blocks + b]! |= bit;
    else {
      let eq = other.get(c);
      if (eq === undefined) {
        eq = new Int32Array(blocks);
        other.set(c, eq);
      }
      eq[b]! |= bit;
    }
  }
  const plus = new Int32Array(blocks).fill(-1); // vertical deltas +1 (column 0: D[i][0] = i)
  const minus = new Int32Array(blocks);
  const lastHigh = 1 << ((m - 1) & 31);
  const topIn = freeStart ? 0 : 1;
  let score = m;
  for (let j = 1; j <= n; j += 1) {
    const c = text.charCodeAt(backwards ? to - j : from + j - 1);
    let eqs: Int32Array | undefined = ascii;
    let base = c * blocks;
    if (c >= 128) {
      eqs = other.get(c);
      base = 0;
    }
    let hin = topIn;
    for (let b = 0; b < blocks; b += 1) {
      let eq = eqs === undefined ? 0 : eqs[base + b]!;
      const pv = plus[b]!;
      const mv = minus[b]!;
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const high = b === blocks - 1 ? lastHigh : 0x80000000 | 0;
      const hout = (ph & high) !== 0 ? 1 : (mh & high) !== 0 ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      plus[b] = mh | ~(xv | ph);
      minus[b] = ph & xv;
      hin = hout;
    }
    score += hin;
    out[j] = score;
  }
  return out;
}

/**
 * Approximate search (Sellers): the end (exclusive) in text[from, to) of the substring closest to `pattern`,
 * and its distance. Among equally close ends, the one nearest `preferEnd`.
 */
export function bestApproximateEnd(pattern: string, text: string, from: number, to: number, preferEnd: number): { end: number; distance: number } {
  const row = lastRow(pattern, text, from, to, false, true);
  let best = row[0]!;
  let bestEnd = from;
  for (let j = 1; j < row.length; j += 1) {
    const d = row[j]!;
    const end = from + j;
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
  const row = lastRow(pattern, text, from, end, true, false);
  let best = row[0]!;
  let bestStart = end;
  for (let j = 1; j < row.length; j += 1) {
    const d = row[j]!;
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
  const row = lastRow(pattern, text, from, to, false, false);
  let best = row[0]!;
  for (let j = 1; j < row.length; j += 1) if (row[j]! < best) best = row[j]!;
  return best;
}
