/**
 * The tracker fields a column of an imported spreadsheet can fill, and the headers trackers use for each
 * (from the partnerships' own action plans: "Ref", "Recommendation", "Lead agency", "Timescale", "RAG"…).
 * Zod-free, so the tab can show the same list.
 */
export const IMPORT_FIELDS = [
  'reference',
  'title',
  'description',
  'source',
  'sourceRef',
  'area',
  'owner',
  'agency',
  'forum',
  'dueDate',
  'status',
  'percentComplete',
  'evidence',
  'update',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportFieldInfo {
  label: string;
  required: boolean;
  /** What the cell should hold, for the mapping screen and the CLI's help. */
  hint: string;
}

export const IMPORT_FIELD_INFO: Record<ImportField, ImportFieldInfo> = {
  reference: { label: 'Reference', required: true, hint: 'unique within the tracker, e.g. CSPR-03 (at most 40 characters)' },
  title: { label: 'Action', required: true, hint: 'the action or recommendation' },
  description: { label: 'Description', required: false, hint: 'more detail' },
  source: { label: 'Source', required: false, hint: 'scrutiny, challenge, minutes, case review, audit or Section 11 (or a source for every row)' },
  sourceRef: { label: 'Source reference', required: false, hint: 'which review, audit or report it came from' },
  area: { label: 'Checklist area', required: false, hint: "an area of the partnership's checklist, by name or number" },
  owner: { label: 'Owner', required: false, hint: 'a person of the partnership, by name or email' },
  agency: { label: 'Agency', required: false, hint: 'an agency of the partnership, by name' },
  forum: { label: 'Forum', required: false, hint: 'the board or subgroup overseeing it, by name' },
  dueDate: { label: 'Due date', required: false, hint: 'a date: 15/12/2026, 15 Dec 2026 or 2026-12-15' },
  status: { label: 'Status', required: false, hint: 'not started, in progress, proposed complete, complete or withdrawn' },
  percentComplete: { label: '% complete', required: false, hint: 'a number from 0 to 100, or a percentage' },
  evidence: { label: 'Evidence', required: false, hint: 'links (https://…), one per line' },
  update: { label: 'Latest update', required: false, hint: 'the latest progress note' },
};

/**
 * Headers each field answers to, normalised (see normaliseHeader). Longer, more specific phrases come
 * with their field so that "Action owner" is an owner, not an action, and "Action ref" a reference.
 */
export const HEADER_SYNONYMS: Record<ImportField, string[]> = {
  reference: ['ref', 'reference', 'ref no', 'ref number', 'reference number', 'action ref', 'action reference', 'action no', 'action number', 'action id', 'id', 'no', 'number', 'rec no', 'recommendation no', 'recommendation number', 'item no'],
  title: ['action', 'actions', 'title', 'action title', 'recommendation', 'recommendations', 'action required', 'actions required', 'action to be taken', 'what', 'what will be done', 'task', 'agreed action', 'action recommendation', 'recommendation action', 'learning point'],
  description: ['description', 'detail', 'details', 'action detail', 'action details', 'further detail', 'how', 'narrative', 'rationale', 'success measure', 'success measures', 'outcome sought', 'expected outcome'],
  source: ['source', 'action source', 'origin', 'source type', 'type', 'arising from', 'where from', 'from'],
  sourceRef: ['source reference', 'source ref', 'source document', 'report', 'review', 'audit', 'review name', 'report name', 'originating report', 'meeting'],
  area: ['area', 'checklist area', 'scrutiny area', 'theme', 'priority', 'priority area', 'category', 'strand', 'framework area', 'assurance area', 'domain'],
  owner: ['owner', 'action owner', 'lead', 'lead officer', 'lead person', 'responsible', 'responsible officer', 'responsible person', 'who', 'by whom', 'assigned to', 'owner name', 'named lead', 'accountable officer'],
  agency: ['agency', 'lead agency', 'organisation', 'organization', 'lead organisation', 'lead organization', 'partner', 'partner agency', 'lead partner', 'service', 'responsible agency'],
  forum: ['forum', 'subgroup', 'sub group', 'lead subgroup', 'board', 'group', 'overseeing group', 'reporting to', 'governance', 'meeting group', 'oversight'],
  dueDate: ['due', 'due date', 'deadline', 'target date', 'completion date', 'target completion date', 'timescale', 'timescales', 'by when', 'date due', 'target', 'review date', 'end date', 'due by'],
  status: ['status', 'action status', 'current status', 'state', 'progress status'],
  percentComplete: ['% complete', 'percent complete', 'percentage complete', '% completed', 'complete %', '% progress', 'progress %', 'completion %', '% done', 'percent', 'percentage'],
  evidence: ['evidence', 'evidence link', 'evidence links', 'evidence of completion', 'evidence of impact', 'link', 'links', 'supporting evidence', 'evidence location'],
  update: ['update', 'updates', 'latest update', 'last update', 'progress update', 'progress', 'progress to date', 'comments', 'comment', 'notes', 'note', 'commentary', 'current position', 'position', 'update on progress'],
};

/** Headers of a column the tracker works out itself: recognised so they can be said to be ignored. */
export const COMPUTED_HEADERS = ['rag', 'rag rating', 'rag status', 'red amber green', 'brag', 'rating', 'overall rag', 'rag rating current'];

/** Lower case, "&" as "and", punctuation as spaces (but "%" kept: it tells a percentage). */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9%]+/g, ' ')
    .replace(/%/g, ' % ')
    .replace(/\s+/g, ' ')
    .trim();
}
