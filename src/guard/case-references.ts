import { checkPattern, PatternError } from './pattern-safety.js';
import type { CaseReferencePattern, Flag } from './types.js';

/**
 * Built-in patterns, kept conservative: each has a shape that ordinary prose, figures, dates, phone and
 * invoice numbers do not take. A bare number (Mosaic, LCS and Eclipse person ids are bare numbers) is only
 * caught when a label says what it is, or by a partnership's own pattern.
 */
export const DEFAULT_CASE_REFERENCE_PATTERNS: readonly CaseReferencePattern[] = [
  {
    // CP/2024/12345, CIN-2023-0456, LAC/24/789: a children's-services prefix, a year, a serial number.
    label: 'case reference',
    pattern: '\\b(?:CP|CPP|CIN|CiN|LAC|CLA|CSC|EH|EHA|MASH|SGO)[/-](?:20\\d{2}|\\d{2})[/-]\\d{3,6}\\b',
  },
  {
    // Family court case numbers: court code, year, C (public law) or P (private law), serial: BM24C50123.
    label: 'family court case number',
    pattern: '\\b[A-Z]{2}\\d{2}[CP]\\d{5}\\b',
  },
  {
    // A number introduced by what it is: "case ref 1234567", "child no. 123456", "Mosaic ID: 456789".
    // Only the number (the group named ref) is flagged.
    label: 'labelled case number',
    pattern:
      '\\b(?:case|child|client|person|family|mosaic|lcs|eclipse|carefirst|ehm)[ \\u00a0](?:ref|reference|no|number|id)[.:#]?[ \\u00a0]?(?<ref>[A-Z]{0,2}\\d{4,10})\\b',
    ignoreCase: true,
  },
  {
    // A number straight after a case-management system's name: "Mosaic 4567891". At least five digits, so
    // that "LCS 2024" reads as a year.
    label: 'case-management system number',
    pattern: '\\b(?:mosaic|lcs|eclipse|carefirst)[ \\u00a0:#]{1,2}(?<ref>\\d{5,10})\\b',
    ignoreCase: true,
  },
];

export interface CompiledCaseReferencePattern {
  label: string;
  regex: RegExp;
}

/** Compiles patterns after checking each one; a bad pattern throws a PatternError naming its label. */
export function compileCaseReferencePatterns(patterns: readonly CaseReferencePattern[]): CompiledCaseReferencePattern[] {
  return patterns.map((p) => {
    const problem = checkPattern(p.pattern);
    if (problem !== null) throw new PatternError(`Case-reference pattern “${p.label}”: ${problem}`);
    // d: match indices, so a group named ref can narrow the flag to the identifier itself.
    return { label: p.label, regex: new RegExp(p.pattern, p.ignoreCase === true ? 'dgiu' : 'dgu') };
  });
}

export function findCaseReferences(text: string, patterns: readonly CompiledCaseReferencePattern[]): Flag[] {
  const flags: Flag[] = [];
  for (const { label, regex } of patterns) {
    regex.lastIndex = 0;
    for (const m of text.matchAll(regex)) {
      const [start, end] = m.indices?.groups?.ref ?? [m.index, m.index + m[0].length];
      if (end <= start) continue;
      flags.push({
        kind: 'case_reference',
        start,
        end,
        text: text.slice(start, end),
        reason: `Looks like a ${label}, which can identify a child's case.`,
      });
    }
  }
  return flags;
}
