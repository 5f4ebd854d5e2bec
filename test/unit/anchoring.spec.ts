import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locate, makeAnchor, reanchor, reanchorAll, type AnchorResult, type TextAnchor } from '../../src/annotations/anchoring.js';
import { bestApproximateEnd, bestStartEndingAt, distanceStartingAt, normaliseForMatching } from '../../src/annotations/text-match.js';
import { normalisePageText } from '../../src/documents/extraction/normalise-text.js';

// ---- a synthetic paper -----------------------------------------------------------------------------------------

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

const WORDS = (
  'partnership safeguarding children families agencies police health education social care referrals audit neglect ' +
  'exploitation practitioners assurance scrutiny board executive subgroup review learning evidence threshold MASH ' +
  'strategy discussion assessment plan outcomes voice child supervision training domestic abuse missing school ' +
  'attendance exclusion chronology escalation consent information sharing thematic findings recommendations action ' +
  'progress delayed completed timely quality variable improved declined increased reduced consistent inconsistent ' +
  'multi-agency early help front door contacts cases sample dip sample rapid review national panel local authority ' +
  'designated nurse lead officer independent scrutineer challenge response minutes agenda item report dashboard quarter ' +
  'performance indicators data measures targets workforce capacity vacancies caseloads agency staff'
).split(' ');

function sentence(r: ReturnType<typeof rng>): string {
  const words = Array.from({ length: r.int(8, 20) }, () => r.pick(WORDS));
  const first = words[0]!;
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

function paragraphs(seed: number, count: number): string[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => Array.from({ length: r.int(2, 6) }, () => sentence(r)).join(' '));
}

/** Word-wraps each paragraph at `lineChars` and fills pages of about `pageChars`, as a PDF's text layer would. */
function paginate(paras: readonly string[], pageChars: number, lineChars = 80): string[] {
  const lines: string[] = [];
  for (const para of paras) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > lineChars) {
        lines.push(line);
        line = word;
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

function anchored(result: AnchorResult) {
  if (result.status !== 'anchored') throw new Error(`expected anchored, got orphaned: ${result.reason}`);
  return result;
}

/** Where `quote` is in `pages` (exactly once): 1-based page and offsets. */
function whereIs(pages: string[], quote: string) {
  const hits = pages.flatMap((page, i) => {
    const found: Array<{ pageNumber: number; startOffset: number; endOffset: number }> = [];
    for (let at = page.indexOf(quote); at >= 0; at = page.indexOf(quote, at + 1)) found.push({ pageNumber: i + 1, startOffset: at, endOffset: at + quote.length });
    return found;
  });
  expect(hits).toHaveLength(1);
  return hits[0]!;
}

function anchorOn(pages: string[], quote: string): TextAnchor {
  const at = whereIs(pages, quote);
  return makeAnchor(pages, at.pageNumber, at.startOffset, at.endOffset);
}

const paper = paginate(paragraphs(1, 40), 1500);

// ---- examples --------------------------------------------------------------------------------------------------

describe('making an anchor', () => {
  it('keeps the quote, 32 characters of context either side, and the place', () => {
    const pages = ['Item 1. The partnership agreed to adopt the neglect toolkit for all agencies from April.'];
    const anchor = makeAnchor(pages, 1, 44, 59);
    expect(anchor).toEqual({ quote: 'neglect toolkit', prefix: 'partnership agreed to adopt the ', suffix: ' for all agencies from April.', pageNumber: 1, startOffset: 44 });
    expect(makeAnchor(pages, 1, 44, 59, 4)).toMatchObject({ prefix: 'the ', suffix: ' for' });
  });

  it('takes context, and a selection, across a page break (pages read as joined by a line break)', () => {
    const pages = ['first page ends here', 'second page starts here'];
    const anchor = makeAnchor(pages, 1, 11, 32, 8);
    expect(anchor).toMatchObject({ quote: 'ends here\nsecond page', prefix: 'st page ', suffix: ' starts ' });
  });

  it('refuses a place that is not in the document', () => {
    expect(() => makeAnchor(['abc'], 2, 0, 1)).toThrow(RangeError);
    expect(() => makeAnchor(['abc'], 1, 2, 1)).toThrow(RangeError);
    expect(() => makeAnchor(['abc'], 1, 0, 9)).toThrow(RangeError);
  });
});

describe('re-anchoring', () => {
  it('re-attaches every anchor exactly where it was when the text is the same', () => {
    const r = rng(7);
    const anchors = Array.from({ length: 200 }, () => {
      const pageNumber = r.int(1, paper.length);
      const page = paper[pageNumber - 1]!;
      const start = r.int(0, page.length - 2);
      let end = Math.min(page.length, start + r.int(1, 160));
      while (page.slice(start, end).trim() === '') end += 1; // a selection has words in it
      return { anchor: makeAnchor(paper, pageNumber, start, end), pageNumber, start, end };
    });
    const results = reanchorAll(
      anchors.map((a) => a.anchor),
      paper,
    );
    results.forEach((result, i) => {
      const { anchor, pageNumber, start, end } = anchors[i]!;
      expect(result).toEqual({ status: 'anchored', pageNumber, startOffset: start, endOffset: end, quote: anchor.quote, confidence: 1, exact: true });
    });
  });

  it('follows a passage onto a later page when a paragraph is inserted on page 2', () => {
    const paras = paragraphs(2, 40);
    const before = paginate(paras, 1500);
    const inserted = paragraphs(99, 1)[0]!.repeat(2).slice(0, 900);
    const insertAt = paras.findIndex((_, i) => paginate(paras.slice(0, i + 1), 1500).length === 2);
    const after = paginate([...paras.slice(0, insertAt), inserted, ...paras.slice(insertAt)], 1500);
    // A line near the end of page 5, which the insertion pushes onto page 6.
    const lines = before[4]!.split('\n');
    const quote = lines[lines.length - 2]!.slice(5, 60);
    const anchor = anchorOn(before, quote);
    expect(anchor.pageNumber).toBe(5);
    const expected = whereIs(after, quote);
    expect(expected.pageNumber).toBe(6);

    const result = anchored(reanchor(anchor, after));
    expect(result).toMatchObject({ ...expected, quote, exact: true, confidence: 1 });
  });

  it('re-attaches when pages are reordered (a renamed file has the same text, and the name plays no part)', () => {
    const reordered = [...paper];
    [reordered[2], reordered[6]] = [reordered[6]!, reordered[2]!];
    const onThree = makeAnchor(paper, 3, 100, 160);
    const onSeven = makeAnchor(paper, 7, 40, 75);
    const [three, seven] = reanchorAll([onThree, onSeven], reordered);
    expect(three).toMatchObject({ status: 'anchored', pageNumber: 7, startOffset: 100, endOffset: 160, quote: onThree.quote, exact: true });
    expect(seven).toMatchObject({ status: 'anchored', pageNumber: 3, startOffset: 40, endOffset: 75, quote: onSeven.quote, exact: true });
  });

  describe('a phrase that appears four times', () => {
    const minutes = [
      'Minutes of the executive, 14 January.\nItem 1: neglect audit. The partnership agreed to adopt the graded care profile.\n' +
        'Item 2: MASH thresholds. The partnership agreed to review thresholds by March.',
      'Item 3: multi-agency training. The partnership agreed to fund two more courses on exploitation.\n' +
        'Item 4: rapid review. The partnership agreed to publish the learning briefing in June.',
    ];
    const phrase = 'The partnership agreed';
    const third = makeAnchor(minutes, 2, minutes[1]!.indexOf(phrase), minutes[1]!.indexOf(phrase) + phrase.length);

    it('picks the right occurrence by its context, after text is inserted before it', () => {
      const revised = [
        'Minutes of the executive, 14 January.\nApologies: designated nurse.\nItem 1: neglect audit. The partnership agreed to adopt the graded care profile.',
        'Item 2: MASH thresholds. The partnership agreed to review thresholds by March.\nItem 3: multi-agency training. The partnership agreed to fund two more courses on exploitation.',
        'Item 4: rapid review. The partnership agreed to publish the learning briefing in June.',
      ];
      const at = revised[1]!.lastIndexOf(phrase);
      expect(anchored(reanchor(third, revised))).toMatchObject({ pageNumber: 2, startOffset: at, endOffset: at + phrase.length, exact: true });
    });

    it('prefers the annotated sentence, lightly edited, to the same words unchanged elsewhere', () => {
      const revised = [minutes[0]!, minutes[1]!.replace('The partnership agreed to fund', 'The Partnership agreed to fund')];
      const at = revised[1]!.indexOf('The Partnership agreed');
      expect(anchored(reanchor(third, revised))).toMatchObject({ pageNumber: 2, startOffset: at, endOffset: at + phrase.length, quote: 'The Partnership agreed', exact: false });
    });
  });

  it('re-attaches fuzzily after a small edit inside the quote, with the new wording', () => {
    const before = ['Findings. The audit found that fourty per cent of referrals lacked a chronology, and that escalation was rarely used by schools.'];
    const after = ['Findings.\nThe audit found that forty per cent of the referrals lacked a chronology, and that escalation was rarely used by schools.'];
    const anchor = anchorOn(before, 'The audit found that fourty per cent of referrals lacked a chronology');
    const result = anchored(reanchor(anchor, after));
    expect(result.exact).toBe(false);
    expect(result.confidence).toBeLessThan(1);
    expect(result.confidence).toBeGreaterThanOrEqual(0.75);
    expect(result.quote).toBe('The audit found that forty per cent of the referrals lacked a chronology');
    expect(result).toMatchObject({ pageNumber: 1, startOffset: 10, endOffset: 10 + result.quote.length });
  });

  it('re-attaches fuzzily when a word in the quote is changed, on a page that moved', () => {
    const quote = paper[3]!.split('\n')[2]!;
    const anchor = anchorOn(paper, quote);
    const words = quote.split(' ');
    words[3] = 'reconsidered';
    const edited = words.join(' ');
    const after = ['A new cover page.', ...paper.map((page, i) => (i === 3 ? page.replace(quote, edited) : page))];
    const result = anchored(reanchor(anchor, after));
    expect(result).toMatchObject({ ...whereIs(after, edited), quote: edited, exact: false });
    expect(result.confidence).toBeLessThan(1);
  });

  it('orphans a deleted passage, with a reason and its original quote', () => {
    const quote = 'The designated nurse will report on health assessments for looked after children in March.';
    const before = ['Actions.\nThe board noted the dashboard. ' + quote + ' The chair closed the meeting.'];
    const after = ['Actions.\nThe board noted the dashboard. The chair closed the meeting.'];
    const result = reanchor(anchorOn(before, quote), after);
    expect(result).toEqual({ status: 'orphaned', reason: expect.stringMatching(/not in the new version/) as unknown as string, quote });
  });

  it('orphans a passage rewritten beyond the threshold, saying how close the nearest wording came', () => {
    const before = ['The audit found that most referrals lacked a chronology and that escalation was rarely used.'];
    const after = ['Auditors saw few chronologies in referrals; escalation was uncommon in practice.'];
    const result = reanchor(anchorOn(before, 'most referrals lacked a chronology and that escalation was rarely used'), after);
    expect(result.status).toBe('orphaned');
    if (result.status === 'orphaned') expect(result.reason).toMatch(/deleted|rewritten/);
  });

  it('lets minConfidence decide how much change is tolerated', () => {
    const before = ['Findings. The audit found that forty per cent of referrals lacked a chronology. Next item.'];
    const after = ['Findings. The audit found that forty-five per cent of cases lacked a chronology. Next item.'];
    const anchor = anchorOn(before, 'The audit found that forty per cent of referrals lacked a chronology.');
    expect(reanchor(anchor, after).status).toBe('anchored');
    expect(reanchor(anchor, after, { minConfidence: 0.95 }).status).toBe('orphaned');
  });

  it('re-attaches a short edited quote only where its context still is', () => {
    const before = ['Actions. The chair will write to the ICB about CAMHS waits. Any other business.'];
    const anchor = anchorOn(before, 'the ICB');
    const renamed = ['Actions. The chair will write to the ICS about CAMHS waits. Any other business.'];
    expect(anchored(reanchor(anchor, renamed))).toMatchObject({ quote: 'the ICS', exact: false });
    const elsewhere = ['Minutes. Schools reported on the ICS budget for next year. AOB.'];
    expect(reanchor(anchor, elsewhere).status).toBe('orphaned');
  });

  it('treats whitespace, line breaks and hyphenation differences as the same text', () => {
    const before = ['The safeguarding partners will\nreview the multi-agency audit of neglect in the spring.'];
    const after = ['Summary.\nThe  safe-\nguarding partners will review the multi-\nagency audit\nof neglect in the spring.'];
    const anchor = anchorOn(before, 'safeguarding partners will\nreview the multi-agency audit of neglect');
    const result = anchored(reanchor(anchor, after));
    const quote = 'safe-\nguarding partners will review the multi-\nagency audit\nof neglect';
    expect(result).toEqual({ status: 'anchored', pageNumber: 1, startOffset: after[0]!.indexOf('safe-'), endOffset: after[0]!.indexOf('safe-') + quote.length, quote, confidence: 1, exact: true });
    // ...and back again, with typographic apostrophes and a ligature.
    const pdf = ['The ﬁrst child’s plan was safe-\nguarding focused.'];
    const word = ["The first child's plan was safeguarding focused."];
    expect(anchored(reanchor(anchorOn(pdf, 'ﬁrst child’s plan was safe-\nguarding'), word))).toMatchObject({ quote: "first child's plan was safeguarding", exact: true });
  });

  it('re-attaches a quote that now spans a page break, giving the page where it starts', () => {
    const before = ['Page one.', 'The review found that information sharing between schools and health was slow. Next.'];
    const quote = 'information sharing between schools and health was slow';
    const after = ['Page one. The review found that information sharing between', 'schools and health was slow. Next.'];
    const result = anchored(reanchor(anchorOn(before, quote), after));
    const start = after[0]!.indexOf('information');
    expect(result).toMatchObject({ pageNumber: 1, startOffset: start, quote: 'information sharing between\nschools and health was slow', exact: true });
    expect(result.endOffset).toBeGreaterThan(after[0]!.length);
    expect(locate(after, result.pageNumber, result.endOffset)).toEqual({ pageNumber: 2, offset: 'schools and health was slow'.length });
  });

  it('orphans everything when the new version has no text', () => {
    expect(reanchor(makeAnchor(paper, 1, 0, 20), ['', '']).status).toBe('orphaned');
  });

  it('gives the same answers one at a time as all together', () => {
    const anchors = [makeAnchor(paper, 2, 10, 70), makeAnchor(paper, 5, 300, 340), makeAnchor(paper, 1, 0, 5)];
    const after = ['Inserted page.', ...paper.slice(0, 4), paper[4]!.replace('a', 'e'), ...paper.slice(5)];
    expect(reanchorAll(anchors, after)).toEqual(anchors.map((a) => reanchor(a, after)));
  });
});

describe('the matching view', () => {
  it('reads whitespace runs as one space and joins up hyphenation, keeping case and where each character came from', () => {
    const raw = 'The  safe-\nguarding\u00a0partners\n\nagreed 2025-\n26 multi-agency “ﬁrst” plan -\nthen';
    const view = normaliseForMatching(raw);
    expect(view.text).toBe('The safeguarding partners agreed 2025-26 multiagency "first" plan - then');
    expect(raw[view.source[view.text.indexOf('guarding')]!]).toBe('g');
    expect(view.source[view.text.indexOf('fi') + 1]).toBe(raw.indexOf('ﬁ'));
    expect(normaliseForMatching('safe- guarding').text).toBe('safe- guarding'); // not at a line end: a real hyphen
  });

  it('finds the same edit distances as the textbook table (Myers bit-parallel, several 32-bit blocks)', () => {
    const levenshtein = (a: string, b: string): number => {
      let row = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i += 1) {
        const next = [i];
        for (let j = 1; j <= b.length; j += 1) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
        row = next;
      }
      return row[b.length]!;
    };
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', ' '), maxLength: 90 });
    fc.assert(
      fc.property(text, text, (pattern, t) => {
        let anywhere = pattern.length;
        let fromStart = pattern.length;
        let toEnd = pattern.length;
        for (let i = 0; i <= t.length; i += 1) {
          fromStart = Math.min(fromStart, levenshtein(pattern, t.slice(0, i)));
          toEnd = Math.min(toEnd, levenshtein(pattern, t.slice(i)));
          for (let j = i; j <= t.length; j += 1) anywhere = Math.min(anywhere, levenshtein(pattern, t.slice(i, j)));
        }
        expect(bestApproximateEnd(pattern, t, 0, t.length, 0).distance).toBe(anywhere);
        expect(distanceStartingAt(pattern, t, 0, t.length)).toBe(fromStart);
        expect(bestStartEndingAt(pattern, t, 0, t.length, 0).distance).toBe(toEnd);
      }),
      { numRuns: 60 },
    );
  });
});

// ---- properties --------------------------------------------------------------------------------------------------

/** Page text made of awkward pieces (hyphenation, ligatures, curly quotes, odd spaces), stored as extraction stores it. */
const awkwardPage = fc
  .array(fc.constantFrom('the', 'partnership', 'agreed', 'safe-\nguarding', 'multi-agency', 'ﬁle', 'child’s', ' ', ' ', '\n', '  ', '\u00a0', '-', '.', '2025-\n26', 'a', 'b'), { maxLength: 40 })
  .map((parts) => normalisePageText(parts.join('')));

const selection = fc.record({ page: fc.nat(), start: fc.nat(), length: fc.integer({ min: 1, max: 80 }) });

function pickSelection(pages: string[], s: { page: number; start: number; length: number }) {
  const pageNumber = (s.page % pages.length) + 1;
  const page = pages[pageNumber - 1]!;
  const start = page.length === 0 ? 0 : s.start % page.length;
  const end = Math.min(page.length, start + s.length);
  return { pageNumber, start, end };
}

/** How often a text's matching view holds `needle`'s matching view. */
function occurrences(haystack: string, needle: string): number {
  const h = normaliseForMatching(haystack).text;
  const n = normaliseForMatching(needle).text;
  let count = 0;
  for (let at = h.indexOf(n); at >= 0; at = h.indexOf(n, at + 1)) count += 1;
  return count;
}

describe('re-anchoring, properties', () => {
  it('finds any selection where it was, in the text it came from', () => {
    fc.assert(
      fc.property(fc.array(awkwardPage, { minLength: 1, maxLength: 5 }), selection, (pages, s) => {
        const { pageNumber, start, end } = pickSelection(pages, s);
        const quote = pages[pageNumber - 1]!.slice(start, end);
        fc.pre(/[\p{L}\p{N}]/u.test(quote));
        const result = reanchor(makeAnchor(pages, pageNumber, start, end), pages);
        expect(result).toEqual({ status: 'anchored', pageNumber, startOffset: start, endOffset: end, quote, confidence: 1, exact: true });
      }),
      { numRuns: 300 },
    );
  });

  it('never lands on other words when text is inserted elsewhere', () => {
    const inserted = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => ` ${w.join(' ')}\n`);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 6 }),
        selection,
        fc.record({ page: fc.nat(), at: fc.nat() }),
        inserted,
        fc.boolean(),
        (seed, pageCount, s, where, text, newPage) => {
          const pages = paginate(paragraphs(seed, pageCount * 3), 600).slice(0, pageCount);
          const { pageNumber, start, end } = pickSelection(pages, s);
          const quote = pages[pageNumber - 1]!.slice(start, end);
          fc.pre(/[\p{L}\p{N}]/u.test(quote));
          const anchor = makeAnchor(pages, pageNumber, start, end);

          let after: string[];
          let expected: { pageNumber: number; startOffset: number } | undefined;
          let outsideContext = true;
          if (newPage) {
            // A whole new page somewhere.
            const index = where.page % (pages.length + 1);
            after = [...pages.slice(0, index), text.trim(), ...pages.slice(index)];
            expected = { pageNumber: index < pageNumber ? pageNumber + 1 : pageNumber, startOffset: start };
            outsideContext = !(index === pageNumber - 1 && start < 40) && !(index === pageNumber && end > pages[pageNumber - 1]!.length - 40);
          } else {
            // Text inserted into a page, not inside the quote nor touching it.
            const index = where.page % pages.length;
            const page = pages[index]!;
            const at = where.at % (page.length + 1);
            const same = index === pageNumber - 1;
            fc.pre(!same || at < start || at > end);
            after = pages.map((p, i) => (i === index ? p.slice(0, at) + text + p.slice(at) : p));
            expected = { pageNumber, startOffset: same && at < start ? start + text.length : start };
            outsideContext = !same || at < start - 40 || at > end + 40;
          }
          const result = anchored(reanchor(anchor, after));
          expect(result.quote).toBe(quote);
          expect(result.exact).toBe(true);
          // Where the passage and its context are one of a kind, it must be the very place.
          const window = anchor.prefix + anchor.quote + anchor.suffix;
          if (outsideContext && occurrences(after.join('\n'), window) === 1) {
            expect(result).toMatchObject({ ...expected, endOffset: expected.startOffset + (end - start) });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
