import type { ActionHistoryEntry } from '../../../src/contract/actions.js';
import { ACTION_STATUSES, type ActionStatus } from '../../../src/domain/vocabulary.js';
import { formatDay } from '../format/day-dates.js';
import { STATUS_LABELS } from './tracker-labels.js';

const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  percentComplete: '% complete',
  dueDate: 'Due date',
  owner: 'Owner',
  agency: 'Agency',
  area: 'Checklist area',
  title: 'Action',
  description: 'Description',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value in the history in words: a status's label, a day as "15 Dec 2026", a person's name… */
function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (field === 'status' && typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value)) return STATUS_LABELS[value as ActionStatus];
  if (field === 'percentComplete' && typeof value === 'number') return `${value}%`;
  if (field === 'dueDate' && typeof value === 'string') return formatDay(value);
  if (isRecord(value) && typeof value.name === 'string') return value.name;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'changed';
}

/** What one history entry changed, one line per change, in words. */
export function describeChanges(entry: ActionHistoryEntry): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(entry.changes)) {
    if (key === 'note' || key === 'via') continue;
    if (key === 'created') lines.push('Created');
    else if (key === 'evidenceAdded') lines.push(`Evidence added: ${isRecord(value) && typeof value.title === 'string' ? value.title : 'a link'}`);
    else if (key === 'signOff') lines.push(value === 'declined' ? 'Sign-off declined' : 'Signed off');
    else if (isRecord(value) && ('from' in value || 'to' in value)) {
      lines.push(`${FIELD_LABELS[key] ?? key}: ${valueText(key, value.from)} → ${valueText(key, value.to)}`);
    } else if (key in FIELD_LABELS) lines.push(`${FIELD_LABELS[key]}: ${valueText(key, value)}`);
  }
  if (isRecord(entry.changes.via)) lines.push('Sent from an evidence request in Teams');
  return lines;
}

export const SURFACE_LABELS: Record<ActionHistoryEntry['surface'], string> = {
  tab: 'in the tab',
  bot: 'in Teams chat',
  cli: 'from the command line',
  api: 'through the API',
  system: 'by Line of Sight',
};
