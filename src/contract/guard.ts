import { z } from 'zod';
import { checkPattern, MAX_PATTERN_LENGTH } from '../guard/pattern-safety.js';
import { FLAG_KINDS } from '../guard/types.js';
import { UserText } from './values.js';

export const MAX_CASE_REFERENCE_PATTERNS = 20;

/** A partnership's own case-reference format; the pattern is checked to be valid and safe to run. */
export const CaseReferencePatternSchema = z.strictObject({
  label: UserText(60),
  pattern: z
    .string({ error: 'must be text' })
    .max(MAX_PATTERN_LENGTH, { error: `must be at most ${MAX_PATTERN_LENGTH} characters` })
    .superRefine((pattern, ctx) => {
      const problem = checkPattern(pattern);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    }),
  ignoreCase: z.boolean().optional(),
});
export type CaseReferencePatternInput = z.infer<typeof CaseReferencePatternSchema>;

export const CaseReferencePatternsSchema = z
  .array(CaseReferencePatternSchema)
  .max(MAX_CASE_REFERENCE_PATTERNS, { error: `must hold at most ${MAX_CASE_REFERENCE_PATTERNS} patterns` });

/** A stretch of text the guard flagged; offsets are UTF-16, as the tab's string and DOM offsets are. */
export const GuardFlagSchema = z.object({
  kind: z.enum(FLAG_KINDS),
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
  text: z.string(),
  reason: z.string(),
});
export type GuardFlag = z.infer<typeof GuardFlagSchema>;
