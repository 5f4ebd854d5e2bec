import { ACTION_SOURCE_LABELS, type ActionSource, type ActionStatus, type Rag } from '../../../src/domain/vocabulary.js';

/** The tracker's words for each status, RAG and source, as the partnerships write them. */
export const STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  proposed_complete: 'Proposed complete',
  complete: 'Complete (signed off)',
  withdrawn: 'Withdrawn',
};

export const RAG_LABELS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

export const sourceLabel = (source: ActionSource): string => ACTION_SOURCE_LABELS[source];

/** Statuses an edit may set: completion goes through proposal and sign-off (src/contract/actions.ts). */
export const EDITABLE_STATUSES = ['not_started', 'in_progress', 'withdrawn'] as const satisfies readonly ActionStatus[];
export type EditableStatus = (typeof EDITABLE_STATUSES)[number];

export const isEditableStatus = (status: ActionStatus): status is EditableStatus => (EDITABLE_STATUSES as readonly string[]).includes(status);
