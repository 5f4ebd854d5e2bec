/**
 * Marks annotated passages in a page's text (pdf.js's text layer, or plain page text). The
 * layer breaks words into spans and spaces them differently from the server's extracted text,
 * so passages are matched on letters and digits alone, then wrapped, span by span, in <mark>.
 */

interface Point {
  node: Text;
  offset: number;
}

/** The page's letters and digits in order (folded like the quote), and where each one is. */
function indexText(container: HTMLElement): { compact: string; points: Point[] } {
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let compact = '';
  const points: Point[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.data;
    for (let i = 0; i < text.length; i++) {
      for (const ch of fold(text[i]!)) {
        compact += ch;
        points.push({ node, offset: i });
      }
    }
  }
  return { compact, points };
}

/** Ligatures and widths unfolded (NFKC), case ignored, punctuation and spacing dropped. */
function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('en-GB').replace(/[^\p{L}\p{N}]/gu, '');
}

/** The stretches of text nodes the quote covers, last first (so wrapping one leaves the others' offsets intact). */
function stretches(points: Point[], start: number, end: number): { node: Text; from: number; to: number }[] {
  const out: { node: Text; from: number; to: number }[] = [];
  for (let i = start; i < end; i++) {
    const p = points[i]!;
    const last = out[out.length - 1];
    if (last && last.node === p.node) last.to = p.offset + 1;
    else out.push({ node: p.node, from: p.offset, to: p.offset + 1 });
  }
  return out.reverse();
}

export interface Highlight {
  id: string;
  quote: string;
}

/**
 * Wraps each quote's first occurrence in marks carrying `data-annotation-id`; returns the ids
 * that could not be found in this text (a layout the matching does not survive).
 */
export function highlightQuotes(container: HTMLElement, highlights: readonly Highlight[], className: string): string[] {
  const missing: string[] = [];
  for (const h of highlights) {
    const needle = fold(h.quote);
    // Indexed again for each quote: earlier marks split the text nodes.
    const { compact, points } = indexText(container);
    const at = needle ? compact.indexOf(needle) : -1;
    if (at < 0) {
      missing.push(h.id);
      continue;
    }
    for (const { node, from, to } of stretches(points, at, at + needle.length)) {
      const range = node.ownerDocument.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      const mark = node.ownerDocument.createElement('mark');
      mark.className = className;
      mark.dataset.annotationId = h.id;
      range.surroundContents(mark);
    }
  }
  return missing;
}

/** Takes every annotation mark out again, leaving the text as it was. */
export function clearHighlights(container: HTMLElement): void {
  const marks = container.querySelectorAll('mark[data-annotation-id]');
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}
