import type { Dashboard } from '../../../src/contract/dashboard.js';
import type { Rag } from '../../../src/domain/vocabulary.js';
import type { ChartSpec } from '../charts/chart-spec.js';
import { scrutinyQuarter } from '../../../src/domain/scrutiny-period.js';

const RAG_WORD: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** Checklist areas × RAG by quarter: the actions due in each quarter by their RAG today, with the scrutineer's assessment. */
export function areasByRagSpec(d: Dashboard): ChartSpec {
  const quarterLabel = new Map(d.period.quarters.map((q) => [q.key, q]));
  let red = 0;
  const groups = d.areas.map((area) => ({
    label: area.title,
    bars: area.quarters.map((q) => {
      red += q.actions.red;
      const counted = q.actions.red + q.actions.amber + q.actions.green;
      const numbers = counted ? `${q.actions.red} red, ${q.actions.amber} amber, ${q.actions.green} green` : 'no actions due';
      return {
        label: `Q${quarterLabel.get(q.quarter)?.scrutinyQuarter ?? '?'}`,
        segments: [
          { fill: 'red' as const, value: q.actions.red },
          { fill: 'amber' as const, value: q.actions.amber },
          { fill: 'green' as const, value: q.actions.green },
        ],
        text: q.assessment ? `${numbers}; assessed ${q.assessment}` : numbers,
      };
    }),
  }));
  return {
    id: 'areas-rag',
    title: 'Checklist areas by RAG, quarter by quarter',
    description: `Actions due in each quarter of ${d.period.label} by their RAG today, for each checklist area, with the scrutineer’s own assessment where one was made: ${plural(red, 'action')} red in all. ${d.ragRule}`,
    legend: [
      { fill: 'red', label: 'Red (solid)' },
      { fill: 'amber', label: 'Amber (stripes)' },
      { fill: 'green', label: 'Green (grid)' },
    ],
    groups,
    table: {
      head: ['Checklist area', 'Quarter', 'Red', 'Amber', 'Green', 'Scrutineer’s assessment'],
      rows: d.areas.flatMap((area) =>
        area.quarters.map((q) => [area.title, quarterLabel.get(q.quarter)?.label ?? q.quarter, q.actions.red, q.actions.amber, q.actions.green, q.assessment ? RAG_WORD[q.assessment] : 'Not assessed']),
      ),
    },
    empty: 'The partnership has no checklist framework yet.',
  };
}

/** Shared observations per area, by judgement. */
export function observationsSpec(d: Dashboard): ChartSpec {
  const total = d.areas.reduce((n, a) => n + a.observations.gone_well + a.observations.too_early + a.observations.concern, 0);
  return {
    id: 'observations',
    title: 'Observations per checklist area, by judgement',
    description: `Shared observations made in ${d.period.label}, per checklist area (one tagged to two areas counts in each): ${plural(total, 'observation')} in all. Private notes are not counted.`,
    legend: [
      { fill: 'goneWell', label: 'What has gone well (grid)' },
      { fill: 'tooEarly', label: 'Too early to assess impact (stripes)' },
      { fill: 'concern', label: 'Concern that needs addressing (solid)' },
    ],
    groups: d.areas.map((a) => ({
      label: a.title,
      bars: [
        { label: 'Gone well', segments: [{ fill: 'goneWell' as const, value: a.observations.gone_well }], text: String(a.observations.gone_well) },
        { label: 'Too early', segments: [{ fill: 'tooEarly' as const, value: a.observations.too_early }], text: String(a.observations.too_early) },
        { label: 'Concern', segments: [{ fill: 'concern' as const, value: a.observations.concern }], text: String(a.observations.concern) },
      ],
    })),
    table: {
      head: ['Checklist area', 'What has gone well', 'Too early to assess impact', 'Concern that needs addressing', 'Total'],
      rows: d.areas.map((a) => [a.title, a.observations.gone_well, a.observations.too_early, a.observations.concern, a.observations.gone_well + a.observations.too_early + a.observations.concern]),
    },
  };
}

/** Challenges raised in the period: waiting, answered, overdue, escalated; and the median time to an answer. */
export function challengesSpec(d: Dashboard): ChartSpec {
  const c = d.challenges;
  const median = c.medianDaysToAnswer === null ? 'none answered yet' : days(c.medianDaysToAnswer);
  const bar = (label: string, value: number) => ({ label, segments: [{ fill: 'count' as const, value }], text: String(value) });
  return {
    id: 'challenges',
    title: 'Challenges and their answers',
    description: `${plural(c.raised, 'challenge')} raised in ${d.period.label}: ${c.open} waiting for an answer, ${c.answered} answered, ${c.overdue} overdue, ${c.escalated} escalated. Median time to the first answer: ${median}.`,
    legend: [{ fill: 'count', label: 'Challenges' }],
    groups: [{ label: null, bars: [bar('Raised', c.raised), bar('Waiting', c.open), bar('Answered', c.answered), bar('Overdue', c.overdue), bar('Escalated', c.escalated)] }],
    table: {
      head: ['Challenges', 'Number'],
      rows: [
        ['Raised in the period', c.raised],
        ['Waiting for an answer', c.open],
        ['Answered', c.answered],
        ['Overdue', c.overdue],
        ['Escalated', c.escalated],
        ['Median days to the first answer', c.medianDaysToAnswer ?? 'None answered yet'],
      ],
    },
    empty: `No challenges were raised in ${d.period.label}.`,
  };
}

/** Work-plan days planned and used against the year's budget, and quarter by quarter. */
export function workPlanSpec(d: Dashboard): ChartSpec {
  const w = d.workPlan;
  const yearLabel = `Scrutiny year ${w.scrutinyYear}/${String((w.scrutinyYear + 1) % 100).padStart(2, '0')}`;
  const bar = (label: string, fill: 'budget' | 'planned' | 'used', value: number) => ({ label, segments: [{ fill, value }], text: days(value) });
  const quarterName = (n: number) => scrutinyQuarter(w.scrutinyYear, n).label;
  return {
    id: 'work-plan',
    title: 'Work-plan days against the budget',
    description: `${yearLabel}: ${days(w.budgetDays)} budgeted, ${days(w.plannedDays)} planned, ${days(w.usedDays)} used; ${w.remainingDays >= 0 ? `${days(w.remainingDays)} left` : `${days(-w.remainingDays)} over budget`}.`,
    legend: [
      { fill: 'budget', label: 'Budget (dashed outline)' },
      { fill: 'planned', label: 'Planned (stripes)' },
      { fill: 'used', label: 'Used (solid)' },
    ],
    groups: [
      { label: yearLabel, bars: [bar('Budget', 'budget', w.budgetDays), bar('Planned', 'planned', w.plannedDays), bar('Used', 'used', w.usedDays)] },
      ...w.byQuarter.map((q) => ({ label: quarterName(q.scrutinyQuarter), bars: [bar('Planned', 'planned', q.plannedDays), bar('Used', 'used', q.usedDays)] })),
    ],
    table: {
      head: ['Period', 'Budget (days)', 'Planned (days)', 'Used (days)'],
      rows: [[yearLabel, w.budgetDays, w.plannedDays, w.usedDays], ...w.byQuarter.map((q) => [quarterName(q.scrutinyQuarter), '—', q.plannedDays, q.usedDays])],
    },
  };
}
