import type { Flag } from './types.js';

/**
 * The NHS number check digit (Modulus 11): weights 10..2 over the first nine digits; 11 - (sum mod 11),
 * where 11 reads as 0 and 10 means the number is not valid. Returns null for a number that cannot exist.
 */
export function nhsCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

/** True for ten digits (separators ignored) with a valid check digit, other than one digit repeated. */
export function isValidNhsNumber(candidate: string): boolean {
  const digits = candidate.replace(/[\s.-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  // 0000000000 and the like pass Modulus 11 but are never issued; they are placeholders in forms.
  if (/^(\d)\1{9}$/.test(digits)) return false;
  return nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

// Ten digits grouped 3-3-4, each gap empty or one space, no-break space, hyphen or dot (people type
// "999 5872110" and "999.587.2110" too). Not inside a longer run of digits, nor a decimal or a grouped
// figure (1,234,567,890), nor after +44 (a phone number's 3-3-4).
const SEP = '[ \\u00a0.-]?';
const NHS_SHAPE = new RegExp(
  `(?<![\\p{L}\\p{N}]|\\d[.,]|\\+44[\\s\\u00a0]?(?:\\(0\\)[\\s\\u00a0]?)?)\\d{3}${SEP}\\d{3}${SEP}\\d{4}(?![\\p{L}\\p{N}]|[.,]\\d)`,
  'gu',
);

export function findNhsNumbers(text: string): Flag[] {
  const flags: Flag[] = [];
  for (const m of text.matchAll(NHS_SHAPE)) {
    if (!isValidNhsNumber(m[0])) continue;
    flags.push({
      kind: 'nhs_number',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      reason: 'Looks like an NHS number (ten digits with a valid check digit).',
    });
  }
  return flags;
}
