/** An estimate of the width of text in the tab's font: SVG text does not wrap itself. */
export const CHAR_PX = 7.4;

/** Breaks text into lines of at most `maxPx` (estimated), at spaces; a longer word gets a line of its own. */
export function wrapText(text: string, maxPx: number): string[] {
  const max = Math.max(8, Math.floor(maxPx / CHAR_PX));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}
