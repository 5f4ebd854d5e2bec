import { EVIDENCE_TYPE_LABELS, JUDGEMENT_LABELS, type EvidenceType, type Judgement } from '../../../src/domain/vocabulary.js';
import type { OutboxStatus } from './use-outbox.js';

/** Short judgement names for the narrow timeline; the form uses the full wording (JUDGEMENT_LABELS). */
export const JUDGEMENT_SHORT: Record<Judgement, string> = {
  gone_well: 'Gone well',
  too_early: 'Too early to tell',
  concern: 'Concern',
};

export const judgementLabel = (j: Judgement) => JUDGEMENT_LABELS[j];
export const evidenceLabel = (e: EvidenceType) => EVIDENCE_TYPE_LABELS[e];

export const STATUS_LABELS: Record<OutboxStatus | 'saved', string> = {
  saving: 'Saving…',
  saved: 'Saved',
  waiting: 'Waiting for network, kept on this device',
  failed: 'Not saved',
};
