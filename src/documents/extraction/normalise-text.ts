/**
 * One normal form for page text from every format, so that a quote a reviewer selects can be found again later
 * by normalising it the same way: line breaks kept (they carry the layout), everything else about whitespace
 * made canonical.
 */

// Control characters other than tab and newline: PostgreSQL text rejects NUL, and broken font maps emit the rest.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// Soft hyphens, zero-width spaces and joiners, and byte-order marks are invisible and would split search terms.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// Tabs and every Unicode space (no-break, thin, figure...) become one ordinary space.
const SPACES = /[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/** Collapse runs of spaces, trim each line, and drop blank lines; the result has no leading or trailing newline. */
export function normalisePageText(raw: string): string {
  return raw
    .replace(/\r\n?|[\u2028\u2029\u000b\u000c]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.replace(SPACES, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
