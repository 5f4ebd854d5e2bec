import type { ActionSource, ActionStatus, Rag } from '../../../src/domain/vocabulary.js';
import { ACTION_SOURCES, ACTION_STATUSES, RAG } from '../../../src/domain/vocabulary.js';

/** What the tracker shows: one value per filter ('' is any), and words to search for. */
export interface TrackerFilters {
  status: ActionStatus | '';
  rag: Rag | '';
  areaId: string;
  agencyId: string;
  source: ActionSource | '';
  ownerId: string;
  forumId: string;
  q: string;
}

export const NO_FILTERS: TrackerFilters = { status: '', rag: '', areaId: '', agencyId: '', source: '', ownerId: '', forumId: '', q: '' };

export const GROUP_BYS = ['none', 'area', 'agency', 'source', 'owner'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export const GROUP_BY_LABELS: Record<GroupBy, string> = {
  none: 'No grouping',
  area: 'Checklist area',
  agency: 'Agency',
  source: 'Source',
  owner: 'Owner',
};

export const isGroupBy = (value: string | null): value is GroupBy => (GROUP_BYS as readonly string[]).includes(value ?? '');

export function hasFilters(f: TrackerFilters): boolean {
  return Object.values(f).some((v) => v !== '');
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' => ((values as readonly string[]).includes(value ?? '') ? (value as T) : '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const id = (value: string | null) => (value && UUID.test(value) ? value.toLowerCase() : '');

/** Filters from the address (`#/tracker?status=in_progress&forum=…`): a configured tab or a shared link. Anything unknown is ignored. */
export function filtersFromParams(params: URLSearchParams): TrackerFilters {
  return {
    status: oneOf(ACTION_STATUSES, params.get('status')),
    rag: oneOf(RAG, params.get('rag')),
    areaId: id(params.get('area')),
    agencyId: id(params.get('agency')),
    source: oneOf(ACTION_SOURCES, params.get('source')),
    ownerId: id(params.get('owner')),
    forumId: id(params.get('forum')),
    q: (params.get('q') ?? '').slice(0, 200),
  };
}

/** The export's query for the filters it takes (the forum is not one of them: src/contract/action-import.ts). */
export function exportQuery(f: TrackerFilters): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.status) q.status = f.status;
  if (f.source) q.source = f.source;
  if (f.rag) q.rag = f.rag;
  if (f.areaId) q.areaId = f.areaId;
  if (f.agencyId) q.agencyId = f.agencyId;
  if (f.ownerId) q.ownerId = f.ownerId;
  if (f.q.trim()) q.q = f.q.trim();
  return q;
}
