/**
 * Re-attaching annotations to a new version of a paper, in the spirit of the W3C Web Annotation
 * TextQuoteSelector (quote + prefix + suffix) and TextPositionSelector (page + offset), and of Hypothesis's
 * fuzzy anchoring. Pure: no I/O.
 *
 * Positions. Pages are numbered from 1 (as document_pages and annotations store them); offsets count UTF-16
 * code units into that page's stored text (normalisePageText output). A selection may run past the end of
 * its page: positions are read in the pages joined with a single "\n" (PAGE_SEPARATOR), and offsets on the
 * start page simply continue through the break, so endOffset may exceed the start page's length. A quote that
 * spans a page break in the new version is therefore allowed: the result gives the page where it starts and
 * offsets counted from that page's start through the joined text (`locate` turns an offset into a page and an
 * offset on it). Context (prefix/suffix) is taken across page breaks the same way.
 *
 * Algorithm (reanchorIn):
 *  1. The anchor's prefix + quote + suffix are put in the matching view (text-match.ts: whitespace runs are one
 *     space, line-end and word-internal hyphenation joins up, case kept), and so is the new version, once.
 *  2. Exact: every occurrence of the quote's view is found through a q-gram index (the quote's rarest gram,
 *     then a string check). Occurrences are ranked by how well the text around them matches the prefix and
 *     suffix (edit distance), then by closeness to where the anchor was (its old page and offset, read in
 *     the new version: text inserted earlier shifts a passage only a little way, perhaps onto the next page).
 *  3. Fuzzy, when there is no exact occurrence, or when every exact occurrence sits in unfamiliar context:
 *     candidate regions are seeded by q-grams shared with the quote and with its context (each found gram
 *     votes for where the quote would start; the best-supported bins win), plus the place where the anchor
 *     was; in each, an approximate search (Sellers' edit-distance search, computed with Myers' bit-parallel
 *     algorithm) finds the closest substring and a backward pass its start. It is accepted when its similarity to the quote
 *     (1 - edit distance / length) is at least minConfidence (0.75 by default) and the text around it is
 *     recognisably the anchor's prefix and suffix (similarity ≥ 0.7): papers repeat their own formulas, so
 *     near-identical wording elsewhere is often another passage, and a wrong attachment is worse than an
 *     orphan the scrutineer can see. A fuzzy match beats exact occurrences only with near-perfect context
 *     (≥ 0.9) while none of them has even half of it: that is the annotated sentence lightly edited, with the
 *     same words unchanged elsewhere.
 *  4. Otherwise the annotation is orphaned, with a reason in plain English and its original quote.
 * reanchorAll indexes the new version once for all anchors.
 */
import {
  GRAM,
  GramIndex,
  bestApproximateEnd,
  bestStartEndingAt,
  distanceEndingAt,
  distanceStartingAt,
  normaliseForMatching,
  viewIndexAtOrAfter,
  type MatchText,
} from './text-match.js';

export interface TextAnchor {
  quote: string;
  prefix: string;
  suffix: string;
  /** 1-based. */
  pageNumber: number;
  /** Into that page's text (see the header on offsets past the page's end). */
  startOffset: number;
}

export type AnchorResult =
  | {
      status: 'anchored';
      pageNumber: number;
      startOffset: number;
      endOffset: number;
      /** The text now at that place (may differ from the anchor's quote: fuzzy match, or layout differences). */
      quote: string;
      /** Similarity of that text to the original quote, in the matching view: 1 for an exact match. */
      confidence: number;
      /** The quote was found unchanged (in the matching view: layout, whitespace and hyphenation aside). */
      exact: boolean;
    }
  | {
      status: 'orphaned';
      /** Why, in plain English, for the scrutineer. */
      reason: string;
      /** The original quote, so the annotation can still be shown with what it was about. */
      quote: string;
    };

export interface ReanchorOptions {
  /** Least similarity (0..1) for a fuzzy match to be accepted. Default 0.75. */
  minConfidence?: number;
}

export const PAGE_SEPARATOR = '\n';
export const DEFAULT_CONTEXT_CHARS = 32;
export const DEFAULT_MIN_CONFIDENCE = 0.75;

/** Below this much context (matching view, both sides together) context is not used to judge. */
const MIN_CONTEXT = 8;
/** Context similarity under which exact occurrences are doubted. */
const WEAK_CONTEXT = 0.5;
/**
 * Context similarity a fuzzy match needs. Papers repeat their own formulas ("in the last quarter (32 per cent,
 * 14 children)" one line, "(37 per cent, 21 children)" the next), so a near-identical quote elsewhere is
 * often another passage: its surroundings must be recognisably the annotated one's too.
 */
const FUZZY_CONTEXT = 0.7;
/** Context similarity with which a fuzzy match may beat exact occurrences that all sit in unfamiliar context. */
const STRONG_CONTEXT = 0.9;
/** Quote similarity against context similarity when ranking candidates. */
const QUOTE_WEIGHT = 0.6;
/** Exact occurrences scored in full when a quote is very common (the rest are pre-ranked cheaply). */
const MAX_SCORED = 96;
/** Regions searched approximately per seed kind; grams sampled and gram hits gathered per string. */
const MAX_REGIONS = 3;
const MAX_GRAMS = 64;
const HIT_BUDGET = 1500;

// ---- pages and positions ------------------------------------------------------------------------------------

/** Start of each page in the joined text, and its total length last. */
function pageStartsOf(pages: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const page of pages) {
    starts.push(at);
    at += page.length + PAGE_SEPARATOR.length;
  }
  starts.push(Math.max(0, at - PAGE_SEPARATOR.length));
  return starts;
}

function joinedSlice(pages: readonly string[], starts: readonly number[], from: number, to: number): string {
  let out = '';
  for (let p = 0; p < pages.length && starts[p]! < to; p += 1) {
    const pageStart = starts[p]!;
    const page = pages[p]!;
    const pageEnd = pageStart + page.length;
    if (pageEnd + PAGE_SEPARATOR.length <= from) continue;
    out += page.slice(Math.max(0, from - pageStart), Math.max(0, Math.min(page.length, to - pageStart)));
    if (p < pages.length - 1 && pageEnd >= from && pageEnd < to) out += PAGE_SEPARATOR;
  }
  return out;
}

/** Index of the page holding joined position `at` (a separator belongs to the page before it). */
function pageIndexAt(starts: readonly number[], pageCount: number, at: number): number {
  let lo = 0;
  let hi = pageCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Where an offset that may run past its page's end really is: the page (1-based) and the offset on it.
 * E.g. the end of a result whose quote spans a page break.
 */
export function locate(pages: readonly string[], pageNumber: number, offset: number): { pageNumber: number; offset: number } {
  const starts = pageStartsOf(pages);
  if (pages.length === 0) return { pageNumber, offset };
  const at = (starts[Math.min(Math.max(pageNumber, 1), pages.length) - 1] ?? 0) + offset;
  const p = pageIndexAt(starts, pages.length, at);
  return { pageNumber: p + 1, offset: at - starts[p]! };
}

/** An anchor for a selection: the quote, `contextChars` of text either side (across page breaks), and where it was. */
export function makeAnchor(pages: string[], pageNumber: number, startOffset: number, endOffset: number, contextChars = DEFAULT_CONTEXT_CHARS): TextAnchor {
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > pages.length) {
    throw new RangeError(`page ${pageNumber} is not in this document (${pages.length} pages)`);
  }
  const starts = pageStartsOf(pages);
  const total = starts[pages.length]!;
  const pageStart = starts[pageNumber - 1]!;
  const from = pageStart + startOffset;
  const to = pageStart + endOffset;
  const onPage = Number.isInteger(startOffset) && startOffset >= 0 && startOffset <= pages[pageNumber - 1]!.length;
  if (!onPage || !Number.isInteger(endOffset) || endOffset < startOffset || to > total) {
    throw new RangeError(`selection ${startOffset}..${endOffset} is not on page ${pageNumber}`);
  }
  const context = Math.max(0, Math.floor(contextChars));
  return {
    quote: joinedSlice(pages, starts, from, to),
    prefix: joinedSlice(pages, starts, Math.max(0, from - context), from),
    suffix: joinedSlice(pages, starts, to, Math.min(total, to + context)),
    pageNumber,
    startOffset,
  };
}

// ---- the new version, indexed once ----------------------------------------------------------------------------

/** A version's pages prepared for re-anchoring: joined, in the matching view, q-gram indexed. */
export class PagesIndex {
  readonly pages: readonly string[];
  readonly joined: string;
  readonly pageStarts: readonly number[];
  readonly view: MatchText;
  readonly grams: GramIndex;
  readonly hasText: boolean;

  constructor(pages: readonly string[]) {
    this.pages = pages;
    this.joined = pages.join(PAGE_SEPARATOR);
    this.pageStarts = pageStartsOf(pages);
    this.view = normaliseForMatching(this.joined);
    this.grams = new GramIndex(this.view.text);
    this.hasText = /\S/.test(this.view.text);
  }
}

export function indexPages(pages: readonly string[]): PagesIndex {
  return new PagesIndex(pages);
}

// ---- the anchor in the matching view --------------------------------------------------------------------------

interface PreparedAnchor {
  quote: string;
  prefix: string;
  suffix: string;
  /** Raw characters at the start / end of the quote that the view drops (part of a whitespace run, a hyphenation). */
  leadSkip: number;
  trailSkip: number;
}

function prepare(anchor: TextAnchor): PreparedAnchor {
  // In context, so that the quote's edges read as they do in the page (a quote starting "guarding" after
  // "safe-\n" is "guarding"; one starting mid-way through a run of spaces does not start with a space).
  const raw = anchor.prefix + anchor.quote + anchor.suffix;
  const view = normaliseForMatching(raw);
  const from = anchor.prefix.length;
  const to = from + anchor.quote.length;
  const a = viewIndexAtOrAfter(view.source, from);
  const b = viewIndexAtOrAfter(view.source, to);
  const quote = view.text.slice(a, b);
  return {
    quote,
    // The context's far edges are cut out of their surroundings: a hyphen or space there may read differently
    // in the whole text ("-\nguarding" alone keeps its hyphen; after "safe" it joins up), so they are left out.
    prefix: view.text.slice(0, a).replace(/^[ -]+/, ''),
    suffix: view.text.slice(b).replace(/[ -]+$/, ''),
    leadSkip: b > a ? view.source[a]! - from : 0,
    trailSkip: b > a ? to - (view.source[b - 1]! + 1) : 0,
  };
}

// ---- candidates -------------------------------------------------------------------------------------------

interface Candidate {
  /** [start, end) in the matching view of the new version. */
  start: number;
  end: number;
  exact: boolean;
  quoteSimilarity: number;
  /** Similarity of the surrounding text to the anchor's prefix and suffix; null when the anchor has none. */
  contextSimilarity: number | null;
}

function contextSimilarity(text: string, anchor: PreparedAnchor, start: number, end: number): number | null {
  const total = anchor.prefix.length + anchor.suffix.length;
  if (total === 0) return null;
  let distance = 0;
  if (anchor.prefix.length > 0) {
    const slack = (anchor.prefix.length >> 2) + 2;
    distance += distanceEndingAt(anchor.prefix, text, Math.max(0, start - anchor.prefix.length - slack), start);
  }
  if (anchor.suffix.length > 0) {
    const slack = (anchor.suffix.length >> 2) + 2;
    distance += distanceStartingAt(anchor.suffix, text, end, Math.min(text.length, end + anchor.suffix.length + slack));
  }
  return Math.max(0, 1 - distance / total);
}

/** Cheap likeness of the context: equal characters in place either side (for pre-ranking very common quotes). */
function quickContext(text: string, anchor: PreparedAnchor, start: number, end: number): number {
  let same = 0;
  const before = Math.min(16, anchor.prefix.length);
  for (let k = 1; k <= before; k += 1) if (text.charCodeAt(start - k) === anchor.prefix.charCodeAt(anchor.prefix.length - k)) same += 1;
  const after = Math.min(16, anchor.suffix.length);
  for (let k = 0; k < after; k += 1) if (text.charCodeAt(end + k) === anchor.suffix.charCodeAt(k)) same += 1;
  return same;
}

function findExact(index: PagesIndex, quote: string): number[] {
  const text = index.view.text;
  const found: number[] = [];
  if (quote.length < GRAM) {
    for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) found.push(at);
    return found;
  }
  // Every occurrence contains each of the quote's grams, so the rarest one's bucket finds them all.
  let bestAt = 0;
  let bestBucket = index.grams.bucketOf(quote, 0);
  let bestSize = index.grams.bucketSize(bestBucket);
  for (let j = 1; j + GRAM <= quote.length && bestSize > 0; j += 1) {
    const bucket = index.grams.bucketOf(quote, j);
    const size = index.grams.bucketSize(bucket);
    if (size < bestSize) {
      bestAt = j;
      bestBucket = bucket;
      bestSize = size;
    }
  }
  index.grams.forEachOccurrence(bestBucket, quote, bestAt, (p) => {
    const start = p - bestAt;
    if (start >= 0 && text.startsWith(quote, start)) found.push(start);
  });
  return found;
}

interface Region {
  from: number;
  to: number;
  /** Where the quote would start, for breaking ties. */
  prefer: number;
}

/**
 * Votes for where the quote would start, from the grams of `s` (a gram found at p votes for p + shift(j)),
 * counted per bin of `width` positions. A sample of at most MAX_GRAMS grams is enough to find a region, and
 * grams found all over the paper say nothing about where, so the rarest are used, up to HIT_BUDGET hits.
 */
function gramVotes(index: PagesIndex, s: string, shift: (j: number) => number, width: number, votes: Map<number, number>): void {
  const count = s.length - GRAM + 1;
  if (count <= 0) return;
  const step = Math.max(1, Math.floor(count / MAX_GRAMS));
  const grams: Array<{ j: number; bucket: number; size: number }> = [];
  for (let j = 0; j < count; j += step) {
    const bucket = index.grams.bucketOf(s, j);
    const size = index.grams.bucketSize(bucket);
    if (size > 0) grams.push({ j, bucket, size });
  }
  grams.sort((x, y) => x.size - y.size);
  let budget = HIT_BUDGET;
  for (const g of grams) {
    if (g.size > budget) break;
    budget -= g.size;
    const d = shift(g.j);
    index.grams.forEachOccurrence(g.bucket, s, g.j, (p) => {
      const bin = Math.floor((p + d) / width);
      votes.set(bin, (votes.get(bin) ?? 0) + 1);
    });
  }
}

/** The best-supported pairs of neighbouring bins, as regions to search. */
function regionsFrom(votes: Map<number, number>, width: number, quoteLength: number, maxEdits: number, textLength: number): Region[] {
  const pairs = [...votes.keys()].map((bin) => ({ bin, votes: (votes.get(bin) ?? 0) + (votes.get(bin + 1) ?? 0) }));
  pairs.sort((x, y) => y.votes - x.votes || x.bin - y.bin);
  const chosen: number[] = [];
  for (const pair of pairs) {
    if (chosen.length === MAX_REGIONS) break;
    if (chosen.some((bin) => Math.abs(bin - pair.bin) <= 1)) continue;
    chosen.push(pair.bin);
  }
  return chosen.map((bin) => ({
    from: Math.max(0, bin * width - maxEdits - 4),
    to: Math.min(textLength, (bin + 2) * width + quoteLength + maxEdits + 4),
    prefer: bin * width + (width >> 1),
  }));
}

function fuzzyCandidates(index: PagesIndex, anchor: PreparedAnchor, expected: number, minConfidence: number): Candidate[] {
  const text = index.view.text;
  const m = anchor.quote.length;
  const maxEdits = Math.floor(m * (1 - minConfidence)) + 1;

  // Bins as wide as the drift that insertions and deletions inside the quote can cause.
  const width = maxEdits + 16;
  const quoteVotes = new Map<number, number>();
  gramVotes(index, anchor.quote, (j) => -j, width, quoteVotes);
  const contextVotes = new Map<number, number>();
  gramVotes(index, anchor.prefix, (j) => anchor.prefix.length - j, width, contextVotes);
  gramVotes(index, anchor.suffix, (j) => -j - m, width, contextVotes);

  const regions = [
    ...regionsFrom(quoteVotes, width, m, maxEdits, text.length),
    ...regionsFrom(contextVotes, width, m, maxEdits, text.length),
    // Where the passage was, for a quote too short for grams whose context has changed a little.
    { from: Math.max(0, expected - maxEdits - 64), to: Math.min(text.length, expected + m + maxEdits + 64), prefer: expected },
  ];

  // Each region gives its single closest match, so overlapping regions are not merged (one could hide an
  // edited sentence behind the same words unchanged nearby); the same region twice is searched once.
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const region of regions) {
    if (region.to <= region.from || seen.has(`region ${region.from}:${region.to}`)) continue;
    seen.add(`region ${region.from}:${region.to}`);
    const { end } = bestApproximateEnd(anchor.quote, text, region.from, region.to, region.prefer + m);
    const { start, distance } = bestStartEndingAt(anchor.quote, text, Math.max(0, end - m - maxEdits - 1), end, region.prefer);
    if (end <= start) continue;
    const key = `${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const exact = distance === 0 && end - start === m;
    candidates.push({
      start,
      end,
      exact,
      quoteSimilarity: Math.max(0, 1 - distance / Math.max(m, end - start)),
      contextSimilarity: contextSimilarity(text, anchor, start, end),
    });
  }
  return candidates;
}

function score(c: Candidate, useContext: boolean): number {
  if (!useContext || c.contextSimilarity === null) return c.quoteSimilarity;
  return QUOTE_WEIGHT * c.quoteSimilarity + (1 - QUOTE_WEIGHT) * c.contextSimilarity;
}

/** Best first: by score (quote and context), then nearest to where the anchor was, then earliest. */
function rank(candidates: Candidate[], useContext: boolean, expected: number): Candidate[] {
  return [...candidates].sort((x, y) => {
    const s = score(y, useContext) - score(x, useContext);
    if (Math.abs(s) > 1e-9) return s;
    const d = Math.abs(x.start - expected) - Math.abs(y.start - expected);
    return d !== 0 ? d : x.start - y.start;
  });
}

// ---- results ------------------------------------------------------------------------------------------------

function anchoredAt(index: PagesIndex, anchor: PreparedAnchor, c: Candidate): AnchorResult {
  const source = index.view.source;
  const n = source.length;
  // Back from the view to the page text, giving back the quote's own leading and trailing characters that
  // the view drops (part of a whitespace run, a line-end hyphen), as far as the text here has such characters.
  let from = source[c.start]!;
  const roomBefore = from - (c.start > 0 ? source[c.start - 1]! + 1 : 0);
  from -= Math.min(anchor.leadSkip, Math.max(0, roomBefore));
  let to = source[c.end - 1]! + 1;
  const roomAfter = (c.end < n ? source[c.end]! : index.joined.length) - to;
  to += Math.min(anchor.trailSkip, Math.max(0, roomAfter));

  const p = pageIndexAt(index.pageStarts, index.pages.length, from);
  const pageStart = index.pageStarts[p]!;
  return {
    status: 'anchored',
    pageNumber: p + 1,
    startOffset: from - pageStart,
    endOffset: to - pageStart,
    quote: index.joined.slice(from, to),
    confidence: c.quoteSimilarity,
    exact: c.exact,
  };
}

function orphaned(anchor: TextAnchor, reason: string): AnchorResult {
  return { status: 'orphaned', reason, quote: anchor.quote };
}

/** Rounded down, so that a near miss never reads as meeting the threshold. */
function percent(x: number): string {
  return `${Math.floor(x * 100)}%`;
}

/** Where the anchor was (its page and offset, read in the new version), in the matching view. */
function expectedPosition(index: PagesIndex, anchor: TextAnchor): number {
  const pages = index.pages.length;
  if (pages === 0) return 0;
  const page = Number.isFinite(anchor.pageNumber) ? Math.min(Math.max(Math.trunc(anchor.pageNumber), 1), pages) : 1;
  const offset = Number.isFinite(anchor.startOffset) ? Math.max(0, anchor.startOffset) : 0;
  const at = Math.min(index.joined.length, index.pageStarts[page - 1]! + offset);
  return viewIndexAtOrAfter(index.view.source, at);
}

/** Re-anchor one annotation in an indexed version (reanchorAll's inner step; use it to reuse an index). */
export function reanchorIn(index: PagesIndex, anchor: TextAnchor, options: ReanchorOptions = {}): AnchorResult {
  const minConfidence = Math.min(1, Math.max(0, options.minConfidence ?? DEFAULT_MIN_CONFIDENCE));
  const prepared = prepare(anchor);
  if (!/\S/.test(prepared.quote)) {
    return orphaned(anchor, 'The annotation has no quoted words to look for (its selection was only spaces or line breaks).');
  }
  if (!index.hasText) {
    return orphaned(anchor, 'The new version has no text to search: it may be a scanned image with no text layer.');
  }
  const text = index.view.text;
  const expected = expectedPosition(index, anchor);
  const useContext = prepared.prefix.length + prepared.suffix.length >= MIN_CONTEXT;
  const m = prepared.quote.length;

  // Exact occurrences, ranked by context then closeness.
  let starts = findExact(index, prepared.quote);
  if (starts.length > MAX_SCORED) {
    const nearest = [...starts].sort((x, y) => Math.abs(x - expected) - Math.abs(y - expected)).slice(0, MAX_SCORED / 4);
    const likeness = new Map(starts.map((start) => [start, quickContext(text, prepared, start, start + m)]));
    const likeliest = [...starts].sort((x, y) => likeness.get(y)! - likeness.get(x)!).slice(0, MAX_SCORED);
    starts = [...new Set([...nearest, ...likeliest])];
  }
  // Occurrences with their context intact need no edit distance: they score 1, and only closeness is left.
  const intact = starts.filter((start) => text.endsWith(prepared.prefix, start) && text.startsWith(prepared.suffix, start + m));
  const occurrence = (start: number, context: number | null): Candidate => ({ start, end: start + m, exact: true, quoteSimilarity: 1, contextSimilarity: context });
  const exact = rank(
    intact.length > 0
      ? intact.map((start) => occurrence(start, useContext ? 1 : null))
      : starts.map((start) => occurrence(start, contextSimilarity(text, prepared, start, start + m))),
    useContext,
    expected,
  );
  const bestExact = exact[0];
  const doubtful = bestExact !== undefined && useContext && (bestExact.contextSimilarity ?? 1) < WEAK_CONTEXT;
  if (bestExact !== undefined && !doubtful) return anchoredAt(index, prepared, bestExact);

  // Fuzzy.
  const fuzzy = fuzzyCandidates(index, prepared, expected, minConfidence).filter((c) => !c.exact);
  const acceptable = fuzzy.filter(
    (c) =>
      c.quoteSimilarity >= minConfidence &&
      (bestExact !== undefined
        ? (c.contextSimilarity ?? 0) >= STRONG_CONTEXT && score(c, useContext) > score(bestExact, useContext)
        : !useContext || (c.contextSimilarity ?? 0) >= FUZZY_CONTEXT),
  );
  const best = rank(acceptable, useContext, expected)[0];
  if (best !== undefined) return anchoredAt(index, prepared, best);
  if (bestExact !== undefined) return anchoredAt(index, prepared, bestExact);

  // Orphaned: say how close the nearest thing came.
  const closest = [...fuzzy].sort((x, y) => y.quoteSimilarity - x.quoteSimilarity)[0];
  if (closest !== undefined && closest.quoteSimilarity >= minConfidence) {
    const page = pageIndexAt(index.pageStarts, index.pages.length, index.view.source[closest.start]!) + 1;
    return orphaned(
      anchor,
      `The quoted passage is not in the new version. Similar wording on page ${page} (${percent(closest.quoteSimilarity)} alike) was not ` +
        'used because the text around it is different, so it may be a different passage.',
    );
  }
  if (closest !== undefined && closest.quoteSimilarity >= 0.5) {
    const page = pageIndexAt(index.pageStarts, index.pages.length, index.view.source[closest.start]!) + 1;
    return orphaned(
      anchor,
      `The quoted passage is not in the new version: it may have been deleted or rewritten. The closest wording, on page ${page}, ` +
        `is only ${percent(closest.quoteSimilarity)} alike (${Math.round(minConfidence * 100)}% is needed).`,
    );
  }
  return orphaned(anchor, 'The quoted passage is not in the new version, and nothing similar is: it may have been deleted.');
}

/** Re-anchor one annotation in a new version's pages. To re-anchor many, use reanchorAll (one index). */
export function reanchor(anchor: TextAnchor, pages: string[], options?: ReanchorOptions): AnchorResult {
  return reanchorIn(new PagesIndex(pages), anchor, options);
}

/** Re-anchor every annotation of a document in its new version's pages, indexing the pages once. */
export function reanchorAll(anchors: TextAnchor[], pages: string[], options?: ReanchorOptions): AnchorResult[] {
  const index = new PagesIndex(pages);
  return anchors.map((anchor) => reanchorIn(index, anchor, options));
}
