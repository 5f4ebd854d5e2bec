import { ACTION_STATUS_LABELS } from '../domain/evidence-links.js';
import { ACTION_SOURCE_LABELS, type Rag } from '../domain/vocabulary.js';
import type { TrackerRow } from '../storage/repositories/action-tracker-repository.js';
import { ukNumericDate } from '../domain/uk-date.js';

/**
 * The tracker as a table, column by column, for the CSV and xlsx exports. The headers are ones the
 * importer recognises, so an export imports back to the same actions. Pure.
 */
export type OutCell = string | number | { date: string } | null;

export interface ExportColumn {
  header: string;
  /** Width in characters, for the workbook. */
  width: number;
  wrap?: boolean;
}

export const EXPORT_COLUMNS: ExportColumn[] = [
  { header: 'Reference', width: 12 },
  { header: 'Action', width: 60, wrap: true },
  { header: 'Source', width: 14 },
  { header: 'Checklist area', width: 34, wrap: true },
  { header: 'Owner', width: 24 },
  { header: 'Agency', width: 30 },
  { header: 'Due date', width: 12 },
  { header: 'Status', width: 18 },
  { header: 'RAG', width: 8 },
  { header: '% complete', width: 11 },
  { header: 'Last update', width: 50, wrap: true },
  { header: 'Evidence', width: 50, wrap: true },
  // Beyond the columns the tracker shows: the rest of an action, so nothing is lost on the way back in.
  { header: 'Description', width: 50, wrap: true },
  { header: 'Source reference', width: 24 },
  { header: 'Forum', width: 24 },
];

export const RAG_COLUMN = EXPORT_COLUMNS.findIndex((c) => c.header === 'RAG');

const STATUS_LABEL = (s: keyof typeof ACTION_STATUS_LABELS) => ACTION_STATUS_LABELS[s].charAt(0).toUpperCase() + ACTION_STATUS_LABELS[s].slice(1);
const RAG_LABEL: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

export interface ExportAction {
  row: TrackerRow;
  rag: Rag | null;
}

export function exportRows(actions: readonly ExportAction[]): OutCell[][] {
  return actions.map(({ row: a, rag }) => [
    a.reference,
    a.title,
    ACTION_SOURCE_LABELS[a.source],
    a.area?.name ?? null,
    a.owner?.name ?? null,
    a.agency?.name ?? null,
    a.dueDate ? { date: a.dueDate } : null,
    STATUS_LABEL(a.status),
    rag ? RAG_LABEL[rag] : null,
    a.percentComplete,
    a.lastUpdate?.comment ?? null,
    a.evidence.map((e) => e.url).join('\n') || null,
    a.description || null,
    a.sourceRef,
    a.forum?.name ?? null,
  ]);
}

/** "2026-12-15" → "15/12/2026". */

/** A cell as CSV text: dates as UK dates. */
export const csvText = (c: OutCell): string => (c === null ? '' : typeof c === 'number' ? String(c) : typeof c === 'string' ? c : ukNumericDate(c.date));
