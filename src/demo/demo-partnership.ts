import type { ForumKind, Role, AgencyKind } from '../domain/vocabulary.js';

/**
 * The synthetic "Demo Borough Safeguarding Children Partnership": who is in it, its
 * forums and its meeting calendar. Every name is invented; job titles say "(demo)".
 * Pure data and date arithmetic, so the seeder only has to write it down.
 */
export const DEMO_PARTNERSHIP = {
  name: 'Demo Borough Safeguarding Children Partnership',
  shortName: 'Demo Borough SCP',
  scrutinyDaysBudget: 24,
} as const;

export interface DemoAgency {
  key: string;
  name: string;
  kind: AgencyKind;
  statutory: boolean;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  { key: 'la', name: 'Demo Borough Council', kind: 'local_authority', statutory: true },
  { key: 'police', name: 'Demo Valley Police', kind: 'police', statutory: true },
  { key: 'icb', name: 'Demo Integrated Care Board', kind: 'health', statutory: true },
  { key: 'trust', name: 'Demo Community Health NHS Trust', kind: 'health', statutory: false },
  { key: 'schools', name: 'Demo Borough Schools Partnership', kind: 'education', statutory: false },
  { key: 'probation', name: 'Demo Probation Delivery Unit', kind: 'probation', statutory: false },
  { key: 'vcs', name: 'Demo Families Voluntary Alliance', kind: 'voluntary', statutory: false },
];

/**
 * The demo people's tenant. SYNTHETIC: no real Microsoft Entra tenant has this id. It and each
 * person's `entraObjectId` exist so that the bot (and Agents Playground, whose
 * .m365agentsplayground.yml uses the same ids) matches demo people by Entra object id and
 * tenant, as it matches Teams users. The agencies keep no tenant.
 */
export const DEMO_TENANT_ID = '00000000-0000-4000-8000-00000000de70';

export interface DemoPerson {
  key: string;
  displayName: string;
  jobTitle: string;
  role: Role;
  agency: string | null;
  /** A made-up Entra object id in DEMO_TENANT_ID (synthetic, like the person). */
  entraObjectId: string;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { key: 'scrutineer', displayName: 'Jordan Ellis', jobTitle: 'Independent Scrutineer (demo)', role: 'scrutineer', agency: null, entraObjectId: '00000000-0000-4000-8000-000000000001' },
  { key: 'bm', displayName: 'Priya Nair', jobTitle: 'Partnership Business Manager (demo)', role: 'business_manager', agency: 'la', entraObjectId: '00000000-0000-4000-8000-000000000002' },
  { key: 'dcs', displayName: 'Morgan Hale', jobTitle: "Director of Children's Services (demo)", role: 'safeguarding_partner', agency: 'la', entraObjectId: '00000000-0000-4000-8000-000000000003' },
  { key: 'police-lead', displayName: 'Chris Adeyemi', jobTitle: 'Detective Superintendent, Public Protection (demo)', role: 'safeguarding_partner', agency: 'police', entraObjectId: '00000000-0000-4000-8000-000000000004' },
  { key: 'icb-lead', displayName: 'Helen Okafor', jobTitle: 'Chief Nurse (demo)', role: 'safeguarding_partner', agency: 'icb', entraObjectId: '00000000-0000-4000-8000-000000000005' },
  { key: 'qa-chair', displayName: 'Dana Whitfield', jobTitle: 'Head of Quality Assurance (demo)', role: 'subgroup_chair', agency: 'la', entraObjectId: '00000000-0000-4000-8000-000000000006' },
  { key: 'cr-chair', displayName: 'Ravi Menon', jobTitle: 'Designated Nurse for Safeguarding Children (demo)', role: 'subgroup_chair', agency: 'icb', entraObjectId: '00000000-0000-4000-8000-000000000007' },
  { key: 'ld-chair', displayName: 'Tom Beckett', jobTitle: 'Headteacher and Education Safeguarding Lead (demo)', role: 'subgroup_chair', agency: 'schools', entraObjectId: '00000000-0000-4000-8000-000000000008' },
  { key: 'ex-chair', displayName: 'Aisha Karim', jobTitle: 'Detective Chief Inspector, Exploitation (demo)', role: 'subgroup_chair', agency: 'police', entraObjectId: '00000000-0000-4000-8000-000000000009' },
  { key: 'probation', displayName: 'Lee Marsh', jobTitle: 'Senior Probation Officer (demo)', role: 'partner_member', agency: 'probation', entraObjectId: '00000000-0000-4000-8000-00000000000a' },
  { key: 'vcs', displayName: 'Grace Lin', jobTitle: 'Chief Officer, Families Alliance (demo)', role: 'partner_member', agency: 'vcs', entraObjectId: '00000000-0000-4000-8000-00000000000b' },
  { key: 'trust', displayName: 'Owen Price', jobTitle: 'Named Nurse, Community Health (demo)', role: 'partner_member', agency: 'trust', entraObjectId: '00000000-0000-4000-8000-00000000000c' },
  { key: 'observer', displayName: 'Nadia Shah', jobTitle: 'Lead Member for Children, observer (demo)', role: 'read_only', agency: 'la', entraObjectId: '00000000-0000-4000-8000-00000000000d' },
];

export interface DemoForum {
  key: string;
  name: string;
  kind: ForumKind;
  description: string;
  chair: string;
  /** Months of the scrutiny year it meets in (4 = April … 3 = March). */
  months: number[];
  /** Which week of the month, and weekday (1 = Monday). */
  week: number;
  weekday: number;
  hour: number;
}

const ALL_MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];
export const DEMO_FORUMS: DemoForum[] = [
  { key: 'executive', name: 'Executive', kind: 'executive', description: 'The three statutory partners\' delegated leads: strategy, resources and assurance.', chair: 'dcs', months: [4, 6, 8, 10, 12, 2], week: 2, weekday: 3, hour: 10 },
  { key: 'board', name: 'Partnership Board', kind: 'partnership_board', description: 'The wider partnership with relevant agencies.', chair: 'dcs', months: [5, 7, 10, 1], week: 3, weekday: 4, hour: 14 },
  { key: 'qa', name: 'Quality Assurance Subgroup', kind: 'subgroup', description: 'Multi-agency audit, performance data and Section 11.', chair: 'qa-chair', months: [5, 7, 9, 11, 1, 3], week: 1, weekday: 2, hour: 10 },
  { key: 'case-review', name: 'Case Review Subgroup', kind: 'subgroup', description: 'Rapid reviews and child safeguarding practice reviews.', chair: 'cr-chair', months: ALL_MONTHS, week: 4, weekday: 1, hour: 13 },
  { key: 'learning', name: 'Learning and Development Subgroup', kind: 'subgroup', description: 'Multi-agency training and learning from reviews.', chair: 'ld-chair', months: [6, 9, 12, 3], week: 2, weekday: 5, hour: 10 },
  { key: 'exploitation', name: 'Exploitation Subgroup', kind: 'subgroup', description: 'Child exploitation, missing children and contextual safeguarding.', chair: 'ex-chair', months: [4, 6, 8, 10, 12, 2], week: 3, weekday: 2, hour: 9 },
];

export interface DemoMeetingPlan {
  forum: DemoForum;
  /** Calendar date in the UK, YYYY-MM-DD. */
  date: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
}

/** The scrutiny year (April–March) that contains `now`, as the year it starts in. */
export function scrutinyYearOf(now: Date): number {
  const month = now.getUTCMonth() + 1;
  return month >= 4 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

/** The n-th given weekday of a month, as YYYY-MM-DD. */
function nthWeekday(year: number, month: number, week: number, weekday: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (weekday - (first.getUTCDay() || 7) + 7) % 7;
  const day = 1 + offset + (week - 1) * 7;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A UK wall-clock time on a date, as an instant (British Summer Time from the last Sunday of March to that of October). */
export function ukTime(date: string, hour: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(y, month, 0));
    return last.getUTCDate() - last.getUTCDay();
  };
  const bst = (m > 3 && m < 10) || (m === 3 && d >= lastSunday(3)) || (m === 10 && d < lastSunday(10));
  return new Date(Date.UTC(y, m - 1, d, hour - (bst ? 1 : 0)));
}

export function demoMeetings(now: Date): DemoMeetingPlan[] {
  const startYear = scrutinyYearOf(now);
  const meetings: DemoMeetingPlan[] = [];
  for (const forum of DEMO_FORUMS) {
    for (const month of forum.months) {
      const year = month >= 4 ? startYear : startYear + 1;
      // No partnership meets between Christmas and New Year: those fall a week earlier.
      const week = month === 12 && forum.week === 4 ? 3 : forum.week;
      const date = nthWeekday(year, month, week, forum.weekday);
      const startsAt = ukTime(date, forum.hour);
      meetings.push({
        forum,
        date,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
        title: `${forum.name} meeting`,
      });
    }
  }
  return meetings.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Papers are published a week ahead; minutes exist once the meeting has happened. */
export function documentsAreOut(meeting: DemoMeetingPlan, now: Date): boolean {
  return meeting.startsAt.getTime() - now.getTime() <= 7 * 24 * 3600_000;
}
