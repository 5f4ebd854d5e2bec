import type { SortKey } from './sort-keys.js';

/** The tracker's columns in order: what each header says, what it sorts by, and its width. */
export interface Column {
  key: SortKey | 'open';
  label: string;
  width: string;
  sortable: boolean;
}

export const COLUMNS: readonly Column[] = [
  { key: 'reference', label: 'Reference', width: '7rem', sortable: true },
  { key: 'title', label: 'Action', width: '20rem', sortable: true },
  { key: 'source', label: 'Source', width: '7.5rem', sortable: true },
  { key: 'area', label: 'Checklist area', width: '12rem', sortable: true },
  { key: 'owner', label: 'Owner', width: '9rem', sortable: true },
  { key: 'agency', label: 'Agency', width: '9rem', sortable: true },
  { key: 'dueDate', label: 'Due date', width: '7.5rem', sortable: true },
  { key: 'status', label: 'Status', width: '11rem', sortable: true },
  { key: 'rag', label: 'RAG', width: '6.5rem', sortable: true },
  { key: 'lastUpdate', label: 'Last update', width: '12rem', sortable: true },
  { key: 'evidence', label: 'Evidence', width: '9rem', sortable: true },
  { key: 'open', label: 'Details', width: '6rem', sortable: false },
];

/** Every row is this tall (two lines of text at most), so the windowed list can place rows by arithmetic. */
export const ROW_HEIGHT = 64;

export const SORT_LABELS: Record<SortKey, string> = Object.fromEntries(COLUMNS.filter((c) => c.sortable).map((c) => [c.key, c.label])) as Record<SortKey, string>;
