import { describe, expect, it } from 'vitest';
import type { TrackerAction } from '../../src/contract/actions.js';
import { layoutBars } from '../../tab/src/charts/bar-chart-layout.js';
import type { ChartSpec } from '../../tab/src/charts/chart-spec.js';
import { wrapText } from '../../tab/src/charts/wrap-text.js';
import { viewParts } from '../../tab/src/config/view-choice.js';
import { buildTabConfig } from '../../tab/src/config/tab-config.js';
import { formatDay, formatDayLong } from '../../tab/src/format/day-dates.js';
import { filterPrepared } from '../../tab/src/tracker/filter-actions.js';
import { groupRows } from '../../tab/src/tracker/group-rows.js';
import { prepareActions } from '../../tab/src/tracker/prepared-actions.js';
import { SortRanks, sortPrepared } from '../../tab/src/tracker/sort-keys.js';
import { exportQuery, filtersFromParams, NO_FILTERS } from '../../tab/src/tracker/tracker-filters.js';
import { patchOf, draftOf } from '../../tab/src/tracker/action-form-state.js';

const AREA_A = { id: '00000000-0000-4000-8000-0000000000a1', name: 'Leadership' };
const AREA_B = { id: '00000000-0000-4000-8000-0000000000a2', name: 'Engagement of relevant agencies' };
const OWNER = { id: '00000000-0000-4000-8000-0000000000b1', name: 'Priya Nair' };

function action(over: Partial<TrackerAction> & { reference: string }): TrackerAction {
  return {
    id: `00000000-0000-4000-8000-${String(Math.abs(hash(over.reference))).padStart(12, '0').slice(0, 12)}`,
    title: `Action ${over.reference}`,
    description: '',
    source: 'scrutiny',
    sourceRef: null,
    area: null,
    owner: null,
    agency: null,
    forum: null,
    dueDate: null,
    status: 'in_progress',
    percentComplete: 0,
    rag: 'amber',
    overdue: false,
    lastUpdate: null,
    evidence: { count: 0, links: [] },
    completionProposed: null,
    signedOff: null,
    version: 1,
    updatedAt: '2026-11-01T10:00:00Z',
    ...over,
  };
}

function hash(s: string): number {
  let h = 7;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) % 1_000_000_007;
  return h;
}

const ACTIONS = [
  action({ reference: 'SCR-10', dueDate: '2026-12-01', area: AREA_A, rag: 'red', source: 'scrutiny', owner: OWNER }),
  action({ reference: 'SCR-9', dueDate: null, area: AREA_B, rag: 'green', source: 'scrutiny' }),
  action({ reference: 'AUD-02', dueDate: '2026-10-01', area: AREA_A, rag: 'amber', source: 'audit', lastUpdate: { at: '2026-11-02T09:00:00Z', by: OWNER, comment: 'Neglect audit repeated' } }),
  action({ reference: 'CH-01', dueDate: '2027-01-15', area: null, rag: null, status: 'withdrawn', source: 'challenge' }),
];

describe('the tracker’s in-memory view', () => {
  const prepared = prepareActions(ACTIONS);
  const ranks = new SortRanks(prepared);
  const refs = (list: { action: TrackerAction }[]) => list.map((p) => p.action.reference);

  it('sorts references naturally (SCR-9 before SCR-10) and keeps empty values last both ways', () => {
    expect(refs(sortPrepared(prepared, { key: 'reference', direction: 'ascending' }, ranks))).toEqual(['AUD-02', 'CH-01', 'SCR-9', 'SCR-10']);
    expect(refs(sortPrepared(prepared, { key: 'dueDate', direction: 'ascending' }, ranks))).toEqual(['AUD-02', 'SCR-10', 'CH-01', 'SCR-9']);
    expect(refs(sortPrepared(prepared, { key: 'dueDate', direction: 'descending' }, ranks))).toEqual(['CH-01', 'SCR-10', 'AUD-02', 'SCR-9']);
    expect(refs(sortPrepared(prepared, { key: 'rag', direction: 'ascending' }, ranks))).toEqual(['SCR-10', 'AUD-02', 'SCR-9', 'CH-01']);
  });

  it('filters on each field and searches every word, as the export does', () => {
    expect(refs(filterPrepared(prepared, { ...NO_FILTERS, source: 'scrutiny' }))).toEqual(['SCR-10', 'SCR-9']);
    expect(refs(filterPrepared(prepared, { ...NO_FILTERS, areaId: AREA_A.id, rag: 'red' }))).toEqual(['SCR-10']);
    expect(refs(filterPrepared(prepared, { ...NO_FILTERS, q: 'neglect AUDIT' }))).toEqual(['AUD-02']);
    expect(refs(filterPrepared(prepared, { ...NO_FILTERS, q: 'neglect leadership-nowhere' }))).toEqual([]);
    expect(refs(filterPrepared(prepared, { ...NO_FILTERS, ownerId: OWNER.id }))).toEqual(['SCR-10']);
  });

  it('groups by area with headings in name order, the "no area" group last, and folds a collapsed group', () => {
    const sorted = sortPrepared(prepared, { key: 'reference', direction: 'ascending' }, ranks);
    const rows = groupRows(sorted, 'area', new Set());
    expect(rows.map((r) => (r.kind === 'group' ? `# ${r.label} (${r.count})` : r.prepared.action.reference))).toEqual([
      '# Engagement of relevant agencies (1)',
      'SCR-9',
      '# Leadership (2)',
      'AUD-02',
      'SCR-10',
      '# No checklist area (1)',
      'CH-01',
    ]);
    const folded = groupRows(sorted, 'area', new Set([AREA_A.id]));
    expect(folded.filter((r) => r.kind === 'action').map((r) => (r.kind === 'action' ? r.prepared.action.reference : ''))).toEqual(['SCR-9', 'CH-01']);
    expect(folded.find((r) => r.kind === 'group' && r.key === AREA_A.id)).toMatchObject({ expanded: false, count: 2 });
  });

  it('reads filters from the address, ignoring what it does not know, and passes the export only what it takes', () => {
    const f = filtersFromParams(new URLSearchParams(`status=in_progress&rag=purple&forum=${AREA_A.id}&area=not-an-id&q=neglect`));
    expect(f).toEqual({ ...NO_FILTERS, status: 'in_progress', forumId: AREA_A.id, q: 'neglect' });
    expect(exportQuery(f)).toEqual({ status: 'in_progress', q: 'neglect' });
  });

  it('sends only what the update form changed, with the version it was opened on', () => {
    const a = ACTIONS[0]!;
    expect(patchOf(a, draftOf(a))).toBeNull();
    expect(patchOf(a, { ...draftOf(a), percent: '40', comment: ' Figures in. ' })).toEqual({ version: 1, percentComplete: 40, comment: 'Figures in.' });
    expect(patchOf(a, { ...draftOf(a), ownerId: '', dueDate: '' })).toEqual({ version: 1, ownerPersonId: null, dueDate: null });
  });
});

describe('days in words', () => {
  it('writes a calendar day as "15 Dec 2026" and "Tue 15 December 2026", whatever the zone', () => {
    expect(formatDay('2026-12-15')).toBe('15 Dec 2026');
    expect(formatDay('2026-09-01')).toBe('1 Sep 2026');
    expect(formatDayLong('2026-12-15')).toBe('Tue 15 December 2026');
  });
});

describe('charts', () => {
  const spec: ChartSpec = {
    id: 't',
    title: 'T',
    description: 'D',
    legend: [],
    groups: [{ label: 'A checklist area with a long title that wraps', bars: [{ label: 'Q1', segments: [{ fill: 'red', value: 2 }, { fill: 'green', value: 6 }], text: '2 red, 0 amber, 6 green' }] }],
    table: { head: [], rows: [] },
  };

  it('draws bars in proportion, at the real width, with the numbers beside them or under them when narrow', () => {
    const wide = layoutBars(spec, 800);
    const rects = wide.marks.filter((m) => m.kind === 'rect');
    expect(rects.map((r) => (r.kind === 'rect' ? r.value : 0))).toEqual([2, 6]);
    const [red, green] = rects as Extract<(typeof rects)[number], { kind: 'rect' }>[];
    expect(green!.width / red!.width).toBeCloseTo(3, 5);
    const value = wide.marks.find((m) => m.kind === 'value')!;
    expect(value.kind === 'value' && value.x).toBeGreaterThan(green!.x + green!.width);
    const narrow = layoutBars(spec, 260);
    const under = narrow.marks.find((m) => m.kind === 'value')!;
    expect(under.kind === 'value' && under.x).toBe(0);
    expect(narrow.marks.find((m) => m.kind === 'heading')).toMatchObject({ kind: 'heading' });
    expect(wrapText('A checklist area with a long title that wraps', 150).length).toBeGreaterThan(1);
  });
});

describe('the tracker and dashboard tab views', () => {
  const BASE = 'https://los.example';
  const forum = { id: 'ABCDEF00-0000-4000-8000-000000000001', name: 'Quality Assurance Subgroup' };

  it('saves a tracker tab with its grouping and forum in the address, and a dashboard tab on another page', () => {
    const tracker = buildTabConfig(BASE, { surface: 'tracker', view: viewParts('tracker', { group: 'area', forum }, 'dashboard') });
    expect(tracker.contentUrl).toBe(`${BASE}/tab/tracker#/tracker?group=area&forum=${forum.id}`);
    expect(tracker.entityId).toBe('los-tracker-area-abcdef00-0000-4000-8000-000000000001');
    expect(tracker.entityId.length).toBeLessThanOrEqual(64);
    expect(tracker.suggestedDisplayName).toBe('Actions: Quality Assurance Subgroup');
    expect(buildTabConfig(BASE, { surface: 'tracker', view: viewParts('tracker', { group: 'none', forum: null }, 'dashboard') }).contentUrl).toBe(`${BASE}/tab/tracker`);
    const log = buildTabConfig(BASE, { surface: 'dashboard', view: viewParts('dashboard', { group: 'none', forum: null }, 'escalations') });
    expect(log).toEqual({ contentUrl: `${BASE}/tab/dashboard#/escalations`, websiteUrl: `${BASE}/tab/dashboard#/escalations`, entityId: 'los-escalations', suggestedDisplayName: 'Escalations log' });
  });
});
