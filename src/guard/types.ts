/** What the child-identifier guard can flag. */
export const FLAG_KINDS = ['nhs_number', 'date_of_birth', 'postcode', 'case_reference'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** What each kind is called, for people: the tab's warning and the server's refusal say the same. */
export const FLAG_LABELS: Record<FlagKind, string> = {
  nhs_number: 'NHS number',
  date_of_birth: 'Date of birth',
  postcode: 'Postcode',
  case_reference: 'Case reference',
};

/**
 * A stretch of text that may identify a child. `start`/`end` are UTF-16 offsets into the input (what
 * `String.prototype.slice` and the DOM use), so the tab can highlight exactly `text`.
 */
export interface Flag {
  kind: FlagKind;
  start: number;
  end: number;
  text: string;
  /** A short en-GB sentence for the scrutineer: why this was flagged. */
  reason: string;
}

/** A partnership's own case-reference format, e.g. `{ label: 'Mosaic id', pattern: '\\bMOS-?\\d{6,8}\\b' }`. */
export interface CaseReferencePattern {
  label: string;
  /**
   * A JavaScript regular expression source, compiled with the `u` flag. When it has a group named `ref`,
   * only that group is flagged (so `Mosaic ID (?<ref>\d{6,8})` highlights the number, not the label).
   */
  pattern: string;
  ignoreCase?: boolean;
}

export interface GuardOptions {
  /** Extra patterns, checked in addition to the built-in defaults. */
  caseReferencePatterns?: readonly CaseReferencePattern[];
  /** Set false to use only the configured patterns (e.g. when a default clashes with local usage). */
  useDefaultCaseReferences?: boolean;
}
