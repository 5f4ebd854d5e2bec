import type { Flag } from './types.js';

// The full UK postcode format (BS 7666, as published by the Government Data Standards Catalogue): an
// outward code A9, A99, AA9, AA99, A9A or AA9A, then an inward code 9AA, with or without one space.
// The letters each position may hold are restricted, which keeps out most look-alikes (Q3 2024, FY24 4AA).
// An outward code alone (SW1A, B12) names a district, not an address, so it is never flagged.
const OUTWARD = '(?:[A-PR-UWYZ](?:\\d{1,2}|\\d[A-HJKPS-UW]|[A-HK-Y]\\d{1,2}|[A-HK-Y]\\d[ABEHMNPRV-Y]))';
const INWARD = '\\d[ABD-HJLNP-UW-Z]{2}';
const POSTCODE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:GIR[ \\u00a0]?0AA|${OUTWARD}[ \\u00a0]?${INWARD})(?![\\p{L}\\p{N}])`,
  'giu',
);

/**
 * Full UK postcodes, in any case. The postcode of an office is flagged too: the guard cannot tell a
 * school's or a family's address apart, and the scrutineer can keep it with one click.
 */
export function findPostcodes(text: string): Flag[] {
  const flags: Flag[] = [];
  for (const m of text.matchAll(POSTCODE)) {
    flags.push({
      kind: 'postcode',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      reason: 'Looks like a full UK postcode, which can point to a home address.',
    });
  }
  return flags;
}
