import {
  compileCaseReferencePatterns,
  DEFAULT_CASE_REFERENCE_PATTERNS,
  findCaseReferences,
  type CompiledCaseReferencePattern,
} from './case-references.js';
import { findDatesOfBirth } from './dates-of-birth.js';
import { findNhsNumbers } from './nhs-number.js';
import { findPostcodes } from './postcodes.js';
import type { Flag, FlagKind, GuardOptions } from './types.js';

// When two flags start together, the longer wins; at equal length, the more certain detector.
const PRIORITY: Record<FlagKind, number> = { nhs_number: 0, postcode: 1, case_reference: 2, date_of_birth: 3 };

const DEFAULTS = compileCaseReferencePatterns(DEFAULT_CASE_REFERENCE_PATTERNS);

/** Sorted by position; of overlapping flags only the first (then longest, then most certain) is kept. */
export function resolveOverlaps(flags: readonly Flag[]): Flag[] {
  const ordered = [...flags].sort(
    (a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || PRIORITY[a.kind] - PRIORITY[b.kind],
  );
  const kept: Flag[] = [];
  for (const f of ordered) {
    const last = kept.at(-1);
    if (last === undefined || f.start >= last.end) kept.push(f);
  }
  return kept;
}

export type ChildIdentifierGuard = (text: string) => Flag[];

/**
 * Builds the guard once for a partnership's settings. Throws a PatternError (with the pattern's label and
 * what is wrong) when a configured case-reference pattern is invalid or could be slow; checking text never throws.
 */
export function createChildIdentifierGuard(options: GuardOptions = {}): ChildIdentifierGuard {
  const patterns: CompiledCaseReferencePattern[] = [
    ...(options.useDefaultCaseReferences === false ? [] : DEFAULTS),
    ...compileCaseReferencePatterns(options.caseReferencePatterns ?? []),
  ];
  return (text) =>
    resolveOverlaps([
      ...findNhsNumbers(text),
      ...findPostcodes(text),
      ...findCaseReferences(text, patterns),
      ...findDatesOfBirth(text),
    ]);
}

/** Text that may identify a child, as flags the scrutineer must confirm or edit before the text is shared. */
export function findChildIdentifiers(text: string, options?: GuardOptions): Flag[] {
  return createChildIdentifierGuard(options)(text);
}
