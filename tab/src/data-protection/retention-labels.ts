import type { RetentionCategory } from '../../../src/contract/data-protection.js';

/** What each retention period covers, and from when it counts, in the business manager's words. */
export const RETENTION_LABELS: Record<RetentionCategory, { label: string; hint: string }> = {
  observations: { label: 'Observations', hint: 'From when they were observed. Annotations that carry them go with them.' },
  annotations: { label: 'Annotations on papers', hint: 'From when they were made.' },
  closedChallenges: { label: 'Closed challenges', hint: 'From when they were closed, with their responses. Kept while an open action comes from them.' },
  completedActions: { label: 'Completed or withdrawn actions', hint: 'From sign-off, with their history and evidence links.' },
  closedEscalations: { label: 'Resolved escalations', hint: 'From when they were resolved.' },
  auditLog: { label: 'Audit log entries', hint: 'From when they were written.' },
};

/** "72 months (6 years)", or "kept" for null. */
export function periodText(months: number | null): string {
  if (months === null) return 'kept until removed by hand';
  const years = months % 12 === 0 ? ` (${months / 12} year${months === 12 ? '' : 's'})` : '';
  return `${months} month${months === 1 ? '' : 's'}${years}`;
}
