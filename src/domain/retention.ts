/**
 * What retention removes, each after a number of months (null: kept until someone removes it):
 * observations by when they were observed; annotations by when they were made; challenges from when they
 * were closed; actions from when they were completed or withdrawn; escalations from when they were
 * resolved; audit log entries from when they were written.
 */
export const RETENTION_CATEGORIES = ['observations', 'annotations', 'closedChallenges', 'completedActions', 'closedEscalations', 'auditLog'] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

/**
 * Six years for everything, the period most local authority records policies keep partnership and
 * case-review working records (the Limitation Act's six years, after the year they close). A partnership
 * sets its own to match its records policy.
 */
export const RETENTION_DEFAULTS: Record<RetentionCategory, number | null> = {
  observations: 72,
  annotations: 72,
  closedChallenges: 72,
  completedActions: 72,
  closedEscalations: 72,
  auditLog: 72,
};

/** The label that replaces an erased person's name wherever their records remain. */
export const ERASED_PERSON_NAME = 'Erased person';
