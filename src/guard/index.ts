export { createChildIdentifierGuard, findChildIdentifiers, resolveOverlaps, type ChildIdentifierGuard } from './child-identifiers.js';
export { DEFAULT_CASE_REFERENCE_PATTERNS, compileCaseReferencePatterns } from './case-references.js';
export { checkPattern, MAX_PATTERN_LENGTH, PatternError } from './pattern-safety.js';
export { isValidNhsNumber, nhsCheckDigit } from './nhs-number.js';
export { FLAG_KINDS, FLAG_LABELS, type CaseReferencePattern, type Flag, type FlagKind, type GuardOptions } from './types.js';
