/** A passage selected in a page, with a little of the text either side (the server uses it to tell repeats apart). */
export interface SelectedPassage {
  pageNumber: number;
  quote: string;
  prefix: string;
  suffix: string;
}

const CONTEXT = 64;
const tidy = (text: string) => text.replace(/\s+/g, ' ');

/** Reads the browser's selection when it starts in one of `root`'s pages (`[data-page-number]` holding a `[data-page-text]`). */
export function readSelectedPassage(root: HTMLElement | null): SelectedPassage | null {
  const selection = window.getSelection();
  if (!root || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const page = start?.closest<HTMLElement>('[data-page-number]');
  if (!page || !root.contains(page)) return null;
  const text = page.querySelector<HTMLElement>('[data-page-text]') ?? page;
  const quote = tidy(selection.toString()).trim();
  if (!quote) return null;

  let prefix = '';
  if (text.contains(range.startContainer)) {
    const before = document.createRange();
    before.selectNodeContents(text);
    before.setEnd(range.startContainer, range.startOffset);
    prefix = tidy(before.toString()).slice(-CONTEXT);
  }
  let suffix = '';
  if (text.contains(range.endContainer)) {
    const after = document.createRange();
    after.selectNodeContents(text);
    after.setStart(range.endContainer, range.endOffset);
    suffix = tidy(after.toString()).slice(0, CONTEXT);
  }
  return {
    pageNumber: Number(page.dataset.pageNumber),
    quote: quote.slice(0, 5000),
    prefix,
    suffix,
  };
}
