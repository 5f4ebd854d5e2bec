import type { WorkPlanActivityKind } from '../../../src/domain/vocabulary.js';

export const KIND_LABELS: Record<WorkPlanActivityKind, string> = {
  observe_meeting: 'Observe a meeting',
  read_papers: 'Read papers',
  deep_dive: 'Deep dive',
  visit: 'Visit',
  meet_children_and_families: 'Meet children and families',
  section_11_challenge: 'Section 11 challenge',
  reporting: 'Reporting',
  administration: 'Administration',
};

/** "1.5 days", "1 day". */
export const daysText = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** The quarters of a scrutiny year, counted from April. */
export const QUARTER_NAMES = ['Q1 (Apr–Jun)', 'Q2 (Jul–Sep)', 'Q3 (Oct–Dec)', 'Q4 (Jan–Mar)'] as const;
