import type { EscalationStatus } from '../../../src/domain/vocabulary.js';

export const ESCALATION_STATUS_LABELS: Record<EscalationStatus, string> = {
  open: 'Open',
  in_resolution: 'Being resolved',
  resolved: 'Resolved',
  closed: 'Closed',
};
