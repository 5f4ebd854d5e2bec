import type { ActionStatus, Rag } from './vocabulary.js';

/**
 * An action's RAG is computed from where it stands, never typed: two trackers (or two people)
 * then always agree on what "red" means. Pure; the thresholds come from configuration
 * (RAG_RED_MAX_PERCENT, RAG_AMBER_MAX_PERCENT, RAG_OVERDUE_RED_BELOW_PERCENT).
 *
 * The rule, with the default thresholds:
 * - withdrawn: no RAG (it is no longer being done);
 * - complete (signed off): green;
 * - overdue (due before today, UK calendar day) and under 50% done: red;
 * - otherwise by per cent done: up to 25% red, 26–75% amber, over 75% green.
 * An action with no due date is never overdue. Proposed complete follows the same rule: it is
 * not green until signed off unless its per cent done says so.
 */
export interface RagThresholds {
  /** Per cent done at or below which an action is red. */
  redMaxPercent: number;
  /** Per cent done at or below which (and above redMaxPercent) an action is amber; above it, green. */
  amberMaxPercent: number;
  /** An overdue action under this per cent done is red whatever the bands say; 0 turns this off. */
  overdueRedBelowPercent: number;
}

export const DEFAULT_RAG_THRESHOLDS: RagThresholds = { redMaxPercent: 25, amberMaxPercent: 75, overdueRedBelowPercent: 50 };

export interface RagInput {
  status: ActionStatus;
  percentComplete: number;
  /** YYYY-MM-DD, a UK calendar day. */
  dueDate: string | null;
}

/** Due before today (both UK calendar days, YYYY-MM-DD, so they compare as text). Due today is not overdue. */
export const isOverdue = (dueDate: string | null, today: string): boolean => dueDate !== null && dueDate < today;

export function actionRag(a: RagInput, today: string, t: RagThresholds = DEFAULT_RAG_THRESHOLDS): Rag | null {
  if (a.status === 'withdrawn') return null;
  if (a.status === 'complete') return 'green';
  if (isOverdue(a.dueDate, today) && a.percentComplete < t.overdueRedBelowPercent) return 'red';
  if (a.percentComplete <= t.redMaxPercent) return 'red';
  if (a.percentComplete <= t.amberMaxPercent) return 'amber';
  return 'green';
}

/** The rule in words, for the tab's legend and the README. */
export function describeRagRule(t: RagThresholds): string {
  const overdue = t.overdueRedBelowPercent > 0 ? `Overdue and under ${t.overdueRedBelowPercent}% complete is red; otherwise u` : 'U';
  return `${overdue}p to ${t.redMaxPercent}% is red, ${t.redMaxPercent + 1}–${t.amberMaxPercent}% amber, over ${t.amberMaxPercent}% green. Complete is green; withdrawn has no RAG.`;
}
