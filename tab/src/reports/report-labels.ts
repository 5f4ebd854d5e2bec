import type { ReportEvidence } from '../../../src/contract/reports.js';
import { twoDigits, ukClock } from '../format/uk-clock.js';
import type { SaveState } from './narrative-autosave.js';

type EvidenceKind = ReportEvidence['kind'];

/** Each kind of evidence, as the list names it. */
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  observation: 'Observation',
  challenge: 'Challenge',
  action: 'Action',
  escalation: 'Escalation',
};

/** Where an area's RAG comes from. */
export const RAG_BASIS_TEXT = {
  assessment: 'your assessment of the area',
  evidence: 'suggested from the evidence',
  none: 'no evidence yet',
} as const;

/** The judgement groups of an area's evidence, in the order a report gives them. */
export const JUDGEMENT_GROUPS = [
  { key: 'goneWell', title: 'What has gone well' },
  { key: 'tooEarly', title: 'Too early to tell' },
  { key: 'concerns', title: 'Concerns' },
] as const;

/** "10:42", UK time. */
export const clockTime = (at: Date): string => {
  const c = ukClock(at);
  return `${twoDigits(c.hour)}:${twoDigits(c.minute)}`;
};

/**
 * A section's save state in words (shown under its narrative and read out politely). A pause in typing says
 * nothing new, so the words are not read out at every keystroke: `null` keeps the last words on screen.
 */
export function saveStateText(state: SaveState): string | null {
  switch (state.kind) {
    case 'idle':
    case 'pending':
      return null;
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved at ${clockTime(state.at)}.`;
    case 'failed':
      return `Not saved yet: ${state.message} Your text is kept here; trying again at ${clockTime(state.retryAt)}.`;
    case 'conflict':
      return 'Not saved: this section was changed in another window since you opened it. Your text is kept here.';
  }
}
