import type { ActionStatus, EvidenceRequestStatus } from '../domain/vocabulary.js';

/** One action on an evidence request's card, as it stands now. */
export interface EvidenceActionView {
  id: string;
  reference: string;
  title: string;
  dueDate: string | null;
  status: ActionStatus;
  percentComplete: number;
  forumName: string | null;
  evidence: { url: string; title: string }[];
  /** The chair may still report on it: open, and still theirs (they own it or chair its forum). */
  editable: boolean;
}

/** An evidence request with its actions: what its cards and the business manager's notice show. */
export interface EvidenceRequestView {
  id: string;
  partnershipId: string;
  chairPersonId: string;
  chairName: string;
  trigger: 'schedule' | 'due_soon';
  status: EvidenceRequestStatus;
  /** UK date the request was made. */
  askedOn: string;
  /** UK date by which an answer is asked for. */
  answerBy: string;
  /** When the request was first sent (UK date), or null if the chair could not yet be reached. */
  sentOn: string | null;
  remindersSent: number;
  /** UK date the view was made on, to mark overdue actions. */
  today: string;
  actions: EvidenceActionView[];
}

/** What one submission changed on one action (kept with the submission, to confirm a repeat the same way). */
export interface EvidenceActionChange {
  actionId: string;
  reference: string;
  status?: { from: ActionStatus; to: ActionStatus };
  percentComplete?: { from: number; to: number };
  comment?: boolean;
  evidence?: { url: string; title: string };
}

export interface EvidenceSubmissionSummary {
  submittedAt: string;
  changes: EvidenceActionChange[];
}

/** The ports the scheduler needs from the bot: activities (cards) to put in the outbox. */
export interface EvidenceMessages {
  /** The request to the chair (reminder 0), or its n-th reminder. */
  request(view: EvidenceRequestView, options: { reminder: number; submissionId: string }): Record<string, unknown>;
  /** To a business manager: the chair has not answered (or could not be reached). */
  escalation(view: EvidenceRequestView, options: { chairReached: boolean }): Record<string, unknown>;
}

/** The fields a chair fills in for each action on the card. */
export const EVIDENCE_FIELDS = ['status', 'percent', 'comment', 'evidence'] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

/** A card input's id, "status:<action id>": Teams returns each input's value under its id. */
export const evidenceInputId = (field: EvidenceField, actionId: string) => `${field}:${actionId}`;
